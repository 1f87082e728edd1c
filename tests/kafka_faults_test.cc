// The pipeline (normalize -> dedup -> state, each stage with its own Bus) on
// a 3-broker librdkafka mock cluster while faults are injected: a broker down
// and back, partition leaders and group coordinators moved, request errors
// on Produce, Fetch and OffsetCommit, and latency. After the faults stop
// every input document has exactly one verdict in the view, and the view
// equals a clean rebuild from the events topic (same events, verdicts,
// places, counters and apply sequence: nothing applied twice, nothing
// missing). FRONTLINE_SOAK_DOCS and FRONTLINE_SOAK_FAULT_ROUNDS make it
// longer for `make soak`.
#include <atomic>
#include <filesystem>
#include <random>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "libs/bus/kafka_mock_cluster.h"
#include "libs/dedup/dedup_stage.h"
#include "libs/gazetteer/gazetteer.h"
#include "libs/normalize/normalize_stage.h"
#include "libs/normalize/normalizer.h"
#include "libs/pipeline/topics.h"
#include "spdlog/spdlog.h"
#include "tests/fault_checks.h"

namespace frontline {
namespace {

using bus::KafkaApi;
using bus::KafkaMockCluster;

constexpr int kBrokers = 3;
constexpr int kPartitions = 3;

// Kafka protocol error codes the injected failures use: all retriable, as a
// real cluster returns them during an election or a coordinator move.
constexpr int kNotLeader = 6;
constexpr int kRequestTimedOut = 7;
constexpr int kCoordinatorNotAvailable = 15;
constexpr int kNotCoordinator = 16;
constexpr int kNotEnoughReplicas = 19;

// Feeds documents to `raw` at a steady pace and produces again whatever the
// cluster failed to take, until every one is durable.
class Feeder {
 public:
  Feeder(bus::Bus& bus, std::vector<v1::RawDocument> docs)
      : bus_(bus), docs_(std::move(docs)) {}

  // Returns when every document was acknowledged, or at `deadline`.
  void Run(absl::Duration spread, absl::Time deadline) {
    const absl::Duration gap = spread / std::max<size_t>(docs_.size(), 1);
    for (size_t i = 0; i < docs_.size(); ++i) {
      Send(i);
      absl::SleepFor(gap);
      Resend();
    }
    while (Unacknowledged() > 0 && absl::Now() < deadline) {
      (void)bus_.Flush(absl::Milliseconds(500));
      Resend();
    }
  }
  size_t Unacknowledged() {
    absl::MutexLock lock(&mu_);
    return docs_.size() - acknowledged_.size();
  }
  int resent() const { return resent_; }
  // Where the cluster said it wrote document `id`.
  std::string WhereAcknowledged(const std::string& id) {
    absl::MutexLock lock(&mu_);
    return where_[id];
  }

 private:
  void Send(size_t i) {
    absl::Status s = bus_.Produce(
        pipeline::RawDocumentMessage(docs_[i], "/faults"),
        [this, i](const bus::DeliveryReport& report) {
          absl::MutexLock lock(&mu_);
          if (report.status.ok()) {
            acknowledged_.insert(i);
            where_[docs_[i].id()] = absl::StrCat(
                report.topic, "/", report.partition, "@", report.offset);
          } else {
            failed_.push_back(i);
          }
        });
    if (!s.ok()) {
      absl::MutexLock lock(&mu_);
      failed_.push_back(i);
    }
  }
  void Resend() {
    std::vector<size_t> again;
    {
      absl::MutexLock lock(&mu_);
      again.swap(failed_);
    }
    for (size_t i : again) {
      ++resent_;
      Send(i);
    }
  }

