#include "tools/frontlinectl/query_filters.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace frontline::ctl {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(QueryFiltersTest, EventFlagsBecomeAFilter) {
  EventFilterFlags flags;
  flags.place = "Курахове";
  flags.region = "ua.donetsk";
  flags.side = "russia";
  flags.types = {"capture,drone_strike", "shelling"};
  flags.since = "2025-01-05";
  flags.until = "2025-01-06";
  flags.min_sources = 2;
  auto filter = MakeEventFilter(flags);
  ASSERT_TRUE(filter.ok()) << filter.status();
  EXPECT_EQ(filter->place(), "Курахове");
  EXPECT_EQ(filter->region_id(), "ua.donetsk");
  EXPECT_EQ(filter->side(), v1::SIDE_RUSSIA);
  EXPECT_THAT(filter->types(),
              ElementsAre(v1::CLAIM_TYPE_CAPTURE, v1::CLAIM_TYPE_DRONE_STRIKE,
                          v1::CLAIM_TYPE_SHELLING));
  EXPECT_EQ(filter->since().seconds(), 1736035200);
  EXPECT_EQ(filter->until().seconds(), 1736121600 + 86399);
  EXPECT_EQ(filter->min_independent_sources(), 2u);
}

TEST(QueryFiltersTest, EmptyFlagsFilterNothing) {
  auto filter = MakeEventFilter({});
  ASSERT_TRUE(filter.ok());
  EXPECT_FALSE(filter->has_since());
  EXPECT_FALSE(filter->has_until());
  EXPECT_EQ(filter->side(), v1::SIDE_UNSPECIFIED);
  EXPECT_TRUE(filter->types().empty());
}

TEST(QueryFiltersTest, BadValuesNameTheFlag) {
  EventFilterFlags side;
  side.side = "nato";
  EXPECT_THAT(std::string(MakeEventFilter(side).status().message()),
              HasSubstr("--side: unknown side \"nato\""));
  EventFilterFlags type;
  type.types = {"capture,teleport"};
  EXPECT_THAT(std::string(MakeEventFilter(type).status().message()),
              HasSubstr("--type: unknown claim_type \"teleport\""));
  EventFilterFlags since;
  since.since = "last week";
  EXPECT_THAT(std::string(MakeEventFilter(since).status().message()),
              HasSubstr("--since"));
  DocumentFilterFlags verdict;
  verdict.verdict = "maybe";
  EXPECT_THAT(std::string(MakeDocumentsRequest(verdict).status().message()),
              HasSubstr("--verdict"));
}

TEST(QueryFiltersTest, DocumentFlagsBecomeARequest) {
  DocumentFilterFlags flags;
  flags.source = "feed:ria";
  flags.verdict = "duplicate";
  flags.until = "2025-01-05";
  auto request = MakeDocumentsRequest(flags);
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->source_id(), "feed:ria");
  EXPECT_EQ(request->verdict(), v1::VERDICT_DUPLICATE);
  EXPECT_FALSE(request->has_since());
  EXPECT_EQ(request->until().seconds(), 1736035200 + 86399);
}

TEST(QueryFiltersTest, RegionIdsAreToldFromNames) {
  EXPECT_TRUE(LooksLikeRegionId("ua.donetsk"));
  EXPECT_TRUE(LooksLikeRegionId("ru.kursk"));
  EXPECT_FALSE(LooksLikeRegionId("Kursk oblast"));
  EXPECT_FALSE(LooksLikeRegionId("Курська область"));
  EXPECT_FALSE(LooksLikeRegionId("donetsk"));
}

}  // namespace
}  // namespace frontline::ctl
