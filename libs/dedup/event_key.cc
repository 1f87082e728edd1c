#include "libs/dedup/event_key.h"

#include <xxhash.h>

#include <cinttypes>
#include <cstdio>

#include "absl/strings/str_cat.h"

namespace frontline::dedup {

int64_t TimeBucket(int64_t time_micros, int64_t window_micros) {
  if (window_micros <= 0) return 0;
  int64_t q = time_micros / window_micros;
  if (time_micros % window_micros < 0) --q;
  return q;
}

std::string MergeKey(v1::ClaimType type, absl::string_view place_id,
                     v1::Side side, v1::Polarity polarity, int64_t bucket) {
  return absl::StrCat(static_cast<int>(type), "|", place_id, "|",
                      static_cast<int>(side), "|", static_cast<int>(polarity),
                      "|", bucket);
}

std::string EventId(absl::string_view merge_key) {
  char hex[17];
  std::snprintf(
      hex, sizeof hex, "%016" PRIx64,
      static_cast<uint64_t>(XXH3_64bits(merge_key.data(), merge_key.size())));
  return absl::StrCat("ev-", hex);
}

}  // namespace frontline::dedup
