#include "libs/dedup/event_merger.h"

#include <gtest/gtest.h>

#include "libs/dedup/event_key.h"
#include "libs/dedup/test_util.h"

namespace frontline::dedup {
namespace {

using testing::MakeDoc;
using testing::TempDir;

constexpr int64_t kT0 = 1736150000;
constexpr int64_t kHour = 3600;

v1::DocumentVerdict Verdict(const std::string& id, v1::Affiliation affiliation,
                            int64_t seconds, v1::Polarity polarity,
                            const std::string& duplicate_of = "",
                            v1::Verdict verdict = v1::VERDICT_NEW) {
  v1::DocumentVerdict v;
  v.set_document_id(id);
  v.set_verdict(duplicate_of.empty()         ? verdict
                : verdict == v1::VERDICT_NEW ? v1::VERDICT_DUPLICATE
                                             : verdict);
  v.set_duplicate_of(duplicate_of);
  v1::Document* d = v.mutable_document();
  *d = MakeDoc(id, "src:" + id, seconds, "text");
  d->mutable_source()->set_affiliation(affiliation);
  v1::Claim* c = d->add_claims();
  c->set_id(id + "/0");
  c->set_type(v1::CLAIM_TYPE_CAPTURE);
  c->set_polarity(polarity);
  c->set_side(v1::SIDE_RUSSIA);
  c->set_place_id("ua.donetsk.kurakhove");
  c->mutable_time()->set_seconds(seconds);
  c->mutable_claimant()->set_id("claimant:" + id);
  return v;
}

class EventMergerTest : public ::testing::Test {
 protected:
  void SetUp() override { Reopen(); }
  void Reopen() {
    merger_.reset();
    EventMergerOptions o;
    o.dir = dir_.path();
    auto m = EventMerger::Open(o);
    ASSERT_TRUE(m.ok()) << m.status();
    merger_ = *std::move(m);
  }
  std::vector<v1::Event> Apply(const v1::DocumentVerdict& v) {
    auto events = merger_->Apply(v);
    EXPECT_TRUE(events.ok()) << events.status();
    return events.ok() ? *events : std::vector<v1::Event>{};
  }
  TempDir dir_;
  std::unique_ptr<EventMerger> merger_;
};

TEST_F(EventMergerTest, SameClaimFromTwoSourcesIsOneEvent) {
  auto e1 = Apply(
      Verdict("a", v1::AFFILIATION_RUSSIAN_STATE, kT0, v1::POLARITY_ASSERTED));
  ASSERT_EQ(e1.size(), 1u);
  EXPECT_EQ(e1[0].revision(), 1u);
  EXPECT_EQ(e1[0].tier(), v1::CORROBORATION_TIER_SINGLE_SOURCE);
  auto e2 = Apply(Verdict("b", v1::AFFILIATION_RUSSIAN_MILBLOGGER,
                          kT0 + 20 * kHour, v1::POLARITY_ASSERTED));
  ASSERT_EQ(e2.size(), 1u);
  EXPECT_EQ(e2[0].id(), e1[0].id());
  EXPECT_EQ(e2[0].revision(), 2u);
  EXPECT_EQ(e2[0].sources_size(), 2);
  EXPECT_EQ(e2[0].independent_sources(), 2u);
  EXPECT_EQ(e2[0].tier(), v1::CORROBORATION_TIER_CORROBORATED);
  EXPECT_EQ(e2[0].claimants_size(), 2);
}

TEST_F(EventMergerTest, IdIsDerivedFromTheFirstClaimsKey) {
  auto e = Apply(
      Verdict("a", v1::AFFILIATION_RUSSIAN_STATE, kT0, v1::POLARITY_ASSERTED));
  ASSERT_EQ(e.size(), 1u);
  const int64_t window = int64_t{72} * kHour * 1000000;
  EXPECT_EQ(e[0].id(),
            EventId(MergeKey(v1::CLAIM_TYPE_CAPTURE, "ua.donetsk.kurakhove",
                             v1::SIDE_RUSSIA, v1::POLARITY_ASSERTED,
                             TimeBucket(kT0 * 1000000, window))));
}

TEST_F(EventMergerTest, ClaimsBeyondTheWindowAreAnotherEvent) {
  auto e1 = Apply(
      Verdict("a", v1::AFFILIATION_RUSSIAN_STATE, kT0, v1::POLARITY_ASSERTED));
  auto e2 = Apply(Verdict("b", v1::AFFILIATION_RUSSIAN_STATE,
                          kT0 + 10 * 24 * kHour, v1::POLARITY_ASSERTED));
  ASSERT_EQ(e1.size(), 1u);
  ASSERT_EQ(e2.size(), 1u);
  EXPECT_NE(e1[0].id(), e2[0].id());
}

TEST_F(EventMergerTest, AForwardIsNotASecondWitness) {
  Apply(
      Verdict("a", v1::AFFILIATION_RUSSIAN_STATE, kT0, v1::POLARITY_ASSERTED));
  auto e = Apply(Verdict("f", v1::AFFILIATION_UKRAINIAN_MEDIA, kT0 + kHour,
                         v1::POLARITY_ASSERTED, "a"));
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].sources_size(), 2);
  EXPECT_FALSE(e[0].sources(1).independent());
  EXPECT_EQ(e[0].independent_sources(), 1u);
  EXPECT_EQ(e[0].tier(), v1::CORROBORATION_TIER_SINGLE_SOURCE);
}

