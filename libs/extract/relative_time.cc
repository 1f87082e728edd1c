#include "libs/extract/relative_time.h"

#include "absl/time/civil_time.h"

namespace frontline::extract {
namespace {

int IsoWeekday(absl::CivilDay day) {
  switch (absl::GetWeekday(day)) {
    case absl::Weekday::monday:
      return 1;
    case absl::Weekday::tuesday:
      return 2;
    case absl::Weekday::wednesday:
      return 3;
    case absl::Weekday::thursday:
      return 4;
    case absl::Weekday::friday:
      return 5;
    case absl::Weekday::saturday:
      return 6;
    case absl::Weekday::sunday:
      return 7;
  }
  return 1;
}

}  // namespace

DatedTime ResolveTime(absl::Time published, const PatternEntry* cue) {
  const absl::TimeZone utc = absl::UTCTimeZone();
  const absl::CivilDay day = absl::ToCivilDay(published, utc);
  if (cue == nullptr) {
    return {absl::FromCivil(day, utc), v1::TIME_PRECISION_WEEK};
  }
  switch (cue->time_rule) {
    case TimeRule::kDays:
      return {absl::FromCivil(day + cue->time_value, utc),
              v1::TIME_PRECISION_DAY};
    case TimeRule::kWeekday: {
      const int back = (IsoWeekday(day) - cue->time_value + 7) % 7;
      return {absl::FromCivil(day - back, utc), v1::TIME_PRECISION_DAY};
    }
    case TimeRule::kWeeks: {
      const absl::CivilDay monday = day - (IsoWeekday(day) - 1);
      return {absl::FromCivil(monday + 7 * cue->time_value, utc),
              v1::TIME_PRECISION_WEEK};
    }
    case TimeRule::kMonths: {
      const absl::CivilMonth month = absl::CivilMonth(day) + cue->time_value;
      return {absl::FromCivil(month, utc), v1::TIME_PRECISION_MONTH};
    }
  }
  return {absl::FromCivil(day, utc), v1::TIME_PRECISION_WEEK};
}

}  // namespace frontline::extract
