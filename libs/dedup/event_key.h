// Identity of events. The scheme (stable across processes and versions):
//   merge key = "<type>|<place id>|<side>|<polarity>|<bucket>", the enums as
//               their numbers, bucket = floor(claim time / window) with the
//               window in microseconds (default 3 days);
//   event id  = "ev-" + 16 lower-case hex digits of XXH3-64 of the merge key
//               of the event's first claim.
// A claim joins an existing event of its type, place, side and polarity in
// its own or a neighbouring bucket whose time is within the window; since a
// bucket is one window wide, two events never get the same id.
#ifndef FRONTLINE_LIBS_DEDUP_EVENT_KEY_H_
#define FRONTLINE_LIBS_DEDUP_EVENT_KEY_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "frontline/v1/claim.pb.h"

namespace frontline::dedup {

int64_t TimeBucket(int64_t time_micros, int64_t window_micros);

std::string MergeKey(v1::ClaimType type, absl::string_view place_id,
                     v1::Side side, v1::Polarity polarity, int64_t bucket);

std::string EventId(absl::string_view merge_key);

}  // namespace frontline::dedup

#endif  // FRONTLINE_LIBS_DEDUP_EVENT_KEY_H_
