// When to try a source again: exponential backoff with full jitter after
// failures, and the server's own Retry-After when it sends one.
#ifndef FRONTLINE_LIBS_FETCH_BACKOFF_H_
#define FRONTLINE_LIBS_FETCH_BACKOFF_H_

#include <optional>

#include "absl/random/bit_gen_ref.h"
#include "absl/random/random.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace frontline::fetch {

struct BackoffPolicy {
  absl::Duration initial = absl::Seconds(1);
  absl::Duration max = absl::Minutes(30);
};

// A delay drawn uniformly from [0, min(max, initial * 2^(failures-1))]:
// "full jitter", so many clients failing together do not retry together.
// Zero when `failures` is 0.
absl::Duration BackoffDelay(const BackoffPolicy& policy, int failures,
                            absl::BitGenRef gen);

// The delay a Retry-After header asks for: delta-seconds or an HTTP-date
// (relative to `now`). nullopt when absent or unreadable; never negative.
std::optional<absl::Duration> ParseRetryAfter(absl::string_view value,
                                              absl::Time now);

}  // namespace frontline::fetch

#endif  // FRONTLINE_LIBS_FETCH_BACKOFF_H_
