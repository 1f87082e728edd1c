// bus_bench: records/s through the Bus on both engines, against the raw
// baseline measured in the same run on the same data — raw RocksDB writes
// and reads for the local engine, raw librdkafka on the same mock cluster
// for the Kafka engine. Prints medians over rounds and the ratios.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/random/random.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "frontline/v1/raw_document.pb.h"
#include "libs/bus/bus.h"
#include "libs/bus/cloud_events.h"
#include "libs/bus/kafka_mock_cluster.h"
#include "tools/bench/raw_baselines.h"

namespace {

using frontline::bus::Bus;
using frontline::bus::Message;

constexpr int kPartitions = 6;

struct Config {
  int records = 50000;
  // librdkafka's mock cluster keeps only a few MB per partition and drops
  // older segments, so the Kafka rounds use fewer records.
  int kafka_records = 20000;
  int value_bytes = 2048;
  int rounds = 3;
  std::string engines = "local,kafka";
};

// Serialized RawDocuments of about `bytes` bytes of report-like text.
std::vector<Message> MakeMessages(const Config& config) {
  static const char* kWords[] = {
      "Ukrainian", "forces",  "Kursk",     "region",   "Russian",   "Ministry",
      "Defense",   "claimed", "Kurakhove", "captured", "drone",     "strike",
      "Sudzha",    "assault", "according", "to",       "DeepState", "ISW",
      "the",       "of",      "in",        "troops",   "North",     "Korean"};
  absl::BitGen gen;
  std::vector<Message> out;
  out.reserve(config.records);
  for (int i = 0; i < config.records; ++i) {
    frontline::v1::RawDocument doc;
    doc.set_id(absl::StrCat("doc-", i, "-", absl::Uniform<uint32_t>(gen)));
    doc.set_external_id(absl::StrCat("channel/", i));
    doc.mutable_source()->set_id("telegram:bench");
    std::string body;
    while (body.size() < size_t(config.value_bytes)) {
      absl::StrAppend(&body, kWords[absl::Uniform(gen, 0u, std::size(kWords))],
                      " ");
    }
    doc.set_body(body);
    Message m{.topic = "", .key = doc.id()};
    doc.SerializeToString(&m.value);
    frontline::bus::AppendCloudEventHeaders({.id = doc.id(),
                                             .source = "/frontline/bench",
                                             .type = "frontline.v1.RawDocument",
                                             .time = absl::Now()},
                                            m.headers);
    out.push_back(std::move(m));
  }
  return out;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

std::string TempDir(const std::string& stem) {
  auto dir = std::filesystem::temp_directory_path() /
             absl::StrCat("frontline-bench-", stem, "-", getpid(), "-",
                          absl::ToUnixNanos(absl::Now()));
  std::filesystem::remove_all(dir);
  return dir.string();
}

// Records per second of `work`, which handles `n` records.
double Rate(int n, const std::function<void()>& work) {
  const absl::Time start = absl::Now();
  work();
  return n / absl::ToDoubleSeconds(absl::Now() - start);
}

void Die(const std::string& what) {
  std::fprintf(stderr, "bus_bench: %s\n", what.c_str());
  std::exit(1);
}

// --- local engine vs raw RocksDB -------------------------------------------

std::pair<double, double> RawRocksDb(const std::vector<Message>& messages) {
  auto times = frontline::bench::RawRocksDb(messages, TempDir("rocksdb"));
  if (!times.ok()) Die(times.status().ToString());
  return {times->write_per_s(), times->read_per_s()};
}

std::pair<double, double> BusRates(Bus& bus, const std::string& topic,
                                   const std::vector<Message>& messages) {
  const int n = static_cast<int>(messages.size());
  double write = Rate(n, [&] {
    for (const Message& m : messages) {
      Message copy = m;
      copy.topic = topic;
      if (absl::Status s = bus.Produce(std::move(copy)); !s.ok()) {
        Die(s.ToString());
      }
    }
    if (absl::Status s = bus.Flush(absl::Minutes(5)); !s.ok()) {
      Die(s.ToString());
    }
  });
  std::vector<frontline::bus::TopicPartitionOffset> start;
  for (int p = 0; p < kPartitions; ++p) {
    start.push_back({topic, p, frontline::bus::kOffsetBeginning});
  }
  auto consumer = bus.Assign(start, {});
  if (!consumer.ok()) Die(consumer.status().ToString());
  double read = Rate(n, [&] {
    int got = 0;
    while (got < n) {
      auto batch = (*consumer)->Poll(2000, absl::Seconds(5));
      if (!batch.ok()) Die(batch.status().ToString());
      if (batch->empty()) Die("bus consume stalled");
      got += static_cast<int>(batch->size());
    }
  });
  return {write, read};
}

std::pair<double, double> LocalBus(const std::vector<Message>& messages) {
  const std::string dir = TempDir("local");
  std::pair<double, double> rates;
  {
    auto bus = Bus::Open("local:" + dir);
    if (!bus.ok()) Die(bus.status().ToString());
    if (!(*bus)->CreateTopic({.name = "raw", .partitions = kPartitions}).ok()) {
      Die("create topic");
    }
    rates = BusRates(**bus, "raw", messages);
  }
  std::filesystem::remove_all(dir);
  return rates;
}

// --- Kafka engine vs raw librdkafka ----------------------------------------

std::pair<double, double> RawLibrdkafka(const std::string& brokers,
                                        const std::string& topic,
                                        const std::vector<Message>& messages) {
  auto times = frontline::bench::RawLibrdkafka(brokers, topic, messages);
  if (!times.ok()) Die(times.status().ToString());
  return {times->write_per_s(), times->read_per_s()};
}

void Report(const char* what, const std::vector<double>& bus,
            const std::vector<double>& raw, const char* baseline) {
  const double b = Median(bus), r = Median(raw);
  std::printf("%-28s %12.0f rec/s   %-24s %12.0f rec/s   ratio %.2f\n", what, b,
              baseline, r, b / r);
}

}  // namespace

int main(int argc, char** argv) {
  Config config;
  CLI::App app{"bus_bench: the Bus against raw librdkafka and raw RocksDB"};
  app.add_option("--records", config.records)->capture_default_str();
  app.add_option("--kafka-records", config.kafka_records)
      ->capture_default_str();
  app.add_option("--value-bytes", config.value_bytes)->capture_default_str();
  app.add_option("--rounds", config.rounds)->capture_default_str();
  app.add_option("--engines", config.engines, "local,kafka")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  const std::vector<Message> messages = MakeMessages(config);
  std::printf(
      "bus_bench: %d records of %zu bytes (serialized RawDocument), "
      "%d rounds, medians\n",
      config.records, messages.front().value.size(), config.rounds);

  if (config.engines.find("local") != std::string::npos) {
    std::vector<double> bw, br, rw, rr;
    for (int round = 0; round < config.rounds; ++round) {
      auto [raw_w, raw_r] = RawRocksDb(messages);
      auto [bus_w, bus_r] = LocalBus(messages);
      rw.push_back(raw_w);
      rr.push_back(raw_r);
      bw.push_back(bus_w);
      br.push_back(bus_r);
    }
    Report("local produce", bw, rw, "raw RocksDB Put");
    Report("local consume", br, rr, "raw RocksDB iterate");
  }
  if (config.engines.find("kafka") != std::string::npos) {
    const std::vector<Message> kafka_messages(
        messages.begin(),
        messages.begin() +
            std::min<size_t>(messages.size(), size_t(config.kafka_records)));
    std::printf("kafka rounds: %zu records\n", kafka_messages.size());
    auto mock = frontline::bus::KafkaMockCluster::Start(3);
    if (!mock.ok()) Die(mock.status().ToString());
    auto bus = Bus::Open((*mock)->uri());
    if (!bus.ok()) Die(bus.status().ToString());
    std::vector<double> bw, br, rw, rr;
    for (int round = 0; round < config.rounds; ++round) {
      const std::string raw_topic = absl::StrCat("raw-", round);
      const std::string bus_topic = absl::StrCat("bus-", round);
      for (const auto& t : {raw_topic, bus_topic}) {
        if (!(*mock)->CreateTopic(t, kPartitions, 3).ok()) Die("mock topic");
      }
      auto [raw_w, raw_r] = RawLibrdkafka((*mock)->bootstrap_servers(),
                                          raw_topic, kafka_messages);
      if (!(*bus)
               ->CreateTopic({.name = bus_topic, .partitions = kPartitions})
               .ok()) {
        Die("bus topic");
      }
      auto [bus_w, bus_r] = BusRates(**bus, bus_topic, kafka_messages);
      rw.push_back(raw_w);
      rr.push_back(raw_r);
      bw.push_back(bus_w);
      br.push_back(bus_r);
    }
    Report("kafka produce (mock, 3 br)", bw, rw, "raw librdkafka produce");
    Report("kafka consume (mock, 3 br)", br, rr, "raw librdkafka consume");
  }
  return 0;
}
