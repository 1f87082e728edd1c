#include "libs/bus/stage_runner.h"

#include <map>
#include <vector>

#include "absl/time/clock.h"
#include "spdlog/spdlog.h"

namespace frontline::bus {
namespace {

bool IsTransient(const absl::Status& status) {
  return absl::IsUnavailable(status) || absl::IsDeadlineExceeded(status) ||
         absl::IsAborted(status);
}

}  // namespace

StageRunner::StageRunner(Consumer& consumer, DeadLetterWriter& dead_letters,
                         RecordHandler handler, StageOptions options)
    : consumer_(consumer),
      dead_letters_(dead_letters),
      handler_(std::move(handler)),
      options_(options) {}

absl::StatusOr<size_t> StageRunner::RunOnce(const std::function<bool()>& stop) {
  const StageCounters before = counters_;
  absl::StatusOr<size_t> finished = Round(stop);
  if (options_.on_round) {
    options_.on_round({
        .handled = counters_.handled - before.handled,
        .dead_lettered = counters_.dead_lettered - before.dead_lettered,
        .retries = counters_.retries - before.retries,
        .commit_failures = counters_.commit_failures - before.commit_failures,
    });
  }
  if (options_.on_lag && absl::Now() >= next_lag_report_) {
    next_lag_report_ = absl::Now() + options_.lag_interval;
    options_.on_lag(consumer_.Lag());
  }
  return finished;
}

absl::StatusOr<size_t> StageRunner::Round(const std::function<bool()>& stop) {
  auto records = consumer_.Poll(options_.max_batch, options_.poll_timeout);
  if (!records.ok()) return records.status();
  std::map<TopicPartition, int64_t> next;
  std::map<TopicPartition, int64_t> first;
  size_t finished = 0;
  for (const Record& record : *records) {
    if (stop && stop()) break;
    absl::Status status = handler_(record);
    while (IsTransient(status) && !(stop && stop())) {
      ++counters_.retries;
      absl::SleepFor(options_.retry_backoff);
      status = handler_(record);
    }
    if (IsTransient(status)) break;  // stopping: leave it uncommitted
    if (!status.ok()) {
      if (absl::Status s = dead_letters_.Write(record, status, stop); !s.ok()) {
        if (absl::IsCancelled(s)) break;  // stopping
        return s;  // storage failed: nothing past this record is committed
      }
      ++counters_.dead_lettered;
    } else {
      ++counters_.handled;
    }
    next[{record.topic, record.partition}] = record.offset + 1;
    first.try_emplace({record.topic, record.partition}, record.offset);
    ++finished;
  }
  if (!next.empty() && options_.before_commit) {
    if (absl::Status s = options_.before_commit(); !s.ok()) {
      ++counters_.commit_failures;
      spdlog::error("not committing; the batch is read again: {}",
                    s.ToString());
      for (const auto& [tp, offset] : first) {
        if (absl::Status seek =
                consumer_.Seek({tp.topic, tp.partition, offset});
            !seek.ok()) {
          return seek;  // the consumer is unusable: let the stage restart
        }
      }
      return size_t{0};
    }
  }
  if (!next.empty()) {
    std::vector<TopicPartitionOffset> offsets;
    for (const auto& [tp, offset] : next) {
      offsets.push_back({tp.topic, tp.partition, offset});
    }
    if (absl::Status s = consumer_.Commit(offsets); !s.ok()) {
      // The partitions moved to another member, which resumes from the last
      // commit: at-least-once, nothing lost.
      ++counters_.commit_failures;
      spdlog::warn("commit failed, records will be redelivered: {}",
                   s.ToString());
    }
  }
  return finished;
}

absl::Status StageRunner::Run(const std::function<bool()>& stop) {
  while (!stop()) {
    if (auto done = RunOnce(stop); !done.ok()) return done.status();
  }
  return absl::OkStatus();
}

}  // namespace frontline::bus
