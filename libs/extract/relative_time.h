// Dates a claim from the publication time and a relative expression.
#ifndef FRONTLINE_LIBS_EXTRACT_RELATIVE_TIME_H_
#define FRONTLINE_LIBS_EXTRACT_RELATIVE_TIME_H_

#include "absl/time/time.h"
#include "frontline/v1/claim.pb.h"
#include "libs/extract/dictionary.h"

namespace frontline::extract {

struct DatedTime {
  absl::Time time;  // Midnight UTC of the day, week start or month start.
  v1::TimePrecision precision = v1::TIME_PRECISION_UNSPECIFIED;
};

// `cue` is a kTime pattern or nullptr. Days count from the publication day
// (UTC); a weekday is the latest such day on or before it; weeks and months
// move the publication day's week (from Monday) or month. Without a cue:
// the publication day at week precision.
DatedTime ResolveTime(absl::Time published, const PatternEntry* cue);

}  // namespace frontline::extract

#endif  // FRONTLINE_LIBS_EXTRACT_RELATIVE_TIME_H_
