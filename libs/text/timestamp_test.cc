#include "libs/text/timestamp.h"

#include "gtest/gtest.h"

namespace frontline::text {
namespace {

absl::Time Utc(int y, int mo, int d, int h, int mi, int s) {
  return absl::FromCivil(absl::CivilSecond(y, mo, d, h, mi, s),
                         absl::UTCTimeZone());
}

TEST(TimestampTest, Rfc822) {
  const absl::Time expected = Utc(2025, 1, 6, 9, 15, 0);
  for (const char* text :
       {"Mon, 06 Jan 2025 09:15:00 GMT", "6 Jan 2025 12:15:00 +0300",
        "Mon, 6 Jan 25 04:15 EST", "Monday, 06 January 2025 12:15:00 MSK",
        "06 Jan 2025 11:15:00 +02:00", "Mon, 06 Jan 2025 09:15:00",
        "Mon, 06 Jan 2025 09:15:00 UT", "  Mon, 06 Jan 2025 09:15:00 Z  "}) {
    absl::StatusOr<absl::Time> t = ParseRfc822Time(text);
    ASSERT_TRUE(t.ok()) << text << ": " << t.status();
    EXPECT_EQ(*t, expected) << text;
  }
}

TEST(TimestampTest, Rfc822Rejects) {
  for (const char* text :
       {"", "Mon, 31 Feb 2025 09:15:00 GMT", "06 Foo 2025 09:15 GMT",
        "06 Jan 2025 24:15 GMT", "06 Jan 2025 09:15 XYZ", "06 Jan 2025",
        "06 Jan 2025 09:15 GMT trailing"}) {
    EXPECT_FALSE(ParseRfc822Time(text).ok()) << text;
  }
}

TEST(TimestampTest, Iso8601) {
  const absl::Time expected = Utc(2025, 1, 6, 9, 15, 0);
  for (const char* text :
       {"2025-01-06T09:15:00Z", "2025-01-06T12:15:00+03:00",
        "2025-01-06T12:15:00+0300", "2025-01-06 09:15:00Z", "2025-01-06T09:15Z",
        "2025-01-06T12:15+03", "20250106T091500Z", "2025-01-06T04:15:00-05:00",
        "2025-01-06t09:15:00z"}) {
    absl::StatusOr<absl::Time> t = ParseIso8601Time(text);
    ASSERT_TRUE(t.ok()) << text << ": " << t.status();
    EXPECT_EQ(*t, expected) << text;
  }
  EXPECT_EQ(*ParseIso8601Time("2025-01-06"), Utc(2025, 1, 6, 0, 0, 0));
  EXPECT_EQ(*ParseIso8601Time("2025-01-06T09:15:00.250Z"),
            expected + absl::Milliseconds(250));
  EXPECT_EQ(*ParseIso8601Time("2025-01-06T09:15:00.123456789123Z"),
            expected + absl::Nanoseconds(123456789));
}

TEST(TimestampTest, Iso8601Rejects) {
  for (const char* text :
       {"2025-13-06", "2025-02-30T00:00Z", "2025-01-06T09", "2025-01-06X09:15",
        "2025-01-06T09:15:00+25:00", "25-01-06", "2025-01-06T09:15:00Zjunk"}) {
    EXPECT_FALSE(ParseIso8601Time(text).ok()) << text;
  }
}

TEST(TimestampTest, UnixTime) {
  EXPECT_EQ(*ParseUnixTime("1736154900"), Utc(2025, 1, 6, 9, 15, 0));
  EXPECT_EQ(*ParseUnixTime("1736154900.5"),
            Utc(2025, 1, 6, 9, 15, 0) + absl::Milliseconds(500));
  EXPECT_EQ(*ParseUnixTime("1736154900250"),
            Utc(2025, 1, 6, 9, 15, 0) + absl::Milliseconds(250));
  EXPECT_EQ(*ParseUnixTime("0"), absl::UnixEpoch());
  for (const char* text : {"", "-5", "12a", "1.2.3", "99999999999999999"}) {
    EXPECT_FALSE(ParseUnixTime(text).ok()) << text;
  }
}

TEST(TimestampTest, AnyFormat) {
  const absl::Time expected = Utc(2025, 1, 6, 9, 15, 0);
  EXPECT_EQ(*ParseTimestamp("1736154900"), expected);
  EXPECT_EQ(*ParseTimestamp("2025-01-06T09:15:00Z"), expected);
  EXPECT_EQ(*ParseTimestamp("Mon, 06 Jan 2025 09:15:00 GMT"), expected);
  EXPECT_EQ(*ParseTimestamp("6 Jan 2025 09:15 GMT"), expected);
  EXPECT_FALSE(ParseTimestamp("yesterday").ok());
}

}  // namespace
}  // namespace frontline::text