TEST_F(EventMergerTest, BothSidesConfirm) {
  Apply(
      Verdict("a", v1::AFFILIATION_RUSSIAN_STATE, kT0, v1::POLARITY_ASSERTED));
  auto e = Apply(Verdict("b", v1::AFFILIATION_UKRAINIAN_MONITORING, kT0 + kHour,
                         v1::POLARITY_ASSERTED));
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].tier(), v1::CORROBORATION_TIER_CONFIRMED);
}

TEST_F(EventMergerTest, AnAnalystPlusOneSideConfirms) {
  Apply(
      Verdict("a", v1::AFFILIATION_RUSSIAN_STATE, kT0, v1::POLARITY_ASSERTED));
  auto e = Apply(Verdict("b", v1::AFFILIATION_ANALYST, kT0 + kHour,
                         v1::POLARITY_ASSERTED));
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].tier(), v1::CORROBORATION_TIER_CONFIRMED);
}

TEST_F(EventMergerTest, ClaimAndDenialAreLinkedBothWays) {
  auto a = Apply(
      Verdict("a", v1::AFFILIATION_RUSSIAN_STATE, kT0, v1::POLARITY_ASSERTED));
  auto d = Apply(Verdict("d", v1::AFFILIATION_UKRAINIAN_OFFICIAL, kT0 + kHour,
                         v1::POLARITY_DENIED));
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(d.size(), 2u);
  for (const v1::Event& e : d) {
    ASSERT_EQ(e.conflicts_with_size(), 1);
    EXPECT_NE(e.conflicts_with(0), e.id());
    EXPECT_EQ(e.revision(), e.id() == a[0].id() ? 2u : 1u);
  }
}

TEST_F(EventMergerTest, RevisionsContinueAfterRestart) {
  auto e1 = Apply(
      Verdict("a", v1::AFFILIATION_RUSSIAN_STATE, kT0, v1::POLARITY_ASSERTED));
  Reopen();
  auto again = Apply(
      Verdict("a", v1::AFFILIATION_RUSSIAN_STATE, kT0, v1::POLARITY_ASSERTED));
  EXPECT_TRUE(again.empty());
  auto e2 = Apply(Verdict("b", v1::AFFILIATION_RUSSIAN_STATE, kT0 + kHour,
                          v1::POLARITY_ASSERTED));
  ASSERT_EQ(e2.size(), 1u);
  EXPECT_EQ(e2[0].id(), e1[0].id());
  EXPECT_EQ(e2[0].revision(), 2u);
}

TEST_F(EventMergerTest, AnEditReplacesItsEarlierVersion) {
  Apply(
      Verdict("a1", v1::AFFILIATION_RUSSIAN_STATE, kT0, v1::POLARITY_ASSERTED));
  auto e = Apply(Verdict("a2", v1::AFFILIATION_RUSSIAN_STATE, kT0,
                         v1::POLARITY_ASSERTED, "a1", v1::VERDICT_NEW_VERSION));
  ASSERT_EQ(e.size(), 1u);
  ASSERT_EQ(e[0].sources_size(), 1);
  EXPECT_EQ(e[0].sources(0).document_id(), "a2");
  EXPECT_EQ(e[0].independent_sources(), 1u);
}

TEST_F(EventMergerTest, ARevisedVerdictUpdatesIndependence) {
  Apply(Verdict("a", v1::AFFILIATION_RUSSIAN_STATE, kT0 + kHour,
                v1::POLARITY_ASSERTED));
  Apply(Verdict("b", v1::AFFILIATION_UKRAINIAN_MEDIA, kT0,
                v1::POLARITY_ASSERTED));
  v1::DocumentVerdict revised;
  revised.set_document_id("a");
  revised.set_verdict(v1::VERDICT_DUPLICATE);
  revised.set_duplicate_of("b");
  auto e = merger_->Revise(revised);
  ASSERT_TRUE(e.ok());
  ASSERT_EQ(e->size(), 1u);
  EXPECT_EQ((*e)[0].independent_sources(), 1u);
  EXPECT_EQ((*e)[0].revision(), 3u);
}

}  // namespace
}  // namespace frontline::dedup
