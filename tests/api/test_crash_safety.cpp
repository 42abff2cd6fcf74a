// A server killed with SIGKILL in the middle of writes restarts with a consistent database in
// which every write it acknowledged is present.
#include <atomic>
#include <chrono>
#include <mutex>
#include <random>
#include <thread>

#include "api_fixture.hpp"

namespace orderly::testing {
namespace {

class CrashSafetyTest : public ApiTest {};

TEST_F(CrashSafetyTest, AcknowledgedWritesSurviveSigkill) {
  constexpr int kRounds = 3;
  constexpr int kWriters = 4;
  std::vector<std::string> acknowledged;  // uuids of customers whose creation got a 201
  std::mt19937 random(12345);

  for (int round = 0; round < kRounds; ++round) {
    const int port = server().port();
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w) {
      writers.emplace_back([&, w] {
        ApiClient client(port);
        for (int i = 0; !stop; ++i) {
          try {
            const auto response = client.Post(
                "/api/customers/",
                {{"name", "r" + std::to_string(round) + "w" + std::to_string(w) + "-" + std::to_string(i)}},
                staff_token());
            if (response.status == 201) {
              std::lock_guard lock(mutex);
              acknowledged.push_back(response.body.at("uuid").get<std::string>());
            }
          } catch (const std::exception&) {
            return;  // the server died under us: expected
          }
        }
      });
    }
    // Let some writes land, then kill at an arbitrary moment.
    std::this_thread::sleep_for(std::chrono::milliseconds(150 + random() % 200));
    server().Kill();
    stop = true;
    for (auto& writer : writers) writer.join();

    server().Start();
    Reconnect();
    ASSERT_EQ(api().Get("/health/").status, 200);
  }

  ASSERT_GT(acknowledged.size(), 10u) << "the load produced too few writes to mean anything";
  const auto listed = api().Get("/api/customers/?page_size=1", staff_token());
  ASSERT_EQ(listed.status, 200);
  EXPECT_GE(std::stoul(listed.Header("X-Result-Count")), acknowledged.size());
  for (const auto& uuid : acknowledged) {
    ASSERT_EQ(api().Get("/api/customers/" + uuid + "/", staff_token()).status, 200) << uuid;
  }
}

}  // namespace
}  // namespace orderly::testing
