// One suite, both engines: what every Bus must do.
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "libs/bus/bus.h"
#include "libs/bus/cloud_events.h"
#include "libs/bus/dead_letter.h"
#include "libs/bus/kafka_mock_cluster.h"
#include "libs/bus/local_bus.h"
#include "libs/bus/partitioner.h"
#include "libs/bus/stage_runner.h"

namespace frontline::bus {
namespace {

constexpr absl::Duration kWait = absl::Seconds(60);

std::string UniqueName(absl::string_view stem) {
  static std::atomic<int> counter{0};
  const auto* info = testing::UnitTest::GetInstance()->current_test_info();
  std::string name = absl::StrCat(stem, "-", info->name(), "-", getpid(), "-",
                                  counter.fetch_add(1));
  std::replace(name.begin(), name.end(), '/', '.');
  return name;
}

// The embedded engine in a fresh directory.
class LocalEngine {
 public:
  LocalEngine() {
    dir_ = std::filesystem::temp_directory_path() / UniqueName("bus");
    std::filesystem::remove_all(dir_);
  }
  ~LocalEngine() { std::filesystem::remove_all(dir_); }
  std::string Uri() const { return "local:" + dir_.string(); }
  bool CanFailTopics() const { return true; }
  void PrepareTopic(const std::string&, int) {}
  void SetTopicDown(Bus& bus, const std::string& topic, bool down) {
    SetLocalProduceFaultForTesting(
        bus, topic,
        down ? absl::UnavailableError("test: topic down") : absl::OkStatus());
  }

 private:
  std::filesystem::path dir_;
};

// The Kafka engine against librdkafka's mock cluster (3 brokers), or against
// a real cluster named by FRONTLINE_TEST_KAFKA=host:port.
class KafkaEngine {
 public:
  KafkaEngine() {
    if (const char* real = std::getenv("FRONTLINE_TEST_KAFKA");
        real != nullptr && *real != '\0') {
      uri_ = absl::StrCat("kafka://", real);
      return;
    }
    auto mock = KafkaMockCluster::Start(3);
    EXPECT_TRUE(mock.ok()) << mock.status();
    if (mock.ok()) {
      mock_ = *std::move(mock);
      uri_ = mock_->uri();
    }
  }
  std::string Uri() const { return uri_; }
  bool CanFailTopics() const { return mock_ != nullptr; }
  // librdkafka 2.0's mock cluster has no controller for CreateTopics: the
  // topic is made the mock's way, and the bus finds it.
  void PrepareTopic(const std::string& name, int partitions) {
    if (mock_) {
      ASSERT_TRUE(mock_->CreateTopic(name, partitions, 3).ok());
    }
  }
  // Only the dead-letter topic is produced to while it is down.
  void SetTopicDown(Bus&, const std::string&, bool down) {
    mock_->SetProduceFailing(down);
  }

 private:
  std::unique_ptr<KafkaMockCluster> mock_;
  std::string uri_;
};

template <typename Engine>
class BusConformanceTest : public testing::Test {
 protected:
  void SetUp() override { bus_ = OpenBus(); }

  std::unique_ptr<Bus> OpenBus() {
    BusOptions options;
    options.connect_timeout = absl::Seconds(20);
    auto bus = Bus::Open(engine_.Uri(), options);
    EXPECT_TRUE(bus.ok()) << bus.status();
    return bus.ok() ? *std::move(bus) : nullptr;
  }

  std::string NewTopic(int partitions) {
    std::string name = UniqueName("t");
    engine_.PrepareTopic(name, partitions);
    absl::Status s =
        bus_->CreateTopic({.name = name, .partitions = partitions});
    EXPECT_TRUE(s.ok()) << s;
    return name;
  }

  void ProduceAll(const std::vector<Message>& messages) {
    std::atomic<int> failed{0};
    for (const Message& m : messages) {
      ASSERT_TRUE(bus_->Produce(m,
                                [&failed](const DeliveryReport& r) {
                                  if (!r.status.ok()) failed++;
                                })
                      .ok());
    }
    ASSERT_TRUE(bus_->Flush(kWait).ok());
    ASSERT_EQ(failed.load(), 0);
  }

