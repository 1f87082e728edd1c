// The embedded engine across process deaths: kill -9 in the middle of
// writing, and a directory held by another process; and a full disk under
// the dead-letter topic.
#include "libs/bus/local_bus.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "libs/bus/bus.h"
#include "libs/bus/dead_letter.h"
#include "libs/bus/stage_runner.h"

namespace frontline::bus {
namespace {

class LocalBusProcessTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           absl::StrCat(
               "local-bus-", getpid(), "-",
               testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Uri() const { return "local:" + dir_.string(); }

  std::filesystem::path dir_;
};

// Starts local_bus_child MODE DIR with pipes to its stdin and stdout.
struct Child {
  pid_t pid = -1;
  FILE* out = nullptr;  // the child's stdout
  int in = -1;          // the child's stdin
};

Child Spawn(const char* mode, const std::string& dir) {
  int to_child[2], from_child[2];
  Child c;
  if (pipe(to_child) != 0 || pipe(from_child) != 0) return c;
  c.pid = fork();
  if (c.pid == 0) {
    dup2(to_child[0], 0);
    dup2(from_child[1], 1);
    close(to_child[1]);
    close(from_child[0]);
    execl(FRONTLINE_LOCAL_BUS_CHILD, FRONTLINE_LOCAL_BUS_CHILD, mode,
          dir.c_str(), nullptr);
    _exit(127);
  }
  close(to_child[0]);
  close(from_child[1]);
  c.in = to_child[1];
  c.out = fdopen(from_child[0], "r");
  return c;
}

// The child writes and commits in a loop, confirming each step; the parent
// kills it with SIGKILL mid-stream. Everything confirmed must survive,
// readable and in order, and the group resumes where it last committed.
TEST_F(LocalBusProcessTest, KillNineLosesNothingConfirmed) {
  Child child = Spawn("write", dir_.string());
  ASSERT_GT(child.pid, 0);
  long long confirmed = -1, last;
  while (confirmed < 700 && fscanf(child.out, "%lld", &last) == 1) {
    confirmed = last;
  }
  kill(child.pid, SIGKILL);
  int status = 0;
  waitpid(child.pid, &status, 0);
  fclose(child.out);
  close(child.in);
  ASSERT_TRUE(WIFSIGNALED(status)) << "child failed early: " << status;
  ASSERT_GE(confirmed, 700);

  auto bus = Bus::Open(Uri());
  ASSERT_TRUE(bus.ok()) << bus.status();
  auto marks = (*bus)->Watermarks({"t", 0});
  ASSERT_TRUE(marks.ok());
  EXPECT_GT(marks->second, confirmed);
  auto reader = (*bus)->Assign({{"t", 0, kOffsetBeginning}}, {});
  ASSERT_TRUE(reader.ok());
  int64_t expected = 0;
  while (expected < marks->second) {
    auto batch = (*reader)->Poll(1000, absl::Seconds(1));
    ASSERT_TRUE(batch.ok()) << batch.status();
    ASSERT_FALSE(batch->empty()) << "hole at " << expected;
    for (const Record& r : *batch) {
      ASSERT_EQ(r.offset, expected);
      ASSERT_EQ(r.value, absl::StrCat(expected));
      ++expected;
    }
  }
  // The group resumes after the last commit it confirmed, never before.
  auto resumed = (*bus)->Subscribe({.group = "g", .topics = {"t"}});
  ASSERT_TRUE(resumed.ok());
  ASSERT_TRUE(
      (*bus)
          ->ProduceSync({.topic = "t", .value = "after"}, absl::Seconds(10))
          .ok());
  auto batch = (*resumed)->Poll(1, absl::Seconds(5));
  ASSERT_TRUE(batch.ok());
  ASSERT_EQ(batch->size(), 1u);
  EXPECT_GE(batch->front().offset, confirmed + 1);
}

TEST_F(LocalBusProcessTest, ADirectoryHeldByAnotherProcessIsAClearError) {
  Child child = Spawn("hold", dir_.string());
  ASSERT_GT(child.pid, 0);
  char line[16] = {0};
  ASSERT_NE(fgets(line, sizeof(line), child.out), nullptr);
  ASSERT_STREQ(line, "ready\n");
  auto bus = Bus::Open(Uri());
  EXPECT_EQ(bus.status().code(), absl::StatusCode::kFailedPrecondition)
      << bus.status();
  EXPECT_NE(bus.status().message().find("lock"), std::string::npos)
      << bus.status();
  close(child.in);  // the holder exits
  int status = 0;
  waitpid(child.pid, &status, 0);
  fclose(child.out);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_TRUE(Bus::Open(Uri()).ok());
}

// Found by the full-disk fault test: with no space left, the dead letter of
// a record could not be written and the stage retried for ever instead of
// stopping. Now the runner stops with the storage error and commits nothing
// past the record it could not park.
TEST_F(LocalBusProcessTest, AFullDiskUnderTheDeadLetterTopicStopsTheStage) {
  auto bus = Bus::Open(Uri());
  ASSERT_TRUE(bus.ok()) << bus.status();
  ASSERT_TRUE((*bus)->CreateTopic({.name = "t", .partitions = 1}).ok());
  ASSERT_TRUE((*bus)->CreateTopic({.name = "dlq", .partitions = 1}).ok());
  for (const char* value : {"good", "poison", "good"}) {
    ASSERT_TRUE(
        (*bus)
            ->ProduceSync({.topic = "t", .value = value}, absl::Seconds(10))
            .ok());
  }
  SetLocalProduceFaultForTesting(
      **bus, "dlq", absl::ResourceExhaustedError("test: no space left"));
  {
    auto consumer = (*bus)->Subscribe({.group = "g", .topics = {"t"}});
    ASSERT_TRUE(consumer.ok());
    DeadLetterWriter dead_letters(**bus, {.topic = "dlq", .stage = "test"});
    StageRunner runner(**consumer, dead_letters, [](const Record& r) {
      return r.value == "poison" ? absl::InvalidArgumentError("bad")
                                 : absl::OkStatus();
    });
    absl::StatusOr<size_t> round = runner.RunOnce();
    EXPECT_EQ(round.status().code(), absl::StatusCode::kResourceExhausted)
        << round.status();
    EXPECT_EQ(dead_letters.written(), 0u);
  }
  SetLocalProduceFaultForTesting(**bus, "dlq", absl::OkStatus());
  auto again = (*bus)->Subscribe({.group = "g", .topics = {"t"}});
  ASSERT_TRUE(again.ok());
  auto batch = (*again)->Poll(10, absl::Seconds(5));
  ASSERT_TRUE(batch.ok());
  ASSERT_FALSE(batch->empty());
  EXPECT_EQ(batch->front().offset, 0) << "committed past an unparked record";
}

}  // namespace
}  // namespace frontline::bus
