#include "libs/ingest/poll_scheduler.h"

#include <algorithm>

#include "absl/time/clock.h"
#include "spdlog/spdlog.h"

namespace frontline::ingest {

PollScheduler::PollScheduler(std::vector<SourceSpec> sources, PollFn poll,
                             fetch::BackoffPolicy backoff)
    : sources_(std::move(sources)),
      health_(sources_.size()),
      poll_(std::move(poll)),
      backoff_(backoff) {}

absl::Time PollScheduler::RunDue(absl::Time now) {
  absl::Time next = absl::InfiniteFuture();
  for (size_t i = 0; i < sources_.size(); ++i) {
    SourceHealth& h = health_[i];
    if (h.next_due <= now) {
      std::optional<absl::Duration> retry_after;
      absl::Status status = poll_(sources_[i], &retry_after);
      ++h.polls;
      const absl::Time done = absl::Now();
      if (status.ok()) {
        h.consecutive_failures = 0;
        h.last_error.clear();
        h.next_due = done + sources_[i].interval;
      } else {
        ++h.failures;
        ++h.consecutive_failures;
        h.last_error = status.ToString();
        absl::Duration wait =
            fetch::BackoffDelay(backoff_, h.consecutive_failures, gen_);
        if (retry_after) wait = std::max(wait, *retry_after);
        h.next_due = done + wait;
        spdlog::warn("source {}: {} (failure {}, next try in {})",
                     sources_[i].source.id(), h.last_error,
                     h.consecutive_failures, absl::FormatDuration(wait));
      }
    }
    next = std::min(next, h.next_due);
  }
  return next;
}

void PollScheduler::Run(const std::function<bool()>& stop) {
  while (!stop()) {
    const absl::Time next = RunDue(absl::Now());
    while (!stop() && absl::Now() < next) {
      absl::SleepFor(std::min(absl::Milliseconds(200), next - absl::Now()));
    }
  }
}

}  // namespace frontline::ingest