  static std::vector<Message> Numbered(const std::string& topic, int n,
                                       int keys = 0) {
    std::vector<Message> out;
    for (int i = 0; i < n; ++i) {
      out.push_back({.topic = topic,
                     .key = keys ? absl::StrCat("key-", i % keys) : "",
                     .value = absl::StrCat(i)});
    }
    return out;
  }

  // Polls until `n` records arrived (or the deadline).
  static std::vector<Record> PollN(Consumer& consumer, size_t n) {
    std::vector<Record> out;
    const absl::Time deadline = absl::Now() + kWait;
    while (out.size() < n && absl::Now() < deadline) {
      auto batch = consumer.Poll(n - out.size(), absl::Milliseconds(200));
      EXPECT_TRUE(batch.ok()) << batch.status();
      if (!batch.ok()) break;
      for (Record& r : *batch) out.push_back(std::move(r));
    }
    return out;
  }

  std::unique_ptr<Consumer> Subscribe(const std::string& group,
                                      const std::string& topic) {
    auto consumer = bus_->Subscribe({.group = group, .topics = {topic}});
    EXPECT_TRUE(consumer.ok()) << consumer.status();
    return consumer.ok() ? *std::move(consumer) : nullptr;
  }

  Engine engine_;
  std::unique_ptr<Bus> bus_;
};

using Engines = testing::Types<LocalEngine, KafkaEngine>;
class EngineNames {
 public:
  template <typename T>
  static std::string GetName(int) {
    return std::is_same_v<T, LocalEngine> ? "Local" : "Kafka";
  }
};
TYPED_TEST_SUITE(BusConformanceTest, Engines, EngineNames);

TYPED_TEST(BusConformanceTest, KeepsOrderWithinEachPartition) {
  const std::string topic = this->NewTopic(3);
  this->ProduceAll(this->Numbered(topic, 300, /*keys=*/7));
  auto consumer = this->Subscribe(UniqueName("g"), topic);
  auto records = this->PollN(*consumer, 300);
  ASSERT_EQ(records.size(), 300u);
  std::map<std::string, int> last_value_of_key;
  std::map<int32_t, int64_t> last_offset;
  for (const Record& r : records) {
    int value = std::stoi(r.value);
    auto [it, fresh] = last_value_of_key.try_emplace(r.key, value);
    if (!fresh) {
      EXPECT_GT(value, it->second) << "key " << r.key << " out of order";
      it->second = value;
    }
    auto [off, first] = last_offset.try_emplace(r.partition, r.offset);
    if (!first) {
      EXPECT_EQ(r.offset, off->second + 1) << "gap or reorder";
      off->second = r.offset;
    }
  }
}

TYPED_TEST(BusConformanceTest, PlacesKeysWithKafkasMurmur2Partitioner) {
  const std::string topic = this->NewTopic(6);
  std::vector<int32_t> delivered(50, -1);
  for (int i = 0; i < 50; ++i) {
    ASSERT_TRUE(this->bus_
                    ->Produce({.topic = topic,
                               .key = absl::StrCat("doc:", i * 7919),
                               .value = "v"},
                              [&delivered, i](const DeliveryReport& r) {
                                delivered[i] = r.partition;
                              })
                    .ok());
  }
  ASSERT_TRUE(this->bus_->Flush(kWait).ok());
  std::set<int32_t> used;
  for (int i = 0; i < 50; ++i) {
    EXPECT_EQ(delivered[i], PartitionForKey(absl::StrCat("doc:", i * 7919), 6));
    used.insert(delivered[i]);
  }
  EXPECT_GT(used.size(), 3u);  // keys spread
  auto consumer = this->Subscribe(UniqueName("g"), topic);
  for (const Record& r : this->PollN(*consumer, 50)) {
    EXPECT_EQ(r.partition, PartitionForKey(r.key, 6));
  }
}

TYPED_TEST(BusConformanceTest, RoundTripsHeadersAndBinaryValues) {
  const std::string topic = this->NewTopic(1);
  Message m{.topic = topic,
            .key = "doc-1",
            .value = std::string("\0\x01\xff proto", 9),
            .timestamp_ms = 1736121600000};
  AppendCloudEventHeaders({.id = "doc-1",
                           .source = "/frontline/test",
                           .type = "frontline.v1.RawDocument",
                           .time = absl::FromUnixMillis(1736121600000)},
                          m.headers);
  m.headers.push_back({"binary", std::string("a\0b", 3)});
  m.headers.push_back({"empty", ""});
  this->ProduceAll({m});
  auto consumer = this->Subscribe(UniqueName("g"), topic);
  auto records = this->PollN(*consumer, 1);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].key, m.key);
  EXPECT_EQ(records[0].value, m.value);
  EXPECT_EQ(records[0].headers, m.headers);
  EXPECT_EQ(records[0].timestamp_ms, m.timestamp_ms);
  auto event = ParseCloudEventHeaders(records[0].headers);
  ASSERT_TRUE(event.ok()) << event.status();
  EXPECT_EQ(event->type, "frontline.v1.RawDocument");
}

