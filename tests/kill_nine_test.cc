// kill -9 of every service at random moments on the embedded log: rounds of
// `frontline normalize`, `dedup`, `state` (each its own process on the
// shared data directory, one at a time as the local engine requires) and
// `frontline run` with the example sources (the ingester with the rest),
// each started and killed with SIGKILL after a random delay, new documents
// arriving between rounds. Then `frontline run` until everything is consumed
// and a clean stop. Checks: every input document has exactly one verdict,
// every document on the docs topic is in the view and nothing else is, and
// the view equals a clean rebuild from the events topic (events, verdicts,
// places, counters, apply sequence: nothing applied twice, none missing).
// FRONTLINE_SOAK_KILLS (default 24) sets the number of kills.
#include <filesystem>
#include <random>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "libs/bus/bus.h"
#include "libs/gazetteer/gazetteer.h"
#include "libs/pipeline/topics.h"
#include "tests/child_process.h"
#include "tests/fault_checks.h"

namespace frontline {
namespace {

using testing::ChildProcess;

class KillNineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = (std::filesystem::temp_directory_path() /
             absl::StrCat("kill-nine-", getpid()))
                .string();
    std::filesystem::remove_all(data_);
  }
  void TearDown() override {
    if (!HasFailure()) std::filesystem::remove_all(data_);
  }

  std::string bus_uri() const { return "local:" + data_ + "/bus"; }

  // Appends documents to `raw` while no service holds the log.
  void Feed(const std::vector<v1::RawDocument>& docs) {
    auto bus = bus::Bus::Open(bus_uri());
    ASSERT_TRUE(bus.ok()) << bus.status();
    ASSERT_TRUE(pipeline::EnsurePipelineTopics(**bus).ok());
    for (const v1::RawDocument& raw : docs) {
      auto r = (*bus)->ProduceSync(
          pipeline::RawDocumentMessage(raw, "/kill-nine"), absl::Seconds(10));
      ASSERT_TRUE(r.ok() && r->status.ok());
    }
  }

  std::vector<std::string> Command(const std::string& service) const {
    const std::string binary = FRONTLINE_BINARY;
    if (service == "normalize")
      return {binary, "normalize", "--bus", bus_uri()};
    if (service == "dedup") {
      return {binary, "dedup", "--bus", bus_uri(), "--state", data_ + "/dedup"};
    }
    if (service == "state") {
      return {binary,   "state",          "--bus",    bus_uri(),
              "--data", data_ + "/state", "--listen", "127.0.0.1:0"};
    }
    return {binary,     "run",         "--data",   data_,
            "--listen", "127.0.0.1:0", "--config", "examples/sources.yaml"};
  }

  // Whether the stages have consumed everything on the log: no group has
  // uncommitted records and the view stored the end of every partition.
  bool CaughtUp(bus::Bus& bus) {
    for (auto [group, topic] : {std::pair{"normalize", pipeline::kRawTopic},
                                std::pair{"dedup", pipeline::kDocsTopic}}) {
      auto consumer = bus.Subscribe({.group = group, .topics = {topic}});
      if (!consumer.ok()) return false;
      auto records = (*consumer)->Poll(1, absl::Milliseconds(300));
      if (!records.ok() || !records->empty()) return false;
    }
    auto view = state::StateView::Open(data_ + "/state", nullptr);
    if (!view.ok()) return false;
    auto offsets = (*view)->Offsets(pipeline::kEventsTopic);
    auto partitions = bus.PartitionCount(pipeline::kEventsTopic);
    if (!offsets.ok() || !partitions.ok()) return false;
    for (int32_t p = 0; p < *partitions; ++p) {
      auto marks = bus.Watermarks({pipeline::kEventsTopic, p});
      if (!marks.ok()) return false;
      const int64_t applied =
          offsets->contains(p) ? offsets->at(p) : marks->first;
      if (applied != marks->second) return false;
    }
    return true;
  }

  std::string data_;
};

