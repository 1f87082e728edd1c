#include "tools/frontlinectl/enum_names.h"

#include "frontline/v1/conflict_state.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace frontline::ctl {
namespace {

using ::testing::HasSubstr;

TEST(EnumNamesTest, ShortNamesDropTheTypePrefix) {
  EXPECT_EQ(ShortName(v1::SIDE_RUSSIA), "russia");
  EXPECT_EQ(ShortName(v1::CLAIM_TYPE_DRONE_STRIKE), "drone_strike");
  EXPECT_EQ(ShortName(v1::CORROBORATION_TIER_SINGLE_SOURCE), "single_source");
  EXPECT_EQ(ShortName(v1::VERDICT_NEW_VERSION), "new_version");
  EXPECT_EQ(ShortName(v1::DUPLICATE_KIND_PARAPHRASE), "paraphrase");
  EXPECT_EQ(ShortName(v1::PLACE_KIND_TOWN), "town");
}

TEST(EnumNamesTest, UnspecifiedIsEmptyAndUnknownIsItsNumber) {
  EXPECT_EQ(ShortName(v1::SIDE_UNSPECIFIED), "");
  EXPECT_EQ(ShortName(static_cast<v1::Side>(42)), "42");
}

TEST(EnumNamesTest, ParsesShortFullAndDashedNamesInAnyCase) {
  EXPECT_EQ(*ParseShortName<v1::Side>("ukraine"), v1::SIDE_UKRAINE);
  EXPECT_EQ(*ParseShortName<v1::Side>("NEUTRAL"), v1::SIDE_NEUTRAL);
  EXPECT_EQ(*ParseShortName<v1::ClaimType>("drone-strike"),
            v1::CLAIM_TYPE_DRONE_STRIKE);
  EXPECT_EQ(*ParseShortName<v1::ClaimType>("CLAIM_TYPE_CAPTURE"),
            v1::CLAIM_TYPE_CAPTURE);
  EXPECT_EQ(*ParseShortName<v1::Verdict>("new_version"),
            v1::VERDICT_NEW_VERSION);
}

TEST(EnumNamesTest, RejectsUnknownAndUnspecifiedListingTheChoices) {
  auto bad = ParseShortName<v1::Side>("belarus");
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(absl::IsInvalidArgument(bad.status()));
  EXPECT_THAT(std::string(bad.status().message()),
              HasSubstr("unknown side \"belarus\"; one of: russia, ukraine, "
                        "neutral"));
  EXPECT_FALSE(ParseShortName<v1::Side>("unspecified").ok());
  EXPECT_FALSE(ParseShortName<v1::Side>("").ok());
}

TEST(EnumNamesTest, ListsEveryNameButUnspecified) {
  EXPECT_EQ(ShortEnumNames(v1::Verdict_descriptor()),
            (std::vector<std::string>{"new", "duplicate", "new_version"}));
}

}  // namespace
}  // namespace frontline::ctl