TYPED_TEST(BusConformanceTest, GroupResumesFromCommittedOffsetsAfterRestart) {
  const std::string topic = this->NewTopic(1);
  const std::string group = UniqueName("g");
  this->ProduceAll(this->Numbered(topic, 100));
  {
    auto consumer = this->Subscribe(group, topic);
    auto records = this->PollN(*consumer, 100);
    ASSERT_EQ(records.size(), 100u);
    ASSERT_TRUE(consumer->CommitRecord(records[39]).ok());
  }
  this->bus_.reset();  // the whole process goes away
  this->bus_ = this->OpenBus();
  ASSERT_NE(this->bus_, nullptr);
  this->ProduceAll(this->Numbered(topic, 20));
  auto consumer = this->Subscribe(group, topic);
  auto records = this->PollN(*consumer, 80);
  ASSERT_EQ(records.size(), 80u);
  EXPECT_EQ(records.front().offset, 40);
  EXPECT_EQ(records.front().value, "40");
  EXPECT_EQ(records.back().offset, 119);
}

TYPED_TEST(BusConformanceTest, ReportsLagBehindTheHighWatermark) {
  const std::string topic = this->NewTopic(1);
  this->ProduceAll(this->Numbered(topic, 100));
  auto consumer = this->Subscribe(UniqueName("g"), topic);
  ASSERT_EQ(this->PollN(*consumer, 30).size(), 30u);
  std::vector<PartitionLag> lag = consumer->Lag();
  ASSERT_EQ(lag.size(), 1u);
  EXPECT_EQ(lag[0].partition, (TopicPartition{topic, 0}));
  EXPECT_EQ(lag[0].records, 70);
  ASSERT_EQ(this->PollN(*consumer, 70).size(), 70u);
  lag = consumer->Lag();
  ASSERT_EQ(lag.size(), 1u);
  EXPECT_EQ(lag[0].records, 0);
}

TYPED_TEST(BusConformanceTest, ReplaysFromOffsetZero) {
  const std::string topic = this->NewTopic(2);
  const std::string group = UniqueName("g");
  this->ProduceAll(this->Numbered(topic, 40, 5));
  auto consumer = this->Subscribe(group, topic);
  auto first = this->PollN(*consumer, 40);
  ASSERT_EQ(first.size(), 40u);
  for (const Record& r : first) ASSERT_TRUE(consumer->CommitRecord(r).ok());
  ASSERT_TRUE(consumer->SeekToBeginning().ok());
  auto again = this->PollN(*consumer, 40);
  ASSERT_EQ(again.size(), 40u);
  std::multiset<std::string> a, b;
  for (const Record& r : first) a.insert(r.value);
  for (const Record& r : again) b.insert(r.value);
  EXPECT_EQ(a, b);

  // A fresh reader of the whole topic, with no group at all.
  auto replay = this->bus_->Assign(
      {{topic, 0, kOffsetBeginning}, {topic, 1, kOffsetBeginning}}, {});
  ASSERT_TRUE(replay.ok()) << replay.status();
  EXPECT_EQ(this->PollN(**replay, 40).size(), 40u);
}

