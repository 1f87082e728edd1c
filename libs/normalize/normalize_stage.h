// The `normalize` stage: RawDocuments from the raw topic (consumer group
// "normalize") to Documents on the docs topic. A record that is no
// RawDocument, or one with no readable text, goes to the dead-letter topic
// with the reason; the stream goes on. Offsets are committed only once the
// Documents are durable.
#ifndef FRONTLINE_LIBS_NORMALIZE_NORMALIZE_STAGE_H_
#define FRONTLINE_LIBS_NORMALIZE_NORMALIZE_STAGE_H_

#include <atomic>
#include <functional>
#include <memory>

#include "absl/status/statusor.h"
#include "libs/bus/bus.h"
#include "libs/bus/dead_letter.h"
#include "libs/bus/stage_runner.h"
#include "libs/normalize/normalizer.h"

namespace frontline::normalize {

struct StageConfig {
  std::string group = "normalize";
  size_t max_batch = 200;
  // Per-round counters, e.g. for metrics (see StageOptions::on_round).
  std::function<void(const bus::StageCounters&)> on_round;
  // The consumer's lag now and then (see StageOptions::on_lag).
  std::function<void(const std::vector<bus::PartitionLag>&)> on_lag;
  // Documents made durable on the docs topic, after each batch.
  std::function<void(uint64_t records)> on_output;
};

class NormalizeStage {
 public:
  static absl::StatusOr<std::unique_ptr<NormalizeStage>> Create(
      bus::Bus& bus, const Normalizer& normalizer, StageConfig config = {});

  absl::StatusOr<size_t> RunOnce() { return runner_->RunOnce(); }
  absl::Status Run(const std::function<bool()>& stop) {
    return runner_->Run(stop);
  }
  const bus::StageCounters& counters() const { return runner_->counters(); }

 private:
  NormalizeStage(bus::Bus& bus, const Normalizer& normalizer,
                 std::unique_ptr<bus::Consumer> consumer, StageConfig config);
  absl::Status Handle(const bus::Record& record);
  absl::Status FlushOutput();

  bus::Bus& bus_;
  const Normalizer& normalizer_;
  std::unique_ptr<bus::Consumer> consumer_;
  bus::DeadLetterWriter dead_letters_;
  std::unique_ptr<bus::StageRunner> runner_;
  // Delivery failures since the last flush; shared with callbacks.
  std::shared_ptr<std::atomic<int>> failed_ =
      std::make_shared<std::atomic<int>>(0);
  std::function<void(uint64_t)> on_output_;
  uint64_t produced_ = 0;  // since the last flush
};

}  // namespace frontline::normalize

#endif  // FRONTLINE_LIBS_NORMALIZE_NORMALIZE_STAGE_H_
