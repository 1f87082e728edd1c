#include "libs/fetch/backoff.h"

#include <algorithm>
#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"

namespace frontline::fetch {

absl::Duration BackoffDelay(const BackoffPolicy& policy, int failures,
                            absl::BitGenRef gen) {
  if (failures <= 0) return absl::ZeroDuration();
  absl::Duration ceiling = policy.initial;
  for (int i = 1; i < failures && ceiling < policy.max; ++i) ceiling *= 2;
  ceiling = std::min(ceiling, policy.max);
  const int64_t ms = absl::ToInt64Milliseconds(ceiling);
  return absl::Milliseconds(absl::Uniform<int64_t>(absl::IntervalClosed, gen, 0,
                                                   std::max<int64_t>(ms, 0)));
}

std::optional<absl::Duration> ParseRetryAfter(absl::string_view value,
                                              absl::Time now) {
  value = absl::StripAsciiWhitespace(value);
  if (value.empty()) return std::nullopt;
  uint32_t seconds = 0;
  if (absl::SimpleAtoi(value, &seconds)) return absl::Seconds(seconds);
  absl::Time when;
  std::string error;
  // IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
  if (!absl::ParseTime("%a, %d %b %Y %H:%M:%S GMT", value, &when, &error)) {
    return std::nullopt;
  }
  return std::max(absl::ZeroDuration(), when - now);
}

}  // namespace frontline::fetch
