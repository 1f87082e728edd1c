#include "libs/bus/dead_letter.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "spdlog/spdlog.h"

namespace frontline::bus {

Message MakeDeadLetter(const Record& poison, const absl::Status& error,
                       const DeadLetterOptions& options) {
  Message letter{.topic = options.topic,
                 .key = poison.key,
                 .value = poison.value,
                 .headers = poison.headers};
  letter.headers.push_back({kDlqTopic, poison.topic});
  letter.headers.push_back({kDlqPartition, absl::StrCat(poison.partition)});
  letter.headers.push_back({kDlqOffset, absl::StrCat(poison.offset)});
  letter.headers.push_back({kDlqStage, options.stage});
  letter.headers.push_back({kDlqError, error.ToString()});
  letter.headers.push_back(
      {kDlqTime, absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", absl::Now(),
                                  absl::UTCTimeZone())});
  return letter;
}

DeadLetterWriter::DeadLetterWriter(Bus& bus, DeadLetterOptions options)
    : bus_(bus), options_(std::move(options)) {}

absl::Status DeadLetterWriter::Write(const Record& poison,
                                     const absl::Status& error,
                                     const std::function<bool()>& stop) {
  const Message letter = MakeDeadLetter(poison, error, options_);
  absl::Duration backoff = options_.initial_backoff;
  while (true) {
    if (stop && stop()) {
      return absl::CancelledError(
          absl::StrCat("dead letter for ", poison.topic, "/", poison.partition,
                       "@", poison.offset, " not written: stopping"));
    }
    auto report = bus_.ProduceSync(letter, options_.attempt_timeout);
    absl::Status status = report.ok() ? report->status : report.status();
    if (status.ok()) {
      written_.fetch_add(1);
      spdlog::warn("dead-lettered {}/{}@{} from stage {}: {}", poison.topic,
                   poison.partition, poison.offset, options_.stage,
                   error.ToString());
      return absl::OkStatus();
    }
    failed_attempts_.fetch_add(1);
    if (absl::IsResourceExhausted(status) || absl::IsDataLoss(status)) {
      return status;
    }
    spdlog::error("dead-letter topic {} unavailable ({}); retrying in {}",
                  options_.topic, status.ToString(),
                  absl::FormatDuration(backoff));
    absl::SleepFor(backoff);
    backoff = std::min(backoff * 2, options_.max_backoff);
  }
}

}  // namespace frontline::bus
