#include "api/http/server.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include "api/http/beast.hpp"
#include "api/http/session.hpp"

namespace orderly::api::http {
namespace {

using asio::ip::tcp;

// Accept fails while the process is out of file descriptors; retrying at once would spin.
constexpr std::chrono::milliseconds kAcceptRetryDelay{50};

tcp::endpoint Resolve(asio::io_context& io, const std::string& host, unsigned short port) {
  beast::error_code error;
  asio::ip::address address = asio::ip::make_address(host, error);
  if (!error) return {address, port};
  tcp::resolver resolver(io);
  auto results = resolver.resolve(host, std::to_string(port), error);
  if (error || results.empty()) {
    throw std::runtime_error("cannot resolve listen host '" + host + "': " + error.message());
  }
  return results.begin()->endpoint();
}

}  // namespace

class Server::Impl {
 public:
  Impl(ServerOptions options, Handler handler)
      : options_(std::move(options)),
        handler_(std::move(handler)),
        io_(std::max(options_.threads, 1)),
        control_(asio::make_strand(io_)),
        acceptor_(control_),
        retry_timer_(control_),
        drained_timer_(control_) {}

  unsigned short Listen();
  void Run();
  void Stop();
  void StopOnSignals();

 private:
  asio::awaitable<void> Accept();
  asio::awaitable<void> Serve(std::shared_ptr<Session> session);
  asio::awaitable<void> Shutdown();
  bool Register(const std::shared_ptr<Session>& session);
  void Unregister(const std::shared_ptr<Session>& session);
  bool Drained();
  // Runs `action` on each live session's own strand.
  template <typename Action>
  void ForEachSession(Action action);

  const ServerOptions options_;
  const Handler handler_;
  // Declared before every I/O object so that it is destroyed after them.
  asio::io_context io_;
  asio::strand<asio::io_context::executor_type> control_;  // acceptor, signals, shutdown
  tcp::acceptor acceptor_;
  asio::steady_timer retry_timer_;
  asio::steady_timer drained_timer_;
  std::optional<asio::signal_set> signals_;
  std::atomic<bool> stopping_{false};
  bool listening_ = false;

  std::mutex sessions_mutex_;
  std::unordered_set<std::shared_ptr<Session>> sessions_;
};

unsigned short Server::Impl::Listen() {
  if (listening_) throw std::logic_error("Server::Listen called twice");
  tcp::endpoint endpoint = Resolve(io_, options_.host, options_.port);
  beast::error_code error;
  acceptor_.open(endpoint.protocol(), error);
  if (!error) acceptor_.set_option(asio::socket_base::reuse_address(true), error);
  if (!error) acceptor_.bind(endpoint, error);
  if (!error) acceptor_.listen(asio::socket_base::max_listen_connections, error);
  if (error) {
    beast::error_code ignored;
    acceptor_.close(ignored);
    throw std::runtime_error("cannot listen on " + options_.host + ":" +
                             std::to_string(options_.port) + ": " + error.message());
  }
  listening_ = true;
  asio::co_spawn(control_, Accept(), asio::detached);
  return acceptor_.local_endpoint().port();
}

void Server::Impl::Run() {
  if (!listening_) throw std::logic_error("Server::Run called before Listen");
  auto run = [this] {
    for (;;) {
      try {
        io_.run();
        return;
      } catch (const std::exception& e) {
        spdlog::error("http: io thread caught an exception: {}", e.what());
      }
    }
  };
  std::vector<std::jthread> helpers;
  for (int i = 1; i < options_.threads; ++i) helpers.emplace_back(run);
  run();
}

void Server::Impl::Stop() {
  if (stopping_.exchange(true)) return;
  asio::co_spawn(control_, Shutdown(), asio::detached);
}

void Server::Impl::StopOnSignals() {
  asio::dispatch(control_, [this] {
    // A signal_set left waiting after Stop() would keep Run() from returning.
    if (stopping_) return;
    signals_.emplace(control_, SIGINT, SIGTERM);
    signals_->async_wait([this](const beast::error_code& error, int signal) {
      if (error) return;
      spdlog::info("http: received signal {}, stopping", signal);
      Stop();
    });
  });
}

asio::awaitable<void> Server::Impl::Accept() {
  bool refusing = false;
  for (;;) {
    tcp::socket socket(asio::make_strand(io_));
    beast::error_code error;
    co_await acceptor_.async_accept(socket, asio::redirect_error(asio::use_awaitable, error));
    if (stopping_) co_return;
    if (error) {
      spdlog::warn("http: accept failed: {}", error.message());
      retry_timer_.expires_after(kAcceptRetryDelay);
      co_await retry_timer_.async_wait(asio::redirect_error(asio::use_awaitable, error));
      continue;
    }
    socket.set_option(tcp::no_delay(true), error);
    auto session =
        std::make_shared<Session>(std::move(socket), SessionContext{options_, handler_, stopping_});
    if (!Register(session)) {
      // Logged once per overload episode, not once per refused connection.
      if (!refusing) {
        spdlog::warn("http: {} connections open, refusing more", options_.max_connections);
      }
      refusing = true;
      continue;  // the session's socket closes with it
    }
    refusing = false;
    asio::co_spawn(session->Executor(), Serve(session), asio::detached);
  }
}

asio::awaitable<void> Server::Impl::Serve(std::shared_ptr<Session> session) {
  co_await session->Run();
  Unregister(session);
}

asio::awaitable<void> Server::Impl::Shutdown() {
  beast::error_code ignored;
  acceptor_.close(ignored);
  retry_timer_.cancel();
  if (signals_) signals_->cancel(ignored);
  ForEachSession([](Session& session) { session.CloseIfIdle(); });

  drained_timer_.expires_after(options_.shutdown_grace);
  // Unregister() cancels the timer through this strand once the last session is gone.
  if (!Drained()) {
    co_await drained_timer_.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
  }
  if (!Drained()) {
    spdlog::warn("http: shutdown grace period over, closing the remaining connections");
    ForEachSession([](Session& session) { session.Close(); });
  }
}

bool Server::Impl::Register(const std::shared_ptr<Session>& session) {
  std::lock_guard lock(sessions_mutex_);
  if (sessions_.size() >= options_.max_connections) return false;
  sessions_.insert(session);
  return true;
}

void Server::Impl::Unregister(const std::shared_ptr<Session>& session) {
  bool drained;
  {
    std::lock_guard lock(sessions_mutex_);
    sessions_.erase(session);
    drained = sessions_.empty();
  }
  if (drained && stopping_) asio::post(control_, [this] { drained_timer_.cancel(); });
}

bool Server::Impl::Drained() {
  std::lock_guard lock(sessions_mutex_);
  return sessions_.empty();
}

template <typename Action>
void Server::Impl::ForEachSession(Action action) {
  std::lock_guard lock(sessions_mutex_);
  for (const auto& session : sessions_) {
    asio::post(session->Executor(), [session, action] { action(*session); });
  }
}

Server::Server(ServerOptions options, Handler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}
Server::~Server() = default;

unsigned short Server::Listen() { return impl_->Listen(); }
void Server::Run() { impl_->Run(); }
void Server::Stop() { impl_->Stop(); }
void Server::StopOnSignals() { impl_->StopOnSignals(); }

}  // namespace orderly::api::http
