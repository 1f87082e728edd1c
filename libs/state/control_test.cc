#include "libs/state/control.h"

#include <set>

#include "gtest/gtest.h"
#include "libs/state/state_test_util.h"

namespace frontline::state {
namespace {

using testing::MakeEvent;

constexpr char kKurakhove[] = "ua.donetsk.kurakhove";

TEST(ControlTest, ACaptureClaimAloneIsNotContested) {
  auto claims = LatestControlClaims(
      {MakeEvent("e1", v1::CLAIM_TYPE_CAPTURE, v1::SIDE_RUSSIA, v1::SIDE_RUSSIA,
                 kKurakhove, 1736100000)});
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].claimant_side(), v1::SIDE_RUSSIA);
  EXPECT_EQ(claims[0].controller(), v1::SIDE_RUSSIA);
  EXPECT_EQ(claims[0].event_id(), "e1");
  EXPECT_FALSE(Contested(claims));
}

TEST(ControlTest, ADenialByTheOtherSideContestsIt) {
  auto claims = LatestControlClaims(
      {MakeEvent("e1", v1::CLAIM_TYPE_CAPTURE, v1::SIDE_RUSSIA, v1::SIDE_RUSSIA,
                 kKurakhove, 1736100000),
       MakeEvent("e2", v1::CLAIM_TYPE_CAPTURE, v1::SIDE_RUSSIA,
                 v1::SIDE_UKRAINE, kKurakhove, 1736110000,
                 v1::POLARITY_DENIED)});
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(claims[0].event_id(), "e2");  // newest first
  EXPECT_EQ(claims[0].polarity(), v1::POLARITY_DENIED);
  EXPECT_TRUE(Contested(claims));
}

TEST(ControlTest, TheLatestClaimOfEachSideCounts) {
  // Ukraine first said it held the town, later that it withdrew: both
  // sides now say Russia holds it.
  auto claims = LatestControlClaims(
      {MakeEvent("old", v1::CLAIM_TYPE_CONTROL, v1::SIDE_UKRAINE,
                 v1::SIDE_UKRAINE, kKurakhove, 1735000000),
       MakeEvent("new", v1::CLAIM_TYPE_WITHDRAWAL, v1::SIDE_UKRAINE,
                 v1::SIDE_UKRAINE, kKurakhove, 1736200000),
       MakeEvent("ru", v1::CLAIM_TYPE_CAPTURE, v1::SIDE_RUSSIA, v1::SIDE_RUSSIA,
                 kKurakhove, 1736100000),
       MakeEvent("strike", v1::CLAIM_TYPE_DRONE_STRIKE, v1::SIDE_RUSSIA,
                 v1::SIDE_UKRAINE, kKurakhove, 1736300000)});
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(claims[0].event_id(), "new");
  EXPECT_EQ(claims[0].controller(), v1::SIDE_RUSSIA);
  EXPECT_FALSE(Contested(claims));
}

TEST(ControlTest, AnEventClaimedByTwoSidesIsAClaimOfEach) {
  v1::Event e = MakeEvent("cap", v1::CLAIM_TYPE_CAPTURE, v1::SIDE_RUSSIA,
                          v1::SIDE_RUSSIA, kKurakhove, 1736100000);
  v1::Actor* analyst = e.add_claimants();
  analyst->set_id("isw");
  analyst->set_side(v1::SIDE_NEUTRAL);
  // Whatever order the claimants were merged in.
  for (bool reversed : {false, true}) {
    v1::Event event = e;
    if (reversed)
      std::swap(*event.mutable_claimants(0), *event.mutable_claimants(1));
    auto claims = LatestControlClaims({event});
    ASSERT_EQ(claims.size(), 2u);
    std::set<v1::Side> sides;
    for (const auto& c : claims) {
      sides.insert(c.claimant_side());
      EXPECT_EQ(c.claimant().side(), c.claimant_side());
      EXPECT_EQ(c.controller(), v1::SIDE_RUSSIA);
    }
    EXPECT_EQ(sides, (std::set<v1::Side>{v1::SIDE_RUSSIA, v1::SIDE_NEUTRAL}));
    EXPECT_FALSE(Contested(claims));
  }
}

TEST(ControlTest, ClaimantSideFallsBackToSourceAffiliation) {
  v1::Event e;
  e.add_sources()->mutable_source()->set_affiliation(
      v1::AFFILIATION_RUSSIAN_MILBLOGGER);
  EXPECT_EQ(ClaimantSide(e), v1::SIDE_RUSSIA);
}

}  // namespace
}  // namespace frontline::state