TYPED_TEST(BusConformanceTest, RedeliversUncommittedRecordsAfterConsumerCrash) {
  const std::string topic = this->NewTopic(1);
  const std::string group = UniqueName("g");
  this->ProduceAll(this->Numbered(topic, 50));
  {
    auto crashing = this->Subscribe(group, topic);
    auto records = this->PollN(*crashing, 50);
    ASSERT_EQ(records.size(), 50u);
    ASSERT_TRUE(crashing->CommitRecord(records[19]).ok());
    // Processed 20..49 but died before committing them.
  }
  auto successor = this->Subscribe(group, topic);
  auto records = this->PollN(*successor, 30);
  ASSERT_EQ(records.size(), 30u);
  for (int i = 0; i < 30; ++i)
    EXPECT_EQ(records[i].value, absl::StrCat(20 + i));
}

TYPED_TEST(BusConformanceTest, StartsFromOffsetsTheConsumerSupplies) {
  const std::string topic = this->NewTopic(2);
  std::vector<Message> messages;
  for (int i = 0; i < 30; ++i) {
    messages.push_back(
        {.topic = topic, .value = absl::StrCat(i), .partition = 1});
  }
  this->ProduceAll(messages);
  auto consumer = this->bus_->Assign({{topic, 1, 17}}, {});
  ASSERT_TRUE(consumer.ok()) << consumer.status();
  auto records = this->PollN(**consumer, 13);
  ASSERT_EQ(records.size(), 13u);
  EXPECT_EQ(records.front().offset, 17);
  EXPECT_EQ(records.front().value, "17");
  EXPECT_EQ((*consumer)->Assignment(),
            (std::vector<TopicPartition>{{topic, 1}}));
  ASSERT_TRUE((*consumer)->Seek({topic, 1, 5}).ok());
  records = this->PollN(**consumer, 1);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records.front().offset, 5);
  auto marks = this->bus_->Watermarks({topic, 1});
  ASSERT_TRUE(marks.ok()) << marks.status();
  EXPECT_EQ(marks->second, 30);
}

TYPED_TEST(BusConformanceTest, DeadLettersPoisonAndKeepsConsuming) {
  const std::string topic = this->NewTopic(1);
  const std::string dlq = this->NewTopic(1);
  const std::string group = UniqueName("g");
  auto messages = this->Numbered(topic, 10);
  messages[4].value = "poison";
  messages[4].key = "bad-key";
  messages[4].headers = {{"ce_type", "frontline.v1.RawDocument"}};
  this->ProduceAll(messages);

  auto consumer = this->Subscribe(group, topic);
  DeadLetterWriter dead_letters(*this->bus_, {.topic = dlq, .stage = "test"});
  std::vector<std::string> handled;
  StageCounters summed;
  std::vector<PartitionLag> last_lag;
  StageRunner runner(
      *consumer, dead_letters,
      [&](const Record& r) {
        if (r.value == "poison") {
          return absl::InvalidArgumentError("unparseable");
        }
        handled.push_back(r.value);
        return absl::OkStatus();
      },
      {.on_round =
           [&](const StageCounters& round) {
             summed.handled += round.handled;
             summed.dead_lettered += round.dead_lettered;
           },
       .on_lag = [&](const std::vector<PartitionLag>& lag) { last_lag = lag; },
       .lag_interval = absl::ZeroDuration()});
  const absl::Time deadline = absl::Now() + kWait;
  while (handled.size() < 9 && absl::Now() < deadline) {
    ASSERT_TRUE(runner.RunOnce().ok());
  }
  EXPECT_EQ(handled, (std::vector<std::string>{"0", "1", "2", "3", "5", "6",
                                               "7", "8", "9"}));
  EXPECT_EQ(runner.counters().dead_lettered, 1u);
  EXPECT_EQ(summed.handled, 9u);
  EXPECT_EQ(summed.dead_lettered, 1u);
  ASSERT_EQ(last_lag.size(), 1u);
  EXPECT_EQ(last_lag[0].records, 0);

  auto reader = this->bus_->Assign({{dlq, 0, kOffsetBeginning}}, {});
  ASSERT_TRUE(reader.ok());
  auto letters = this->PollN(**reader, 1);
  ASSERT_EQ(letters.size(), 1u);
  const Record& letter = letters[0];
  EXPECT_EQ(letter.value, "poison");
  EXPECT_EQ(letter.key, "bad-key");
  EXPECT_EQ(FindHeader(letter.headers, "ce_type"), "frontline.v1.RawDocument");
  EXPECT_EQ(FindHeader(letter.headers, kDlqTopic), topic);
  EXPECT_EQ(FindHeader(letter.headers, kDlqPartition), "0");
  EXPECT_EQ(FindHeader(letter.headers, kDlqOffset), "4");
  EXPECT_EQ(FindHeader(letter.headers, kDlqStage), "test");
  EXPECT_NE(FindHeader(letter.headers, kDlqError)->find("unparseable"),
            std::string::npos);

  // Everything is committed: a restarted member finds nothing left.
  consumer.reset();
  auto restarted = this->Subscribe(group, topic);
  auto left = restarted->Poll(10, absl::Seconds(3));
  ASSERT_TRUE(left.ok());
  EXPECT_TRUE(left->empty());
}

