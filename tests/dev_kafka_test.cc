// `frontline dev-kafka` in its own process; this process talks Kafka to it.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "libs/bus/bus.h"
#include "libs/pipeline/topics.h"

namespace frontline {
namespace {

TEST(DevKafkaTest, ServesTheKafkaProtocolToOtherProcesses) {
  int out[2];
  ASSERT_EQ(pipe(out), 0);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    dup2(out[1], 1);
    close(out[0]);
    execl(FRONTLINE_BINARY, FRONTLINE_BINARY, "dev-kafka", "--brokers", "3",
          "--partitions", "2", nullptr);
    _exit(127);
  }
  close(out[1]);
  FILE* stdout_of_child = fdopen(out[0], "r");
  char line[512] = {0};
  ASSERT_NE(fgets(line, sizeof(line), stdout_of_child), nullptr);
  std::string bootstrap(line);
  bootstrap.erase(bootstrap.find_last_not_of("\n") + 1);
  EXPECT_EQ(bootstrap.rfind("127.0.0.1:", 0), 0u) << bootstrap;
  EXPECT_EQ(std::count(bootstrap.begin(), bootstrap.end(), ','), 2);

  {
    auto bus = bus::Bus::Open(absl::StrCat("kafka://", bootstrap));
    ASSERT_TRUE(bus.ok()) << bus.status();
    auto partitions = (*bus)->PartitionCount(pipeline::kRawTopic);
    ASSERT_TRUE(partitions.ok()) << partitions.status();
    EXPECT_EQ(*partitions, 2);
    auto report = (*bus)->ProduceSync(
        {.topic = pipeline::kRawTopic, .key = "k", .value = "v"},
        absl::Seconds(30));
    ASSERT_TRUE(report.ok() && report->status.ok());
    auto consumer = (*bus)->Assign(
        {{pipeline::kRawTopic, report->partition, bus::kOffsetBeginning}}, {});
    ASSERT_TRUE(consumer.ok());
    std::vector<bus::Record> got;
    const absl::Time deadline = absl::Now() + absl::Seconds(30);
    while (got.empty() && absl::Now() < deadline) {
      got = *(*consumer)->Poll(1, absl::Milliseconds(200));
    }
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].value, "v");
  }
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  fclose(stdout_of_child);
  EXPECT_TRUE(WIFEXITED(status)) << status;
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
}  // namespace frontline