TEST_F(KillNineTest, EveryServiceKilledAtRandomMomentsLosesNothing) {
  const int kills = testing::EnvInt("FRONTLINE_SOAK_KILLS", 24);
  const int docs_per_round = testing::EnvInt("FRONTLINE_SOAK_DOCS_PER_KILL", 8);
  const uint32_t seed = testing::EnvInt("FRONTLINE_FAULT_SEED", getpid());
  SCOPED_TRACE(absl::StrCat("seed ", seed, ", ", kills, " kills"));
  std::mt19937 rng(seed);
  const std::vector<std::string> services = {"normalize", "dedup", "state",
                                             "run"};
  std::vector<v1::RawDocument> input;
  int killed = 0;
  for (int k = 0; k < kills; ++k) {
    std::vector<v1::RawDocument> more =
        testing::FaultCorpus(k * docs_per_round, docs_per_round, seed);
    ASSERT_NO_FATAL_FAILURE(Feed(more));
    input.insert(input.end(), more.begin(), more.end());
    // Anywhere from start-up (opening the stores) to work in full flow.
    const std::string& service = services[k % services.size()];
    ChildProcess child(Command(service), FRONTLINE_SOURCE_DIR);
    absl::SleepFor(absl::Milliseconds(rng() % 700));
    const int status = child.Stop(SIGKILL);
    // A service that ended by itself before the kill failed (a corrupt
    // store found at start-up, a lock still held...).
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
        << service << " ended by itself before kill " << k << ": " << status;
    killed += WIFSIGNALED(status);
  }
  EXPECT_GE(killed, kills);

  // Everything consumed, then a clean stop.
  const absl::Time deadline = absl::Now() + absl::Seconds(120);
  bool caught_up = false;
  while (!caught_up && absl::Now() < deadline) {
    {
      ChildProcess run(Command("run"), FRONTLINE_SOURCE_DIR);
      ASSERT_FALSE(run.WaitForLine("serving gRPC on port ([0-9]+)").empty())
          << "frontline run did not start after the kills";
      absl::SleepFor(absl::Seconds(2));
      const int status = run.Stop(SIGTERM);
      ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
    }
    auto bus = bus::Bus::Open(bus_uri());
    ASSERT_TRUE(bus.ok()) << bus.status();
    caught_up = CaughtUp(**bus);
  }
  ASSERT_TRUE(caught_up) << "the pipeline did not consume its topics";

  auto bus = bus::Bus::Open(bus_uri());
  ASSERT_TRUE(bus.ok()) << bus.status();
  auto raw = testing::KeysOf(**bus, pipeline::kRawTopic);
  ASSERT_TRUE(raw.ok()) << raw.status();
  auto documents = testing::KeysOf(**bus, pipeline::kDocsTopic);
  ASSERT_TRUE(documents.ok()) << documents.status();
  for (const v1::RawDocument& doc : input) {
    EXPECT_TRUE(raw->contains(doc.id()));
    EXPECT_TRUE(documents->contains(doc.id())) << doc.id() << " not normalized";
  }
  auto gazetteer = gazetteer::Gazetteer::Load(
      absl::StrCat(FRONTLINE_SOURCE_DIR, "/libs/gazetteer/data/places.tsv"));
  ASSERT_TRUE(gazetteer.ok());
  testing::ViewImage live;
  {
    auto view = state::StateView::Open(data_ + "/state", &*gazetteer);
    ASSERT_TRUE(view.ok()) << view.status();
    auto image = testing::Image(**view);
    ASSERT_TRUE(image.ok()) << image.status();
    live = *std::move(image);
  }
  std::set<std::string> judged;
  for (const auto& [id, verdict] : live.documents) judged.insert(id);
  EXPECT_EQ(judged, *documents)
      << "the view's verdicts are not the documents on the docs topic";
  EXPECT_EQ(live.document_count, documents->size());
  auto rebuilt = testing::RebuildImage(**bus, data_ + "/rebuilt", &*gazetteer);
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.status();
  EXPECT_EQ(testing::Diff(live, *rebuilt), "");
  EXPECT_GT(live.event_count, 0u);
  std::printf(
      "kill-nine: %d kills, %zu input documents, %zu on docs, "
      "%llu events, sequence %llu\n",
      killed, input.size(), documents->size(),
      static_cast<unsigned long long>(live.event_count),
      static_cast<unsigned long long>(live.sequence));
}

}  // namespace
}  // namespace frontline
