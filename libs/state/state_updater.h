// The `state` stage: consumes the events topic from the offsets the view
// stored (its own, not a consumer group's), applies batches, and dead-letters
// records it cannot decode. Rebuild = a fresh view directory read from
// offset zero.
#ifndef FRONTLINE_LIBS_STATE_STATE_UPDATER_H_
#define FRONTLINE_LIBS_STATE_STATE_UPDATER_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "libs/bus/bus.h"
#include "libs/bus/dead_letter.h"
#include "libs/state/state_view.h"

namespace frontline::state {

struct UpdaterOptions {
  std::string topic = "events";
  std::string dead_letter_topic = "dlq";
  size_t max_batch = 500;
  absl::Duration poll_timeout = absl::Milliseconds(200);
  // Run() reports the lag of each partition after its first round and then
  // at most every `progress_interval` (for metrics and readiness).
  std::function<void(const std::vector<bus::PartitionLag>&)> on_progress;
  absl::Duration progress_interval = absl::Seconds(1);
};

class StateUpdater {
 public:
  // Positions a consumer on every partition of the topic at the view's
  // stored offsets.
  static absl::StatusOr<std::unique_ptr<StateUpdater>> Create(
      bus::Bus& bus, StateView& view, UpdaterOptions options = {});

  // One poll and apply; returns the records consumed (applied or
  // dead-lettered).
  absl::StatusOr<size_t> RunOnce();
  // Until `stop`; an error only if the bus or the view fails.
  absl::Status Run(const std::function<bool()>& stop);

  // Records behind the end of the topic, summed over partitions.
  absl::StatusOr<int64_t> Lag();
  // The same, per partition.
  absl::StatusOr<std::vector<bus::PartitionLag>> LagByPartition();

 private:
  StateUpdater(bus::Bus& bus, StateView& view, UpdaterOptions options,
               std::unique_ptr<bus::Consumer> consumer);

  bus::Bus& bus_;
  StateView& view_;
  const UpdaterOptions options_;
  std::unique_ptr<bus::Consumer> consumer_;
  bus::DeadLetterWriter dead_letters_;
};

}  // namespace frontline::state

#endif  // FRONTLINE_LIBS_STATE_STATE_UPDATER_H_