  bus::Bus& bus_;
  const std::vector<v1::RawDocument> docs_;
  absl::Mutex mu_;
  std::set<size_t> acknowledged_ ABSL_GUARDED_BY(mu_);
  std::vector<size_t> failed_ ABSL_GUARDED_BY(mu_);
  std::map<std::string, std::string> where_ ABSL_GUARDED_BY(mu_);
  int resent_ = 0;
};

// Rounds of faults, each step held for `hold`: broker down and up, leaders
// moved, coordinators moved, request errors, latency.
void InjectFaults(KafkaMockCluster& mock, int rounds, absl::Duration hold,
                  std::mt19937& rng, const std::atomic<bool>& stop) {
  auto broker = [&] { return int(rng() % kBrokers) + 1; };
  for (int round = 0; round < rounds && !stop; ++round) {
    const int down = broker();
    spdlog::info("faults: round {}: broker {} down", round, down);
    mock.SetBrokerDown(down, true);
    absl::SleepFor(hold);
    mock.SetBrokerDown(down, false);

    spdlog::info("faults: round {}: leaders and coordinators move", round);
    for (const char* topic :
         {pipeline::kRawTopic, pipeline::kDocsTopic, pipeline::kEventsTopic}) {
      for (int p = 0; p < kPartitions; ++p) {
        EXPECT_TRUE(mock.SetPartitionLeader(topic, p, broker()).ok());
      }
    }
    for (const char* group : {"normalize", "dedup"}) {
      EXPECT_TRUE(mock.SetGroupCoordinator(group, broker()).ok());
    }
    absl::SleepFor(hold);

    spdlog::info("faults: round {}: request errors", round);
    mock.PushRequestErrors(KafkaApi::kProduce, {kNotLeader, kNotEnoughReplicas,
                                                kRequestTimedOut, kNotLeader});
    mock.PushRequestErrors(KafkaApi::kFetch,
                           {kNotLeader, kNotLeader, kRequestTimedOut});
    mock.PushRequestErrors(
        KafkaApi::kOffsetCommit,
        {kNotCoordinator, kCoordinatorNotAvailable, kRequestTimedOut});
    absl::SleepFor(hold);

    const int slow = broker();
    spdlog::info("faults: round {}: broker {} slow", round, slow);
    mock.SetBrokerRtt(slow, 300);
    absl::SleepFor(hold);
    mock.SetBrokerRtt(slow, 0);
  }
}

TEST(KafkaFaultsTest, EveryDocumentOnceInTheViewThroughBrokerFaults) {
  const int docs = testing::EnvInt("FRONTLINE_SOAK_DOCS", 120);
  const int rounds = testing::EnvInt("FRONTLINE_SOAK_FAULT_ROUNDS", 2);
  const uint32_t seed = testing::EnvInt("FRONTLINE_FAULT_SEED", getpid());
  SCOPED_TRACE(absl::StrCat("seed ", seed, ", ", docs, " documents, ", rounds,
                            " fault rounds"));
  std::mt19937 rng(seed);
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    absl::StrCat("kafka-faults-", getpid());
  std::filesystem::remove_all(dir);

  auto mock = KafkaMockCluster::Start(kBrokers);
  ASSERT_TRUE(mock.ok()) << mock.status();
  for (const bus::TopicSpec& spec : pipeline::PipelineTopics(kPartitions)) {
    ASSERT_TRUE((*mock)->CreateTopic(spec.name, spec.partitions, 3).ok());
  }
  auto open = [&] {
    auto bus = bus::Bus::Open((*mock)->uri());
    EXPECT_TRUE(bus.ok()) << bus.status();
    return bus.ok() ? *std::move(bus) : nullptr;
  };
  auto feed_bus = open(), normalize_bus = open(), dedup_bus = open(),
       state_bus = open();
  ASSERT_TRUE(feed_bus && normalize_bus && dedup_bus && state_bus);

  const std::string root = FRONTLINE_SOURCE_DIR;
  auto normalizer = normalize::Normalizer::Load(
      {.places_tsv = root + "/libs/gazetteer/data/places.tsv",
       .extract_dir = root + "/libs/extract/data",
       .text_dir = root + "/libs/text/data"});
  ASSERT_TRUE(normalizer.ok()) << normalizer.status();
  auto gazetteer =
      gazetteer::Gazetteer::Load(root + "/libs/gazetteer/data/places.tsv");
  ASSERT_TRUE(gazetteer.ok()) << gazetteer.status();
  auto normalize =
      normalize::NormalizeStage::Create(*normalize_bus, **normalizer);
  ASSERT_TRUE(normalize.ok()) << normalize.status();
  auto dedup =
      dedup::DedupStage::Create(*dedup_bus, {.dir = (dir / "dedup").string()});
  ASSERT_TRUE(dedup.ok()) << dedup.status();
  auto view = state::StateView::Open((dir / "view").string(), &*gazetteer);
  ASSERT_TRUE(view.ok()) << view.status();
  auto updater = state::StateUpdater::Create(*state_bus, **view);
  ASSERT_TRUE(updater.ok()) << updater.status();

  // Each stage runs until told to stop; a stage that gives up is a failure
  // (as a service it would exit), counted and restarted.
  std::atomic<bool> stop{false};
  std::atomic<int> stage_errors{0};
  auto keep_running = [&](const char* name, auto run) {
    return std::thread([&, name, run] {
      while (!stop) {
        if (absl::Status s = run(); !s.ok()) {
          spdlog::error("faults: {} stopped: {}", name, s.ToString());
          ++stage_errors;
        }
      }
    });
  };
  auto stopped = [&] { return stop.load(); };
  std::vector<std::thread> stages;
  stages.push_back(
      keep_running("normalize", [&] { return (*normalize)->Run(stopped); }));
  stages.push_back(
      keep_running("dedup", [&] { return (*dedup)->Run(stopped); }));
  stages.push_back(
      keep_running("state", [&] { return (*updater)->Run(stopped); }));

  const std::vector<v1::RawDocument> input =
      testing::FaultCorpus(0, docs, seed);
  const absl::Duration hold = absl::Milliseconds(1500);
  Feeder feeder(*feed_bus, input);
  std::atomic<bool> faults_done{false};
  std::thread faults([&] {
    InjectFaults(**mock, rounds, hold, rng, stop);
    faults_done = true;
  });
  // The documents arrive while the faults happen.
  feeder.Run(hold * 4 * rounds, absl::Now() + absl::Seconds(180));
  faults.join();
  EXPECT_EQ(feeder.Unacknowledged(), 0u);

  // Bounded wait for the last verdict; the faults are over.
  const absl::Time deadline = absl::Now() + absl::Seconds(90);
  size_t seen = 0;
  while (absl::Now() < deadline) {
    seen = 0;
    for (const v1::RawDocument& raw : input) {
      seen += (*view)->GetDocument(raw.id()).ok();
    }
    if (seen == input.size()) break;
    absl::SleepFor(absl::Milliseconds(250));
  }
  if (seen < input.size()) {
    ADD_FAILURE() << input.size() - seen
                  << " documents without a verdict in the view";
    // Where they stopped: the keys on each topic.
    for (const char* topic :
         {pipeline::kRawTopic, pipeline::kDocsTopic, pipeline::kEventsTopic,
          pipeline::kDeadLetterTopic}) {
      auto keys = testing::KeysOf(*state_bus, topic);
      size_t inputs = 0;
      for (const v1::RawDocument& raw : input) {
        inputs += keys.ok() && keys->contains(raw.id());
      }
      ADD_FAILURE() << topic << ": " << inputs << " input documents";
    }
    auto raw = testing::ReadTopic(*state_bus, pipeline::kRawTopic);
    std::map<std::string, std::string> at;  // partition@offset -> key
    if (raw.ok()) {
      for (const bus::Record& r : *raw) {
        at[absl::StrCat("raw/", r.partition, "@", r.offset)] = r.key;
      }
    }
    for (const v1::RawDocument& doc : input) {
      if ((*view)->GetDocument(doc.id()).ok()) continue;
      const std::string where = feeder.WhereAcknowledged(doc.id());
      ADD_FAILURE() << doc.id() << " acknowledged at " << where
                    << ", where raw holds "
                    << (at.contains(where) ? at[where] : "nothing");
    }
    for (int p = 0; p < kPartitions; ++p) {
      auto marks = state_bus->Watermarks({pipeline::kRawTopic, p});
      if (marks.ok()) {
        ADD_FAILURE() << "raw/" << p << ": offsets " << marks->first << ".."
                      << marks->second;
      }
    }
  }
  // Let dedup emit what the last verdicts changed, then stop every stage.
  absl::SleepFor(absl::Seconds(1));
  stop = true;
  for (std::thread& t : stages) t.join();
  EXPECT_EQ(stage_errors.load(), 0);
  // The view takes what is left on the events topic.
  const absl::Time caught_up_by = absl::Now() + absl::Seconds(60);
  while (absl::Now() < caught_up_by) {
    auto lag = (*updater)->Lag();
    ASSERT_TRUE(lag.ok()) << lag.status();
    if (*lag == 0) break;
    ASSERT_TRUE((*updater)->RunOnce().ok());
  }

  auto live = testing::Image(**view);
  ASSERT_TRUE(live.ok()) << live.status();
  std::set<std::string> expected;
  for (const v1::RawDocument& raw : input) expected.insert(raw.id());
  std::set<std::string> judged;
  for (const auto& [id, verdict] : live->documents) judged.insert(id);
  EXPECT_EQ(judged, expected) << "the view's documents are not the input";
  EXPECT_EQ(live->document_count, expected.size());

  // librdkafka's mock keeps a few MB per partition: a rebuild needs the
  // events topic whole.
  for (int p = 0; p < kPartitions; ++p) {
    auto marks = state_bus->Watermarks({pipeline::kEventsTopic, p});
    ASSERT_TRUE(marks.ok()) << marks.status();
    ASSERT_EQ(marks->first, 0)
        << "the mock cluster dropped the start of events/" << p
        << ": use fewer documents";
  }
  auto rebuilt = testing::RebuildImage(*state_bus, (dir / "rebuilt").string(),
                                       &*gazetteer);
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.status();
  EXPECT_EQ(testing::Diff(*live, *rebuilt), "");
  EXPECT_GT(live->event_count, 0u);
  spdlog::info(
      "faults: {} documents ({} produced again), {} events, sequence {}, "
      "{} normalize and {} dedup retries",
      docs, feeder.resent(), live->event_count, live->sequence,
      (*normalize)->counters().retries, (*dedup)->counters().retries);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace frontline
