// Fake OpenStack (Keystone, Nova, Neutron, Cinder) and Rancher servers for `orderly demo`: the
// demo's OpenStack.Tenant and Marketplace.Rancher offerings point at them. Not a backend: the
// state lives in memory and is gone when the program stops.
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>

#include "fake_openstack.hpp"
#include "fake_rancher.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: fake_backends OPENSTACK_PORT RANCHER_PORT (listens on 127.0.0.1)\n";
    return 2;
  }
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);  // the server threads inherit the mask

  orderly::fakes::FakeOpenStack openstack;
  orderly::fakes::FakeRancher rancher("token-demo:secret", 3);
  openstack.Start("127.0.0.1", std::atoi(argv[1]));
  rancher.Start("127.0.0.1", std::atoi(argv[2]));
  std::cout << "fake Keystone v3 at " << openstack.KeystoneUrl()
            << " (user admin / secret, project admin)\n"
            << "fake Rancher v3 at " << rancher.ApiUrl() << " (token token-demo:secret)"
            << std::endl;
  int received = 0;
  sigwait(&stop_signals, &received);
  rancher.Stop();
  openstack.Stop();
  return 0;
}