TYPED_TEST(BusConformanceTest, WaitsWhileTheDeadLetterTopicIsDown) {
  if (!this->engine_.CanFailTopics()) GTEST_SKIP() << "needs fault injection";
  const std::string topic = this->NewTopic(1);
  const std::string dlq = this->NewTopic(1);
  const std::string group = UniqueName("g");
  auto messages = this->Numbered(topic, 6);
  messages[2].value = "poison";
  this->ProduceAll(messages);

  this->engine_.SetTopicDown(*this->bus_, dlq, true);
  auto consumer = this->Subscribe(group, topic);
  DeadLetterWriter dead_letters(*this->bus_,
                                {.topic = dlq,
                                 .stage = "test",
                                 .attempt_timeout = absl::Seconds(5),
                                 .initial_backoff = absl::Milliseconds(20),
                                 .max_backoff = absl::Milliseconds(200)});
  std::atomic<int> handled{0};
  std::atomic<bool> stop{false};
  std::thread stage([&] {
    StageRunner runner(*consumer, dead_letters, [&](const Record& r) {
      if (r.value == "poison") return absl::InvalidArgumentError("bad");
      handled++;
      return absl::OkStatus();
    });
    while (!stop && handled < 5)
      runner.RunOnce([&] { return stop.load(); }).IgnoreError();
  });
  const absl::Time deadline = absl::Now() + kWait;
  while (dead_letters.failed_attempts() < 3 && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(10));
  }
  EXPECT_GE(dead_letters.failed_attempts(), 3u);
  EXPECT_EQ(handled.load(), 2) << "moved past a record it could not park";
  EXPECT_EQ(dead_letters.written(), 0u);

  this->engine_.SetTopicDown(*this->bus_, dlq, false);
  while (handled < 5 && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(10));
  }
  stop = true;
  stage.join();
  EXPECT_EQ(handled.load(), 5);
  EXPECT_EQ(dead_letters.written(), 1u);
}

TYPED_TEST(BusConformanceTest, HandlesABatchAgainWhenItsOutputWasNotDurable) {
  const std::string topic = this->NewTopic(1);
  const std::string dlq = this->NewTopic(1);
  const std::string group = UniqueName("g");
  this->ProduceAll(this->Numbered(topic, 5));
  auto consumer = this->Subscribe(group, topic);
  DeadLetterWriter dead_letters(*this->bus_, {.topic = dlq, .stage = "test"});
  std::vector<std::string> handled;
  int flushes = 0;
  StageRunner runner(*consumer, dead_letters,
                     [&](const Record& r) {
                       handled.push_back(r.value);
                       return absl::OkStatus();
                     },
                     {.before_commit = [&]() -> absl::Status {
                       return ++flushes == 1
                                  ? absl::UnavailableError("output down")
                                  : absl::OkStatus();
                     }});
  const absl::Time deadline = absl::Now() + kWait;
  while (flushes < 2 && absl::Now() < deadline) {
    ASSERT_TRUE(runner.RunOnce().ok());
  }
  // Every record handled again after the failed flush, then committed.
  std::multiset<std::string> counts(handled.begin(), handled.end());
  for (int i = 0; i < 5; ++i) EXPECT_EQ(counts.count(absl::StrCat(i)), 2u);
  consumer.reset();
  auto restarted = this->Subscribe(group, topic);
  auto left = restarted->Poll(10, absl::Seconds(3));
  ASSERT_TRUE(left.ok());
  EXPECT_TRUE(left->empty());
}

