#include "libs/extract/relative_time.h"

#include "gtest/gtest.h"

namespace frontline::extract {
namespace {

absl::Time Day(int y, int m, int d) {
  return absl::FromCivil(absl::CivilDay(y, m, d), absl::UTCTimeZone());
}

TEST(RelativeTimeTest, Rules) {
  // Monday 6 January 2025, 11:43 UTC.
  const absl::Time published = Day(2025, 1, 6) + absl::Hours(11);
  PatternEntry cue;
  cue.kind = CueKind::kTime;

  EXPECT_EQ(ResolveTime(published, nullptr).time, Day(2025, 1, 6));
  EXPECT_EQ(ResolveTime(published, nullptr).precision, v1::TIME_PRECISION_WEEK);

  cue.time_rule = TimeRule::kDays;
  cue.time_value = -1;
  EXPECT_EQ(ResolveTime(published, &cue).time, Day(2025, 1, 5));
  EXPECT_EQ(ResolveTime(published, &cue).precision, v1::TIME_PRECISION_DAY);

  cue.time_rule = TimeRule::kWeekday;
  cue.time_value = 1;  // Monday: the publication day itself.
  EXPECT_EQ(ResolveTime(published, &cue).time, Day(2025, 1, 6));
  cue.time_value = 7;  // Sunday: the day before.
  EXPECT_EQ(ResolveTime(published, &cue).time, Day(2025, 1, 5));
  cue.time_value = 6;  // Saturday.
  EXPECT_EQ(ResolveTime(published, &cue).time, Day(2025, 1, 4));

  cue.time_rule = TimeRule::kWeeks;
  cue.time_value = -1;
  EXPECT_EQ(ResolveTime(published, &cue).time, Day(2024, 12, 30));
  cue.time_rule = TimeRule::kMonths;
  EXPECT_EQ(ResolveTime(published, &cue).time, Day(2024, 12, 1));
  EXPECT_EQ(ResolveTime(published, &cue).precision, v1::TIME_PRECISION_MONTH);
}

}  // namespace
}  // namespace frontline::extract
