// The consume loop every stage runs: poll a batch, hand each record to the
// stage, dead-letter what it rejects, then commit. At-least-once: a record
// is committed only after the stage handled it or its dead letter is
// durable, so a crash redelivers, never skips.
#ifndef FRONTLINE_LIBS_BUS_STAGE_RUNNER_H_
#define FRONTLINE_LIBS_BUS_STAGE_RUNNER_H_

#include <cstdint>
#include <functional>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/bus/bus.h"
#include "libs/bus/dead_letter.h"

namespace frontline::bus {

// Handles one record. OK: done. kUnavailable, kDeadlineExceeded, kAborted:
// a transient failure, the same record is retried after a backoff. Any other
// error: the record is poison and is dead-lettered with that error.
using RecordHandler = std::function<absl::Status(const Record&)>;

struct StageCounters {
  uint64_t handled = 0;
  uint64_t dead_lettered = 0;
  uint64_t retries = 0;
  uint64_t commit_failures = 0;
};

struct StageOptions {
  size_t max_batch = 500;
  // Called before each commit (e.g. flushing what the handler produced);
  // on an error nothing is committed and the consumer seeks back to the
  // batch's first records, so the batch is handled again.
  std::function<absl::Status()> before_commit;
  // Called at the end of every round with what that round counted (for
  // metrics); on the runner's thread.
  std::function<void(const StageCounters& round)> on_round;
  // Called with the consumer's lag (Consumer::Lag) after the first round and
  // then at most every `lag_interval`; on the runner's thread.
  std::function<void(const std::vector<PartitionLag>& lag)> on_lag;
  absl::Duration lag_interval = absl::Seconds(5);
  absl::Duration poll_timeout = absl::Milliseconds(200);
  absl::Duration retry_backoff = absl::Milliseconds(100);
};

class StageRunner {
 public:
  StageRunner(Consumer& consumer, DeadLetterWriter& dead_letters,
              RecordHandler handler, StageOptions options = {});

  // One poll, process and commit round. Returns the records it finished.
  absl::StatusOr<size_t> RunOnce(const std::function<bool()>& stop = nullptr);

  // Rounds until `stop` returns true; an error only if the consumer fails
  // or a dead letter cannot be written for a reason waiting does not cure
  // (see DeadLetterWriter::Write).
  absl::Status Run(const std::function<bool()>& stop);

  const StageCounters& counters() const { return counters_; }

 private:
  absl::StatusOr<size_t> Round(const std::function<bool()>& stop);

  Consumer& consumer_;
  DeadLetterWriter& dead_letters_;
  RecordHandler handler_;
  StageOptions options_;
  StageCounters counters_;
  absl::Time next_lag_report_ = absl::InfinitePast();
};

}  // namespace frontline::bus

#endif  // FRONTLINE_LIBS_BUS_STAGE_RUNNER_H_
