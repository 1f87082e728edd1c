// The `dedup` stage: Documents from the docs topic (consumer group "dedup")
// are judged against the index, and the verdict (with the document) and
// every Event that changed are produced to the events topic; verdicts revised
// by a later-arriving original are produced again at their new revision.
// Poison goes to the dead-letter topic. Offsets are committed only once the
// output is durable. One replica: the index is this process's.
//
// Redelivery (redelivery_ledger.h): a document id whose output was made
// durable is skipped when the same content comes again, so a record
// delivered twice yields its output once. A batch whose output could not be
// made durable is read again and produces the very records it produced
// before, from the ledger (exactly once when none of them was written, at
// least once with the same revisions when some were). A crash between the
// flush and the commit redelivers the batch and produces nothing: the done
// marks are written before the commit. A crash after a flush but before the
// done marks, or in the middle of a document, produces again (at least
// once): the same records, or the current revisions of the document's
// events; a consumer keeping the latest revision (libs/state) is unaffected.
#ifndef FRONTLINE_LIBS_DEDUP_DEDUP_STAGE_H_
#define FRONTLINE_LIBS_DEDUP_DEDUP_STAGE_H_

#include <atomic>
#include <functional>
#include <memory>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "libs/bus/bus.h"
#include "libs/bus/dead_letter.h"
#include "libs/bus/stage_runner.h"
#include "libs/dedup/deduplicator.h"
#include "libs/dedup/event_merger.h"
#include "libs/dedup/redelivery_ledger.h"

namespace frontline::dedup {

struct DedupStageOptions {
  std::string group = "dedup";
  // The index and the merger's state live under this directory.
  std::string dir = "var/frontline/dedup";
  absl::Duration window = absl::Hours(24 * 30);
  absl::Duration event_window = absl::Hours(72);
  size_t max_batch = 200;
  // Per-round counters, e.g. for metrics (see StageOptions::on_round).
  std::function<void(const bus::StageCounters&)> on_round;
  // The consumer's lag now and then (see StageOptions::on_lag).
  std::function<void(const std::vector<bus::PartitionLag>&)> on_lag;
  // Verdicts and events made durable on the events topic, after each batch.
  std::function<void(uint64_t records)> on_output;
  // Each duplicate found, by kind ("exact", "near", "paraphrase", "forward").
  std::function<void(const std::string& kind)> on_duplicate;
};

class DedupStage {
 public:
  static absl::StatusOr<std::unique_ptr<DedupStage>> Create(
      bus::Bus& bus, DedupStageOptions options = {});

  absl::StatusOr<size_t> RunOnce() { return runner_->RunOnce(); }
  absl::Status Run(const std::function<bool()>& stop) {
    return runner_->Run(stop);
  }
  const bus::StageCounters& counters() const { return runner_->counters(); }
  uint64_t duplicates() const { return duplicates_.load(); }
  uint64_t events_emitted() const { return events_.load(); }
  // Identical redeliveries of documents already done, produced nothing.
  uint64_t redeliveries_skipped() const { return skipped_.load(); }

 private:
  DedupStage(bus::Bus& bus, std::unique_ptr<Deduplicator> dedup,
             std::unique_ptr<EventMerger> merger,
             std::unique_ptr<RedeliveryLedger> ledger,
             std::unique_ptr<bus::Consumer> consumer,
             const DedupStageOptions& options);
  absl::Status Handle(const bus::Record& record);
  // Judges and merges `doc` into the records to produce. `recovering`: a
  // previous attempt may have changed the index and events already.
  absl::StatusOr<std::vector<OutputRecord>> Process(const v1::Document& doc,
                                                    bool recovering);
  absl::Status Emit(const OutputRecord& record);
  absl::Status FlushOutput();

  bus::Bus& bus_;
  std::unique_ptr<Deduplicator> dedup_;
  std::unique_ptr<EventMerger> merger_;
  std::unique_ptr<RedeliveryLedger> ledger_;
  // Documents produced since the last flush (the runner's thread only).
  absl::flat_hash_set<std::string> unflushed_;
  std::unique_ptr<bus::Consumer> consumer_;
  bus::DeadLetterWriter dead_letters_;
  std::unique_ptr<bus::StageRunner> runner_;
  std::shared_ptr<std::atomic<int>> failed_ =
      std::make_shared<std::atomic<int>>(0);
  std::atomic<uint64_t> duplicates_{0};
  std::atomic<uint64_t> events_{0};
  std::atomic<uint64_t> skipped_{0};
  std::function<void(uint64_t)> on_output_;
  std::function<void(const std::string&)> on_duplicate_;
  uint64_t produced_ = 0;  // records since the last flush
};

}  // namespace frontline::dedup

#endif  // FRONTLINE_LIBS_DEDUP_DEDUP_STAGE_H_
