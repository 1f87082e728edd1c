#include "libs/state/state_updater.h"

#include "absl/time/clock.h"
#include "spdlog/spdlog.h"

namespace frontline::state {

absl::StatusOr<std::unique_ptr<StateUpdater>> StateUpdater::Create(
    bus::Bus& bus, StateView& view, UpdaterOptions options) {
  auto partitions = bus.PartitionCount(options.topic);
  if (!partitions.ok()) return partitions.status();
  auto offsets = view.Offsets(options.topic);
  if (!offsets.ok()) return offsets.status();
  std::vector<bus::TopicPartitionOffset> start;
  for (int32_t p = 0; p < *partitions; ++p) {
    auto it = offsets->find(p);
    start.push_back(
        {options.topic, p,
         it == offsets->end() ? bus::kOffsetBeginning : it->second});
  }
  auto consumer = bus.Assign(start, {});
  if (!consumer.ok()) return consumer.status();
  return std::unique_ptr<StateUpdater>(
      new StateUpdater(bus, view, std::move(options), *std::move(consumer)));
}

StateUpdater::StateUpdater(bus::Bus& bus, StateView& view,
                           UpdaterOptions options,
                           std::unique_ptr<bus::Consumer> consumer)
    : bus_(bus),
      view_(view),
      options_(options),
      consumer_(std::move(consumer)),
      dead_letters_(bus,
                    {.topic = options.dead_letter_topic, .stage = "state"}) {}

absl::StatusOr<size_t> StateUpdater::RunOnce() {
  auto records = consumer_->Poll(options_.max_batch, options_.poll_timeout);
  if (!records.ok()) return records.status();
  if (records->empty()) return 0;
  absl::Status applied = view_.Apply(*records);
  if (applied.ok()) return records->size();
  if (!absl::IsInvalidArgument(applied)) return applied;
  // A poison record in the batch: one at a time, parking the bad ones.
  for (const bus::Record& r : *records) {
    absl::Status one = view_.Apply({r});
    if (absl::IsInvalidArgument(one)) {
      if (absl::Status s = dead_letters_.Write(r, one); !s.ok()) return s;
      one = view_.SkipRecord(r);
    }
    if (!one.ok()) return one;
  }
  return records->size();
}

absl::Status StateUpdater::Run(const std::function<bool()>& stop) {
  absl::Time next_progress = absl::InfinitePast();
  while (!stop()) {
    if (auto n = RunOnce(); !n.ok()) return n.status();
    if (options_.on_progress && absl::Now() >= next_progress) {
      next_progress = absl::Now() + options_.progress_interval;
      if (auto lag = LagByPartition(); lag.ok()) options_.on_progress(*lag);
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<int64_t> StateUpdater::Lag() {
  auto lag = LagByPartition();
  if (!lag.ok()) return lag.status();
  int64_t sum = 0;
  for (const bus::PartitionLag& p : *lag) sum += p.records;
  return sum;
}

absl::StatusOr<std::vector<bus::PartitionLag>> StateUpdater::LagByPartition() {
  auto offsets = view_.Offsets(options_.topic);
  if (!offsets.ok()) return offsets.status();
  auto partitions = bus_.PartitionCount(options_.topic);
  if (!partitions.ok()) return partitions.status();
  std::vector<bus::PartitionLag> out;
  for (int32_t p = 0; p < *partitions; ++p) {
    auto marks = bus_.Watermarks({options_.topic, p});
    if (!marks.ok()) return marks.status();
    auto it = offsets->find(p);
    out.push_back(
        {{options_.topic, p},
         marks->second - (it == offsets->end() ? marks->first : it->second)});
  }
  return out;
}

}  // namespace frontline::state
