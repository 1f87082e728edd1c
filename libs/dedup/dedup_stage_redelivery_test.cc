// The dedup stage under redelivery, on both engines: a record delivered
// twice, a batch whose output was not made durable, an acknowledgement lost
// after the write, a crash between the flush and the commit, and a crash in
// the middle of a document.
#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "gtest/gtest.h"
#include "libs/bus/cloud_events.h"
#include "libs/dedup/dedup_stage.h"
#include "libs/dedup/faulty_bus.h"
#include "libs/dedup/stage_test_util.h"
#include "libs/state/state_view.h"

namespace frontline::dedup {
namespace {

using bus::testing::Engine;
using testing::DedupStageTest;
using testing::Doc;
using testing::FaultyBus;

// The records of the events topic as (type, id, revision).
using Output = std::tuple<std::string, std::string, uint64_t>;

std::vector<Output> Outputs(const std::vector<bus::Record>& records) {
  std::vector<Output> out;
  for (const bus::Record& r : records) {
    const std::string type(
        bus::FindHeader(r.headers, bus::kCeType).value_or(""));
    if (type == "frontline.v1.DocumentVerdict") {
      v1::DocumentVerdict v;
      EXPECT_TRUE(v.ParseFromString(r.value));
      out.emplace_back("verdict", v.document_id(), v.revision());
    } else if (type == "frontline.v1.Event") {
      v1::Event e;
      EXPECT_TRUE(e.ParseFromString(r.value));
      out.emplace_back("event", e.id(), e.revision());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

class RedeliveryTest : public DedupStageTest {
 protected:
  // The original and its copy, on one partition in this order: verdicts
  // orig NEW and copy DUPLICATE, one event at revisions 1 and 2.
  void SendPair() {
    for (const v1::Document& d :
         {Doc("orig", "feed:ria", v1::AFFILIATION_RUSSIAN_STATE, 1736150000),
          Doc("copy", "feed:aggregator", v1::AFFILIATION_INDEPENDENT,
              1736160000)}) {
      Send(pipeline::ProtoMessage(pipeline::kDocsTopic, "k", d, "/test",
                                  absl::Now()));
    }
  }
  absl::StatusOr<std::unique_ptr<DedupStage>> NewStage(bus::Bus& bus) {
    return DedupStage::Create(bus, {.dir = dir_.string()});
  }
  // Rounds until `stage` has handled `n` records.
  void RunUntilHandled(DedupStage& stage, uint64_t n) {
    const absl::Time deadline = absl::Now() + absl::Seconds(60);
    while (stage.counters().handled < n && absl::Now() < deadline) {
      ASSERT_TRUE(stage.RunOnce().ok());
    }
    ASSERT_GE(stage.counters().handled, n);
  }
  // Every record of the events topic, once at least `n` are there (and a
  // short wait for more).
  std::vector<bus::Record> Events(size_t n) {
    bus_->ReadAll(pipeline::kEventsTopic, n);
    return bus_->ReadAll(pipeline::kEventsTopic, n + 1, absl::Seconds(1));
  }
  // The four outputs of SendPair with the event id found in `got`.
  static std::vector<Output> Expected(const std::vector<Output>& got) {
    std::string event_id;
    for (const auto& [type, id, revision] : got) {
      if (type == "event") event_id = id;
    }
    return {{"event", event_id, 1},
            {"event", event_id, 2},
            {"verdict", "copy", 1},
            {"verdict", "orig", 1}};
  }
};

TEST_P(RedeliveryTest, SameRecordTwiceYieldsItsOutputOnce) {
  SendPair();
  const v1::Document orig =
      Doc("orig", "feed:ria", v1::AFFILIATION_RUSSIAN_STATE, 1736150000);
  // Redelivered within the batch, then after the commit to a restarted stage.
  Send(pipeline::ProtoMessage(pipeline::kDocsTopic, "k", orig, "/test",
                              absl::Now()));
  {
    auto stage = NewStage(bus_->bus());
    ASSERT_TRUE(stage.ok()) << stage.status();
    RunUntilHandled(**stage, 3);
    EXPECT_EQ((*stage)->redeliveries_skipped(), 1u);
  }
  Send(pipeline::ProtoMessage(pipeline::kDocsTopic, "k", orig, "/test",
                              absl::Now()));
  // An edit is a new version (another id): still judged and merged.
  v1::Document edit = orig;
  edit.set_id("orig-v2");
  edit.set_version(2);
  edit.set_text(std::string(testing::kText) + " Updated at 18:00.");
  edit.set_content_hash(pipeline::ContentHashHex(edit.text()));
  Send(pipeline::ProtoMessage(pipeline::kDocsTopic, "k", edit, "/test",
                              absl::Now()));
  auto stage = NewStage(bus_->bus());
  ASSERT_TRUE(stage.ok()) << stage.status();
  RunUntilHandled(**stage, 2);
  EXPECT_EQ((*stage)->redeliveries_skipped(), 1u);

  const std::vector<Output> got = Outputs(Events(6));
  std::vector<Output> want = Expected(got);
  want.insert(want.begin() + 2, {"event", std::get<1>(want[0]), 3});
  want.push_back({"verdict", "orig-v2", 1});
  EXPECT_EQ(got, want);
}

TEST_P(RedeliveryTest, UnwrittenOutputIsProducedOnceWhenTheBatchIsReadAgain) {
  SendPair();
  FaultyBus faulty(bus_->bus(), pipeline::kEventsTopic);
  auto stage = NewStage(faulty);
  ASSERT_TRUE(stage.ok()) << stage.status();
  faulty.fault = FaultyBus::Fault::kDrop;
  RunUntilHandled(**stage, 2);
  EXPECT_GE((*stage)->counters().commit_failures, 1u);
  faulty.fault = FaultyBus::Fault::kNone;
  // Nothing was committed: both are read again.
  RunUntilHandled(**stage, (*stage)->counters().handled + 2);

  const std::vector<Output> got = Outputs(Events(4));
  EXPECT_EQ(got, Expected(got));
  auto verdicts = bus_->ReadAll(pipeline::kEventsTopic, 4);
  for (const bus::Record& r : verdicts) {
    v1::DocumentVerdict v;
    if (r.key == "copy" && v.ParseFromString(r.value)) {
      EXPECT_EQ(v.verdict(), v1::VERDICT_DUPLICATE);
      EXPECT_EQ(v.duplicate_of(), "orig");
    }
  }
}

TEST_P(RedeliveryTest, LostAcknowledgementRepeatsTheSameRevisions) {
  SendPair();
  FaultyBus faulty(bus_->bus(), pipeline::kEventsTopic);
  auto stage = NewStage(faulty);
  ASSERT_TRUE(stage.ok()) << stage.status();
  faulty.fault = FaultyBus::Fault::kLoseAck;
  RunUntilHandled(**stage, 2);
  faulty.fault = FaultyBus::Fault::kNone;
  RunUntilHandled(**stage, (*stage)->counters().handled + 2);

  // At least once: the written records come again, the very same ones.
  const std::vector<bus::Record> records = Events(6);
  std::vector<Output> got = Outputs(records);
  std::vector<Output> once = got;
  once.erase(std::unique(once.begin(), once.end()), once.end());
  EXPECT_EQ(once, Expected(got));
  EXPECT_GE(got.size(), 6u);
  std::map<std::pair<std::string, std::string>, std::string> value_of;
  for (const bus::Record& r : records) {
    auto [it, fresh] = value_of.try_emplace(
        {std::string(bus::FindHeader(r.headers, bus::kCeType).value_or("")),
         r.key},
        r.value);
    if (!fresh && r.key != std::get<1>(once[0])) {
      EXPECT_EQ(it->second, r.value) << r.key;
    }
  }

  // The state view keeps one document each and the event's latest revision.
  const std::string state_dir = (dir_ / "state").string();
  auto view = state::StateView::Open(state_dir, nullptr);
  ASSERT_TRUE(view.ok()) << view.status();
  // One record per Apply: StateView::Apply counts a document twice in its
  // stats when one batch holds two copies of its verdict.
  for (const bus::Record& r : records) ASSERT_TRUE((*view)->Apply({r}).ok());
  auto event = (*view)->GetEvent(std::get<1>(once[0]));
  ASSERT_TRUE(event.ok()) << event.status();
  EXPECT_EQ(event->event().revision(), 2u);
  EXPECT_EQ(event->event().sources_size(), 2);
  auto copy = (*view)->GetDocument("copy");
  ASSERT_TRUE(copy.ok()) << copy.status();
  EXPECT_EQ(copy->verdict(), v1::VERDICT_DUPLICATE);
  auto stats = (*view)->GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents(), 2u);
}

TEST_P(RedeliveryTest, CrashBetweenFlushAndCommitProducesNothingAgain) {
  SendPair();
  FaultyBus faulty(bus_->bus(), pipeline::kEventsTopic);
  {
    auto stage = NewStage(faulty);
    ASSERT_TRUE(stage.ok()) << stage.status();
    *faulty.fail_commits = true;
    RunUntilHandled(**stage, 2);
  }  // the offsets were never committed: a crash after the flush
  *faulty.fail_commits = false;
  auto stage = NewStage(faulty);
  ASSERT_TRUE(stage.ok()) << stage.status();
  RunUntilHandled(**stage, 2);
  EXPECT_EQ((*stage)->redeliveries_skipped(), 2u);
  const std::vector<Output> got = Outputs(Events(4));
  EXPECT_EQ(got, Expected(got));
}

TEST_P(RedeliveryTest, CrashInsideADocumentProducesItsCurrentState) {
  // A first attempt judged and merged the original, then died before
  // producing anything.
  const v1::Document orig =
      Doc("orig", "feed:ria", v1::AFFILIATION_RUSSIAN_STATE, 1736150000);
  {
    std::filesystem::create_directories(dir_);
    auto dedup = Deduplicator::Open({.dir = (dir_ / "index").string()});
    ASSERT_TRUE(dedup.ok());
    auto merger = EventMerger::Open({.dir = (dir_ / "events").string()});
    ASSERT_TRUE(merger.ok());
    auto ledger =
        RedeliveryLedger::Open((dir_ / "ledger").string(), absl::Hours(24));
    ASSERT_TRUE(ledger.ok());
    ASSERT_TRUE((*ledger)
                    ->Put("orig", {.state = LedgerEntry::State::kStarted,
                                   .content_key = orig.content_hash()})
                    .ok());
    auto verdict = (*dedup)->Judge(orig);
    ASSERT_TRUE(verdict.ok());
    *verdict->mutable_document() = orig;
    ASSERT_TRUE((*merger)->Apply(*verdict).ok());
  }
  SendPair();
  auto stage = NewStage(bus_->bus());
  ASSERT_TRUE(stage.ok()) << stage.status();
  RunUntilHandled(**stage, 2);
  const std::vector<Output> got = Outputs(Events(4));
  EXPECT_EQ(got, Expected(got));
}

INSTANTIATE_TEST_SUITE_P(Engines, RedeliveryTest,
                         ::testing::Values(Engine::kLocal, Engine::kKafka),
                         [](const auto& info) {
                           return bus::testing::EngineName(info.param);
                         });

}  // namespace
}  // namespace frontline::dedup
