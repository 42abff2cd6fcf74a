// SQLite writers of one process (issue 8): they queue for the write lock in arrival order instead
// of polling in SQLite's busy handler, and WAL checkpoints run on a thread of their own.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <atomic>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "store/sqlite/shared_file.hpp"
#include "store/sqlite/sqlite_connection.hpp"
#include "store/sqlite/writer_queue.hpp"
#include "store/store.hpp"

namespace orderly::store {
namespace {

using namespace std::chrono_literals;

void WaitUntil(const std::function<bool()>& done) {
  while (!done()) std::this_thread::sleep_for(1ms);
}

TEST(WriterQueue, WritersTakeTurnsInArrivalOrder) {
  sqlite::WriterQueue queue;
  queue.Enter(10s);
  std::mutex mutex;
  std::vector<int> turns;
  std::vector<std::thread> writers;
  for (int i = 0; i < 5; ++i) {
    writers.emplace_back([&, i] {
      queue.Enter(60s);
      {
        std::lock_guard lock(mutex);
        turns.push_back(i);
      }
      queue.Leave();
    });
    // The next one arrives only once this one is queued.
    WaitUntil([&] { return queue.Waiting() == static_cast<std::size_t>(i + 1); });
  }
  queue.Leave();
  for (auto& writer : writers) writer.join();
  EXPECT_EQ(turns, (std::vector<int>{0, 1, 2, 3, 4}));
}

TEST(WriterQueue, AWriterWhoseTurnDoesNotComeGivesUpAndLeavesTheQueueWorking) {
  sqlite::WriterQueue queue;
  queue.Enter(10s);
  EXPECT_THROW(queue.Enter(1ms), std::runtime_error);
  EXPECT_EQ(queue.Waiting(), 0u);
  queue.Leave();
  queue.Enter(10s);  // the queue still works
  queue.Leave();
}

class SqliteWritersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "orderly-writers-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    directory_ = pattern;
    path_ = (directory_ / "test.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  std::filesystem::path directory_;
  std::string path_;
};

// Read-modify-write from four connections at once: each writer's turn covers its whole
// transaction, so no increment is lost and nobody is refused.
TEST_F(SqliteWritersTest, ConcurrentWritersOfOneProcessAllGetTheirTurn) {
  const sqlite::SqliteOptions options{.path = path_};
  {
    sqlite::SqliteConnection setup(options);
    setup.ExecuteScript("CREATE TABLE counter (n INTEGER); INSERT INTO counter VALUES (0);");
  }
  std::atomic<int> failures = 0;
  std::vector<std::thread> writers;
  for (int i = 0; i < 4; ++i) {
    writers.emplace_back([&] {
      sqlite::SqliteConnection connection(
          sqlite::SqliteOptions{.path = path_, .busy_timeout_ms = 30000});
      for (int step = 0; step < 50; ++step) {
        try {
          connection.Begin(true);
          const auto n = connection.Query("SELECT n FROM counter").rows.at(0).Int(0);
          connection.Query("UPDATE counter SET n = $1", {n + 1});
          connection.Commit();
        } catch (const std::exception&) {
          connection.Rollback();
          ++failures;
        }
      }
    });
  }
  for (auto& writer : writers) writer.join();
  sqlite::SqliteConnection check(options);
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(check.Query("SELECT n FROM counter").rows.at(0).Int(0), 200);
}

TEST_F(SqliteWritersTest, ARolledBackOrFailedWriterLeavesTheQueue) {
  const sqlite::SqliteOptions options{.path = path_};
  sqlite::SqliteConnection first(options);
  sqlite::SqliteConnection second(options);
  first.ExecuteScript("CREATE TABLE t (x INTEGER PRIMARY KEY)");
  first.Begin(true);
  first.Query("INSERT INTO t VALUES (1)");
  first.Rollback();
  second.Begin(true);
  second.Query("INSERT INTO t VALUES (1)");
  EXPECT_THROW(second.Query("INSERT INTO t VALUES (1)"), sql::UniqueViolation);
  second.Commit();
  first.Begin(true);  // would wait forever if either had kept its turn
  first.Commit();
}

// The commit that grows the WAL past the threshold only asks; the checkpoint runs on the
// checkpointer's thread.
TEST_F(SqliteWritersTest, CheckpointsRunOnTheirOwnThread) {
  sqlite::SqliteConnection connection(sqlite::SqliteOptions{.path = path_});
  const auto file = sqlite::SharedFile::Of(path_);
  EXPECT_EQ(file->checkpointer.Completed(), 0u);
  connection.ExecuteScript("CREATE TABLE blobs (b BLOB)");
  connection.Begin(true);
  // 2000 rows of 4 KiB: more than the 1000 pages that ask for a checkpoint.
  for (int i = 0; i < 2000; ++i) connection.Query("INSERT INTO blobs VALUES (zeroblob(4096))");
  connection.Commit();
  WaitUntil([&] { return file->checkpointer.Completed() > 0; });
  // Every frame written is in the database file now: a further PASSIVE checkpoint finds the log
  // fully copied.
  const auto result = connection.Query("PRAGMA wal_checkpoint(PASSIVE)");
  EXPECT_EQ(result.rows.at(0).Int(1), result.rows.at(0).Int(2));
}

}  // namespace
}  // namespace orderly::store
