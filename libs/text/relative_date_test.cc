#include "libs/text/relative_date.h"

#include <string>

#include "gtest/gtest.h"
#include "libs/text/test_util.h"

namespace frontline::text {
namespace {

// Monday 6 January 2025, 18:00 UTC.
const absl::Time kPublished = absl::FromCivil(
    absl::CivilSecond(2025, 1, 6, 18, 0, 0), absl::UTCTimeZone());

struct Found {
  absl::CivilDay day;
  DatePrecision precision;
  std::string span;
};

std::vector<Found> Find(absl::string_view text,
                        absl::Time published = kPublished) {
  std::vector<Found> out;
  for (const DateMention& m :
       testing::Shipped::Get().dates.FindAll(text, published)) {
    EXPECT_EQ(m.start, absl::FromCivil(m.first_day, absl::UTCTimeZone()));
    out.push_back({m.first_day, m.precision,
                   std::string(text.substr(m.begin, m.end - m.begin))});
  }
  return out;
}

void ExpectOne(absl::string_view text, absl::CivilDay day,
               DatePrecision precision, absl::string_view span,
               absl::Time published = kPublished) {
  const std::vector<Found> found = Find(text, published);
  ASSERT_EQ(found.size(), 1u) << text;
  EXPECT_EQ(found[0].day, day) << text;
  EXPECT_EQ(found[0].precision, precision) << text;
  EXPECT_EQ(found[0].span, span) << text;
}

using P = DatePrecision;

TEST(RelativeDateTest, Weekdays) {
  ExpectOne("fighting on Monday", absl::CivilDay(2025, 1, 6), P::kDay,
            "on Monday");
  ExpectOne("heavy fighting Sunday night.", absl::CivilDay(2025, 1, 5), P::kDay,
            "Sunday night");
  ExpectOne("on Friday, officials said", absl::CivilDay(2025, 1, 3), P::kDay,
            "on Friday");
  ExpectOne("since last Monday", absl::CivilDay(2024, 12, 30), P::kDay,
            "since last Monday");
  ExpectOne("Атаки почалися у понеділок", absl::CivilDay(2025, 1, 6), P::kDay,
            "у понеділок");
  ExpectOne("в неділю ввечері", absl::CivilDay(2025, 1, 5), P::kDay,
            "в неділю ввечері");
  ExpectOne("в воскресенье", absl::CivilDay(2025, 1, 5), P::kDay,
            "в воскресенье");
  ExpectOne("у п’ятницю", absl::CivilDay(2025, 1, 3), P::kDay, "у п’ятницю");
}

TEST(RelativeDateTest, ComingDays) {
  ExpectOne("talks next Friday", absl::CivilDay(2025, 1, 10), P::kDay,
            "next Friday");
  ExpectOne("next Monday", absl::CivilDay(2025, 1, 13), P::kDay, "next Monday");
  ExpectOne("tomorrow", absl::CivilDay(2025, 1, 7), P::kDay, "tomorrow");
  ExpectOne("наступного тижня", absl::CivilDay(2025, 1, 13), P::kWeek,
            "наступного тижня");
  ExpectOne("в следующем месяце", absl::CivilDay(2025, 2, 1), P::kMonth,
            "в следующем месяце");
  ExpectOne("next January", absl::CivilDay(2026, 1, 1), P::kMonth,
            "next January");
}

TEST(RelativeDateTest, OldYears) {
  ExpectOne("Est. May 19, 1883", absl::CivilDay(1883, 5, 19), P::kDay,
            "May 19, 1883");
}

TEST(RelativeDateTest, RelativeDays) {
  ExpectOne("Yesterday, drones struck", absl::CivilDay(2025, 1, 5), P::kDay,
            "Yesterday");
  ExpectOne("вчора", absl::CivilDay(2025, 1, 5), P::kDay, "вчора");
  ExpectOne("Вчера вечером", absl::CivilDay(2025, 1, 5), P::kDay, "Вчера");
  ExpectOne("сьогодні", absl::CivilDay(2025, 1, 6), P::kDay, "сьогодні");
  ExpectOne("the day before yesterday", absl::CivilDay(2025, 1, 4), P::kDay,
            "day before yesterday");
}

TEST(RelativeDateTest, WeeksMonthsSeasonsYears) {
  ExpectOne("talks last week", absl::CivilDay(2024, 12, 30), P::kWeek,
            "last week");
  ExpectOne("минулого тижня", absl::CivilDay(2024, 12, 30), P::kWeek,
            "минулого тижня");
  ExpectOne("на прошлой неделе", absl::CivilDay(2024, 12, 30), P::kWeek,
            "на прошлой неделе");
  ExpectOne("last month", absl::CivilDay(2024, 12, 1), P::kMonth, "last month");
  ExpectOne("since last summer", absl::CivilDay(2024, 6, 1), P::kSeason,
            "since last summer");
  ExpectOne("last winter", absl::CivilDay(2023, 12, 1), P::kSeason,
            "last winter");
  ExpectOne("минулого літа", absl::CivilDay(2024, 6, 1), P::kSeason,
            "минулого літа");
  ExpectOne("last year", absl::CivilDay(2024, 1, 1), P::kYear, "last year");
  // Published in summer: last summer is the year before.
  ExpectOne("last summer", absl::CivilDay(2024, 6, 1), P::kSeason,
            "last summer",
            absl::FromCivil(absl::CivilSecond(2025, 7, 10, 0, 0, 0),
                            absl::UTCTimeZone()));
}

TEST(RelativeDateTest, Months) {
  ExpectOne("in December", absl::CivilDay(2024, 12, 1), P::kMonth,
            "in December");
  ExpectOne("in January", absl::CivilDay(2025, 1, 1), P::kMonth, "in January");
  ExpectOne("у грудні", absl::CivilDay(2024, 12, 1), P::kMonth, "у грудні");
  ExpectOne("в декабре", absl::CivilDay(2024, 12, 1), P::kMonth, "в декабре");
  ExpectOne("in August 2024", absl::CivilDay(2024, 8, 1), P::kMonth,
            "in August 2024");
  ExpectOne("last December", absl::CivilDay(2024, 12, 1), P::kMonth,
            "last December");
  EXPECT_TRUE(Find("Russia may advance; troops march on").empty());
}

TEST(RelativeDateTest, DayAndMonth) {
  ExpectOne("on Jan. 5", absl::CivilDay(2025, 1, 5), P::kDay, "on Jan. 5");
  ExpectOne("5 January", absl::CivilDay(2025, 1, 5), P::kDay, "5 January");
  ExpectOne("on December 28", absl::CivilDay(2024, 12, 28), P::kDay,
            "on December 28");
  ExpectOne("January 5, 2024", absl::CivilDay(2024, 1, 5), P::kDay,
            "January 5, 2024");
  ExpectOne("5 січня", absl::CivilDay(2025, 1, 5), P::kDay, "5 січня");
  ExpectOne("5 января", absl::CivilDay(2025, 1, 5), P::kDay, "5 января");
  ExpectOne("до 10 січня", absl::CivilDay(2025, 1, 10), P::kDay, "до 10 січня");
  ExpectOne("on Jan. 20", absl::CivilDay(2024, 1, 20), P::kDay, "on Jan. 20");
  EXPECT_TRUE(Find("31 February").empty());
}

TEST(RelativeDateTest, SeveralMentionsInOrder) {
  const std::vector<Found> found = Find(
      "On Sunday night and again on Monday, after talks in December, "
      "yesterday's strikes");
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].span, "On Sunday night");
  EXPECT_EQ(found[1].span, "on Monday");
  EXPECT_EQ(found[2].span, "in December");
  EXPECT_EQ(found[3].span, "yesterday's");
}

TEST(RelativeDateTest, PublicationDayIsTakenInTheGivenZone) {
  // 23:30 UTC on Sunday is already Monday in Kyiv.
  const absl::Time published = absl::FromCivil(
      absl::CivilSecond(2025, 1, 5, 23, 30, 0), absl::UTCTimeZone());
  absl::TimeZone kyiv = absl::FixedTimeZone(2 * 3600);
  const std::vector<DateMention> found =
      testing::Shipped::Get().dates.FindAll("yesterday", published, kyiv);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].first_day, absl::CivilDay(2025, 1, 5));
  EXPECT_EQ(found[0].start, absl::FromCivil(absl::CivilDay(2025, 1, 5), kyiv));
}

TEST(RelativeDateTest, RejectsMalformedCalendar) {
  EXPECT_FALSE(RelativeDateResolver::Parse("month\t13\tfoo\n").ok());
  EXPECT_FALSE(RelativeDateResolver::Parse("weekday\t1\ttwo words\n").ok());
  EXPECT_FALSE(RelativeDateResolver::Parse("relative\t-1 fortnight\tx\n").ok());
  EXPECT_FALSE(RelativeDateResolver::Parse("bogus\t-\tx\n").ok());
}

}  // namespace
}  // namespace frontline::text
