// Test helper: a separate process using a local bus, for local_bus_test.
//   local_bus_child write DIR  produce and commit in a loop, printing each
//                              confirmed offset as a line, until killed
//   local_bus_child hold DIR   open the bus, print "ready", wait for EOF on
//                              stdin
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <string>

#include "absl/strings/str_cat.h"
#include "libs/bus/bus.h"

using frontline::bus::Bus;
using frontline::bus::kOffsetCommitted;
using frontline::bus::TopicPartitionOffset;

int main(int argc, char** argv) {
  if (argc != 3) return 64;
  const std::string mode = argv[1];
  auto bus = Bus::Open(absl::StrCat("local:", argv[2]));
  if (!bus.ok()) {
    std::fprintf(stderr, "%s\n", bus.status().ToString().c_str());
    return 2;
  }
  if (mode == "hold") {
    std::printf("ready\n");
    std::fflush(stdout);
    char c;
    while (read(0, &c, 1) > 0) {
    }
    return 0;
  }
  if (mode != "write") return 64;
  if (!(*bus)->CreateTopic({.name = "t", .partitions = 1}).ok()) return 3;
  auto consumer = (*bus)->Assign({{"t", 0, kOffsetCommitted}}, {.group = "g"});
  if (!consumer.ok()) return 4;
  for (int64_t i = 0;; ++i) {
    auto report = (*bus)->ProduceSync(
        {.topic = "t", .key = "k", .value = absl::StrCat(i)},
        absl::Seconds(10));
    if (!report.ok() || !report->status.ok() || report->offset != i) return 5;
    TopicPartitionOffset next{"t", 0, i + 1};
    if (!(*consumer)->Commit({&next, 1}).ok()) return 6;
    std::printf("%lld\n", static_cast<long long>(i));
    std::fflush(stdout);
  }
}
