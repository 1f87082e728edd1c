#include "libs/fetch/host_gate.h"

#include <atomic>
#include <thread>
#include <vector>

#include "absl/time/clock.h"
#include "gtest/gtest.h"

namespace frontline::fetch {
namespace {

TEST(HostGateTest, ExtractsHosts) {
  EXPECT_EQ(HostGate::HostOf("https://Example.ORG:8443/feed?x=1"),
            "example.org:8443");
  EXPECT_EQ(HostGate::HostOf("http://user@t.me/s/DeepStateUA"), "t.me");
}

TEST(HostGateTest, CapsConcurrencyPerHostButNotAcrossHosts) {
  HostGate gate({.max_concurrent = 2, .min_interval = absl::ZeroDuration()});
  std::atomic<int> active{0}, peak{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      auto permit = gate.Acquire("a.example");
      int now = ++active;
      int seen = peak.load();
      while (now > seen && !peak.compare_exchange_weak(seen, now)) {
      }
      absl::SleepFor(absl::Milliseconds(20));
      --active;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(peak.load(), 2);

  // Another host is not held up by a busy one.
  auto a1 = gate.Acquire("a.example");
  auto a2 = gate.Acquire("a.example");
  auto b = gate.Acquire("b.example");  // would block forever if shared
  SUCCEED();
}

TEST(HostGateTest, SpacesRequestStartsToOneHost) {
  HostGate gate({.max_concurrent = 4, .min_interval = absl::Milliseconds(50)});
  std::vector<absl::Time> starts;
  for (int i = 0; i < 4; ++i) {
    auto permit = gate.Acquire("slow.example");
    starts.push_back(absl::Now());
  }
  for (size_t i = 1; i < starts.size(); ++i) {
    EXPECT_GE(starts[i] - starts[i - 1], absl::Milliseconds(49));
  }
}

}  // namespace
}  // namespace frontline::fetch
