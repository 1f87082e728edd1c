#include "libs/extract/relative_time.h"

#include "absl/time/civil_time.h"
#include "libs/text/relative_date.h"

namespace frontline::extract {

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
      const int back = (text::IsoWeekday(day) - cue->time_value + 7) % 7;
      return {absl::FromCivil(day - back, utc), v1::TIME_PRECISION_DAY};
    }
    case TimeRule::kWeeks: {
      const absl::CivilDay monday = day - (text::IsoWeekday(day) - 1);
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
