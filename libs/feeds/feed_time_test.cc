#include "libs/feeds/feed_time.h"

#include "gtest/gtest.h"
#include "libs/feeds/test_util.h"

namespace frontline::feeds {
namespace {

using testing::Utc;

TEST(Rfc822TimeTest, ZonesAreAppliedAndNormalizedToUtc) {
  EXPECT_EQ(*ParseRfc822Time("Sun, 05 Jan 2025 18:42:10 GMT"),
            Utc(2025, 1, 5, 18, 42, 10));
  EXPECT_EQ(*ParseRfc822Time("Mon, 6 Jan 2025 14:05:00 +0300"),
            Utc(2025, 1, 6, 11, 5, 0));
  EXPECT_EQ(*ParseRfc822Time("Sun, 05 Jan 2025 22:40:11 EST"),
            Utc(2025, 1, 6, 3, 40, 11));
  EXPECT_EQ(*ParseRfc822Time("Sun, 05 Jul 2025 22:40:11 PDT"),
            Utc(2025, 7, 6, 5, 40, 11));
  EXPECT_EQ(*ParseRfc822Time("06 Jan 2025 10:58 MSK"), Utc(2025, 1, 6, 7, 58));
  EXPECT_EQ(*ParseRfc822Time("Mon, 06 Jan 2025 10:58:00 -0130"),
            Utc(2025, 1, 6, 12, 28));
  EXPECT_EQ(*ParseRfc822Time("Mon, 06 Jan 2025 10:58:00 +03:00"),
            Utc(2025, 1, 6, 7, 58));
  EXPECT_EQ(*ParseRfc822Time("Mon, 06 Jan 2025 10:58:00 UT"),
            Utc(2025, 1, 6, 10, 58));
  EXPECT_EQ(*ParseRfc822Time("Mon, 06 Jan 2025 10:58:00 Z"),
            Utc(2025, 1, 6, 10, 58));
}

TEST(Rfc822TimeTest, AcceptsLooseVariants) {
  EXPECT_EQ(*ParseRfc822Time("6 January 25 09:00:00 GMT"), Utc(2025, 1, 6, 9));
  EXPECT_EQ(*ParseRfc822Time("Thu, 01 Jan 98 00:00:00 GMT"), Utc(1998, 1, 1));
  EXPECT_EQ(*ParseRfc822Time("Mon, 06 Jan 2025 09:00:00"), Utc(2025, 1, 6, 9));
  EXPECT_EQ(*ParseRfc822Time("Mon,06 Jan 2025 09:00:00 GMT (UTC)"),
            Utc(2025, 1, 6, 9));
}

TEST(Rfc822TimeTest, RejectsGarbageAndImpossibleDates) {
  EXPECT_FALSE(ParseRfc822Time("").ok());
  EXPECT_FALSE(ParseRfc822Time("yesterday").ok());
  EXPECT_FALSE(ParseRfc822Time("Нд, 05 січ 2025 19:10:00 +0200").ok());
  EXPECT_FALSE(ParseRfc822Time("Fri, 31 Feb 2025 10:00:00 GMT").ok());
  EXPECT_FALSE(ParseRfc822Time("Mon, 06 Jan 2025 25:00:00 GMT").ok());
  EXPECT_FALSE(ParseRfc822Time("Mon, 06 Jan 2025 10:00:00 +9999").ok());
  EXPECT_FALSE(ParseRfc822Time("Mon, 06 Jan 2025 10:00:00 GMT trailing").ok());
  EXPECT_EQ(ParseRfc822Time("nonsense").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(Iso8601TimeTest, ZonesAreAppliedAndNormalizedToUtc) {
  EXPECT_EQ(*ParseIso8601Time("2025-01-06T09:15:00Z"), Utc(2025, 1, 6, 9, 15));
  EXPECT_EQ(*ParseIso8601Time("2025-01-06T09:15:00+03:00"),
            Utc(2025, 1, 6, 6, 15));
  EXPECT_EQ(*ParseIso8601Time("2025-01-05T23:59:00-05:00"),
            Utc(2025, 1, 6, 4, 59));
  EXPECT_EQ(*ParseIso8601Time("2025-01-06T12:15:00+0300"),
            Utc(2025, 1, 6, 9, 15));
  EXPECT_EQ(*ParseIso8601Time("2025-01-06 09:15:00z"), Utc(2025, 1, 6, 9, 15));
  EXPECT_EQ(*ParseIso8601Time("2025-01-06T09:15Z"), Utc(2025, 1, 6, 9, 15));
  EXPECT_EQ(*ParseIso8601Time("2025-01-06"), Utc(2025, 1, 6));
  EXPECT_EQ(*ParseIso8601Time("2025-01-06T09:15:00"), Utc(2025, 1, 6, 9, 15));
  EXPECT_EQ(*ParseIso8601Time("2025-01-06T09:15:00.250+03:00"),
            Utc(2025, 1, 6, 6, 15) + absl::Milliseconds(250));
}

TEST(Iso8601TimeTest, RejectsGarbageAndImpossibleDates) {
  EXPECT_FALSE(ParseIso8601Time("2025-02-30T00:00:00Z").ok());
  EXPECT_FALSE(ParseIso8601Time("2025-13-01").ok());
  EXPECT_FALSE(ParseIso8601Time("2025-01-06T09").ok());
  EXPECT_FALSE(ParseIso8601Time("2025-01-06T09:15:00+3").ok());
  EXPECT_FALSE(ParseIso8601Time("2025-01-06T09:15:00.Z").ok());
  EXPECT_FALSE(ParseIso8601Time("06.01.2025").ok());
}

TEST(FeedTimeTest, AcceptsEitherFamily) {
  EXPECT_EQ(*ParseFeedTime("2025-01-06T09:15:00Z"), Utc(2025, 1, 6, 9, 15));
  EXPECT_EQ(*ParseFeedTime("Mon, 06 Jan 2025 09:15:00 GMT"),
            Utc(2025, 1, 6, 9, 15));
  EXPECT_FALSE(ParseFeedTime("soon").ok());
}

}  // namespace
}  // namespace frontline::feeds
