// When to poll each source: every `interval` while it answers; after a
// failure, a jittered exponential backoff, or the server's Retry-After when
// that is longer. One failing source never holds up the others.
#ifndef FRONTLINE_LIBS_INGEST_POLL_SCHEDULER_H_
#define FRONTLINE_LIBS_INGEST_POLL_SCHEDULER_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/random/random.h"
#include "absl/status/status.h"
#include "absl/time/time.h"
#include "libs/fetch/backoff.h"
#include "libs/ingest/source_config.h"

namespace frontline::ingest {

struct SourceHealth {
  absl::Time next_due = absl::InfinitePast();
  int consecutive_failures = 0;
  uint64_t polls = 0;
  uint64_t failures = 0;
  std::string last_error;
};

class PollScheduler {
 public:
  // Polls one source; may set `retry_after` when the source asked for it.
  using PollFn = std::function<absl::Status(
      const SourceSpec&, std::optional<absl::Duration>* retry_after)>;

  PollScheduler(std::vector<SourceSpec> sources, PollFn poll,
                fetch::BackoffPolicy backoff = {});

  // Polls every source due at `now`; returns when the next one is due.
  absl::Time RunDue(absl::Time now);

  // RunDue in a loop until `stop` returns true (checked at least every
  // 200 ms).
  void Run(const std::function<bool()>& stop);

  const std::vector<SourceSpec>& sources() const { return sources_; }
  const SourceHealth& health(size_t index) const { return health_[index]; }

 private:
  std::vector<SourceSpec> sources_;
  std::vector<SourceHealth> health_;
  PollFn poll_;
  fetch::BackoffPolicy backoff_;
  absl::BitGen gen_;
};

}  // namespace frontline::ingest

#endif  // FRONTLINE_LIBS_INGEST_POLL_SCHEDULER_H_
