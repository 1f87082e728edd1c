// Dead letters: a record a stage cannot process goes, with its original
// bytes, to the dead-letter topic, and the stage moves on. It moves on only
// once the dead letter is durably written: if the dead-letter topic is down,
// the stage waits rather than skip a record.
#ifndef FRONTLINE_LIBS_BUS_DEAD_LETTER_H_
#define FRONTLINE_LIBS_BUS_DEAD_LETTER_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "libs/bus/bus.h"

namespace frontline::bus {

// Headers a dead letter gains, on top of the original record's headers.
inline constexpr char kDlqTopic[] = "fl_dlq_topic";
inline constexpr char kDlqPartition[] = "fl_dlq_partition";
inline constexpr char kDlqOffset[] = "fl_dlq_offset";
inline constexpr char kDlqStage[] = "fl_dlq_stage";
inline constexpr char kDlqError[] = "fl_dlq_error";
inline constexpr char kDlqTime[] = "fl_dlq_time";

inline constexpr char kDefaultDeadLetterTopic[] = "dlq";

struct DeadLetterOptions {
  std::string topic = kDefaultDeadLetterTopic;
  // The stage that gave up on the record, e.g. "normalize".
  std::string stage;
  absl::Duration attempt_timeout = absl::Seconds(10);
  absl::Duration initial_backoff = absl::Milliseconds(50);
  absl::Duration max_backoff = absl::Seconds(5);
};

// The dead letter for `poison`: same key, value and headers, plus the
// fl_dlq_* headers.
Message MakeDeadLetter(const Record& poison, const absl::Status& error,
                       const DeadLetterOptions& options);

class DeadLetterWriter {
 public:
  DeadLetterWriter(Bus& bus, DeadLetterOptions options);

  // Returns OK once the dead letter is durably written, retrying with
  // exponential backoff for as long as it takes. kCancelled if `stop`
  // returns true between attempts. A storage failure that waiting does not
  // cure (kResourceExhausted: the disk is full; kDataLoss) is returned at
  // once, so that the stage stops with it rather than wait forever.
  absl::Status Write(const Record& poison, const absl::Status& error,
                     const std::function<bool()>& stop = nullptr);

  // Attempts that failed so far (for metrics).
  uint64_t failed_attempts() const { return failed_attempts_.load(); }
  uint64_t written() const { return written_.load(); }

 private:
  Bus& bus_;
  DeadLetterOptions options_;
  std::atomic<uint64_t> failed_attempts_{0};
  std::atomic<uint64_t> written_{0};
};

}  // namespace frontline::bus

#endif  // FRONTLINE_LIBS_BUS_DEAD_LETTER_H_