TYPED_TEST(BusConformanceTest, RejectsARecordTooLargeAndKeepsWorking) {
  const std::string topic = this->NewTopic(1);
  Message huge{
      .topic = topic, .key = "k", .value = std::string(1'500'000, 'x')};
  absl::Status immediate = this->bus_->Produce(huge, nullptr);
  EXPECT_EQ(immediate.code(), absl::StatusCode::kInvalidArgument) << immediate;
  auto report =
      this->bus_->ProduceSync({.topic = topic, .value = "small"}, kWait);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_TRUE(report->status.ok()) << report->status;
  EXPECT_EQ(report->offset, 0);
}

TYPED_TEST(BusConformanceTest, GroupMembersSharePartitions) {
  const std::string topic = this->NewTopic(6);
  const std::string group = UniqueName("g");
  auto a = this->Subscribe(group, topic);
  auto b = this->Subscribe(group, topic);
  // Let both join before anything is produced.
  const absl::Time deadline = absl::Now() + kWait;
  while (absl::Now() < deadline) {
    a->Poll(1, absl::Milliseconds(50)).IgnoreError();
    b->Poll(1, absl::Milliseconds(50)).IgnoreError();
    auto pa = a->Assignment(), pb = b->Assignment();
    if (!pa.empty() && !pb.empty() && pa.size() + pb.size() == 6) break;
  }
  auto pa = a->Assignment(), pb = b->Assignment();
  ASSERT_EQ(pa.size() + pb.size(), 6u);
  std::set<TopicPartition> all(pa.begin(), pa.end());
  all.insert(pb.begin(), pb.end());
  EXPECT_EQ(all.size(), 6u) << "a partition assigned twice";

  this->ProduceAll(this->Numbered(topic, 120, 40));
  std::multiset<std::string> seen;
  size_t from_a = 0, from_b = 0;
  while (seen.size() < 120 && absl::Now() < deadline) {
    for (auto* c : {a.get(), b.get()}) {
      auto batch = c->Poll(100, absl::Milliseconds(50));
      ASSERT_TRUE(batch.ok());
      for (const Record& r : *batch) seen.insert(r.value);
      (c == a.get() ? from_a : from_b) += batch->size();
    }
  }
  EXPECT_EQ(seen.size(), 120u);
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 120u);
  EXPECT_GT(from_a, 0u);
  EXPECT_GT(from_b, 0u);
}

TEST(KafkaBusTest, UnreachableBrokerIsAClearErrorNotAHang) {
  // A port nothing listens on: the mock cluster's, after it stopped.
  std::string uri;
  {
    auto mock = KafkaMockCluster::Start(1);
    ASSERT_TRUE(mock.ok());
    uri = (*mock)->uri();
  }
  BusOptions options;
  options.connect_timeout = absl::Seconds(2);
  auto bus = Bus::Open(uri, options);
  ASSERT_FALSE(bus.ok());
  EXPECT_EQ(bus.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_NE(bus.status().message().find("answered within"), std::string::npos)
      << bus.status();
}

TEST(LocalBusTest, ProduceToUnknownTopicIsNotFound) {
  LocalEngine engine;
  auto bus = Bus::Open(engine.Uri());
  ASSERT_TRUE(bus.ok());
  EXPECT_EQ((*bus)->Produce({.topic = "nope", .value = "x"}).code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ((*bus)->CreateTopic({.name = "bad name!"}).code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace frontline::bus
