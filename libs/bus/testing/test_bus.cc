#include "libs/bus/testing/test_bus.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace frontline::bus::testing {

std::string EngineName(Engine engine) {
  return engine == Engine::kLocal ? "Local" : "Kafka";
}

TestBus::TestBus(Engine engine) : engine_(engine) {
  static std::atomic<int> counter{0};
  if (engine == Engine::kLocal) {
    dir_ = std::filesystem::temp_directory_path() /
           absl::StrCat("frontline-test-bus-", getpid(), "-", counter++);
    std::filesystem::remove_all(dir_);
    uri_ = "local:" + dir_.string();
  } else {
    auto mock = KafkaMockCluster::Start(3);
    if (!mock.ok()) std::abort();
    mock_ = *std::move(mock);
    uri_ = mock_->uri();
  }
  Reopen();
}

TestBus::~TestBus() {
  bus_.reset();
  if (!dir_.empty()) std::filesystem::remove_all(dir_);
}

void TestBus::Reopen() {
  bus_.reset();
  auto bus = Bus::Open(uri_);
  if (!bus.ok()) std::abort();
  bus_ = *std::move(bus);
}

absl::Status TestBus::CreateTopic(const TopicSpec& spec) {
  if (mock_) {
    if (absl::Status s = mock_->CreateTopic(spec.name, spec.partitions, 3);
        !s.ok()) {
      return s;
    }
  }
  return bus_->CreateTopic(spec);
}

std::vector<Record> TestBus::ReadAll(const std::string& topic, size_t expected,
                                     absl::Duration timeout) {
  std::vector<Record> out;
  auto partitions = bus_->PartitionCount(topic);
  if (!partitions.ok()) return out;
  std::vector<TopicPartitionOffset> start;
  for (int32_t p = 0; p < *partitions; ++p) {
    start.push_back({topic, p, kOffsetBeginning});
  }
  auto consumer = bus_->Assign(start, {});
  if (!consumer.ok()) return out;
  const absl::Time deadline = absl::Now() + timeout;
  // Past the expected count, one more short poll catches extras.
  bool extra_round = false;
  while (absl::Now() < deadline) {
    auto batch = (*consumer)->Poll(1000, out.size() >= expected
                                             ? absl::Milliseconds(300)
                                             : absl::Milliseconds(100));
    if (!batch.ok()) break;
    for (Record& r : *batch) out.push_back(std::move(r));
    if (out.size() >= expected) {
      if (extra_round && batch->empty()) break;
      extra_round = true;
    }
  }
  return out;
}

}  // namespace frontline::bus::testing
