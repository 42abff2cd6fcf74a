// The OpenStack.Tenant and Marketplace.Rancher pieces that need no server: secret_options,
// the limit -> quota table and the Keystone catalog lookup.
#include <gtest/gtest.h>

#include "domain/error.hpp"
#include "processing/openstack/keystone_session.hpp"
#include "processing/openstack/openstack_settings.hpp"
#include "processing/openstack/quota_mapping.hpp"
#include "processing/rancher/rancher_settings.hpp"

namespace orderly::processing {
namespace {

using nlohmann::json;

std::string FieldOfError(const std::function<void()>& call) {
  try {
    call();
  } catch (const Error& error) {
    return error.field();
  }
  return "(no error)";
}

TEST(OpenStackSettings, AddsV3AndDefaultsAndNamesTheMissingField) {
  const auto settings = openstack::ReadOpenStackSettings({{"backend_url", "http://keystone:5000/"},
                                                          {"username", "u"},
                                                          {"password", "p"},
                                                          {"timeout", 5}});
  EXPECT_EQ(settings.keystone_url, "http://keystone:5000/v3");
  EXPECT_EQ(settings.tenant, "admin");
  EXPECT_EQ(settings.domain, "Default");
  EXPECT_EQ(settings.interface, "public");
  EXPECT_EQ(settings.timeout.count(), 5);
  EXPECT_EQ(openstack::ReadOpenStackSettings(
                {{"backend_url", "http://k/identity/v3"}, {"username", "u"}, {"password", "p"}})
                .keystone_url,
            "http://k/identity/v3");
  EXPECT_EQ(FieldOfError([] {
              openstack::ReadOpenStackSettings({{"username", "u"}, {"password", "p"}});
            }),
            "secret_options.backend_url");
  EXPECT_EQ(FieldOfError([] {
              openstack::ReadOpenStackSettings({{"backend_url", "http://k"}, {"password", "p"}});
            }),
            "secret_options.username");
  EXPECT_EQ(FieldOfError([] {
              openstack::ReadOpenStackSettings(
                  {{"backend_url", "http://k"}, {"username", "u"}, {"password", ""}});
            }),
            "secret_options.password");
  EXPECT_EQ(FieldOfError([] {
              openstack::ReadOpenStackSettings(
                  {{"backend_url", "ftp://k"}, {"username", "u"}, {"password", "p"}});
            }),
            "secret_options.backend_url");
  EXPECT_EQ(FieldOfError([] {
              openstack::ReadOpenStackSettings({{"backend_url", "http://k"},
                                                {"username", "u"},
                                                {"password", "p"},
                                                {"timeout", "soon"}});
            }),
            "secret_options.timeout");
}

TEST(RancherSettings, TakesATokenOrAnApiKeyPair) {
  EXPECT_EQ(rancher::ReadRancherSettings({{"backend_url", "http://r"}, {"token", "t:s"}}).api_url,
            "http://r/v3");
  EXPECT_EQ(
      rancher::ReadRancherSettings({{"backend_url", "http://r/v3/"}, {"token", "t:s"}}).api_url,
      "http://r/v3");
  EXPECT_EQ(rancher::ReadRancherSettings(
                {{"backend_url", "http://r"}, {"username", "token-a"}, {"password", "b"}})
                .token,
            "token-a:b");
  EXPECT_EQ(FieldOfError([] {
              rancher::ReadRancherSettings({{"backend_url", "http://r"}});
            }),
            "secret_options.token");
  EXPECT_EQ(FieldOfError([] {
              rancher::ReadRancherSettings({{"backend_url", "http://r"}, {"username", "a"}});
            }),
            "secret_options.password");
  EXPECT_EQ(FieldOfError([] {
              rancher::ReadRancherSettings({{"token", "t"}});
            }),
            "secret_options.backend_url");
}

TEST(QuotaMapping, MapsWaldurLimitNamesToServiceQuotas) {
  const auto quotas = openstack::QuotasFromLimits({{"cores", 4},
                                                   {"ram", 8192},
                                                   {"storage", 20481},  // MiB: rounded up to 21 GiB
                                                   {"floating_ip_count", -1},
                                                   {"network_count", 3},
                                                   {"gpu", 2}});  // no rule: not sent anywhere
  EXPECT_EQ(quotas.compute, json({{"cores", 4}, {"ram", 8192}}));
  EXPECT_EQ(quotas.volume, json({{"gigabytes", 21}}));
  EXPECT_EQ(quotas.network, json({{"floatingip", -1}, {"network", 3}}));
  EXPECT_TRUE(openstack::QuotasFromLimits({{"cores", 2}}).network.empty());
  EXPECT_TRUE(openstack::QuotasFromLimits(json::object()).compute.empty());
}

TEST(KeystoneCatalog, PicksTheEndpointOfTheInterfaceAndRegion) {
  openstack::KeystoneSession session;
  session.catalog = json::array(
      {{{"type", "compute"},
        {"endpoints",
         {{{"interface", "internal"}, {"region_id", "north"}, {"url", "http://internal/"}},
          {{"interface", "public"}, {"region_id", "north"}, {"url", "http://north/v2.1/"}},
          {{"interface", "public"}, {"region_id", "south"}, {"url", "http://south/v2.1"}}}}}});
  openstack::OpenStackSettings settings;
  EXPECT_EQ(openstack::EndpointOf(session, "compute", settings), "http://north/v2.1");
  settings.region = "south";
  EXPECT_EQ(openstack::EndpointOf(session, "compute", settings), "http://south/v2.1");
  EXPECT_THROW(openstack::EndpointOf(session, "network", settings), backend_http::BackendError);
}

}  // namespace
}  // namespace orderly::processing
