#include "libs/ingest/source_shards.h"

#include <utility>

#include "spdlog/spdlog.h"
#include "xxhash.h"

namespace frontline::ingest {

int SourceShards::ShardOf(absl::string_view source_id, int partitions) {
  return static_cast<int>(XXH3_64bits(source_id.data(), source_id.size()) %
                          static_cast<uint64_t>(partitions));
}

absl::StatusOr<std::unique_ptr<SourceShards>> SourceShards::Join(
    bus::Bus& bus, SourceShardsOptions options) {
  if (options.group.empty() || options.partitions <= 0) {
    return absl::InvalidArgumentError(
        "source shards need a group and at least one partition");
  }
  if (absl::Status s = bus.CreateTopic(
          {.name = options.topic, .partitions = options.partitions});
      !s.ok()) {
    return s;
  }
  auto partitions = bus.PartitionCount(options.topic);
  if (!partitions.ok()) return partitions.status();
  options.partitions = *partitions;
  auto consumer =
      bus.Subscribe({.group = options.group, .topics = {options.topic}});
  if (!consumer.ok()) return consumer.status();
  std::unique_ptr<SourceShards> shards(
      new SourceShards(std::move(options), *std::move(consumer)));
  absl::MutexLock lock(&shards->mu_);
  shards->mu_.AwaitWithTimeout(
      absl::Condition(
          +[](bool* assigned) { return *assigned; }, &shards->assigned_once_),
      shards->options_.first_assignment);
  return shards;
}

SourceShards::SourceShards(SourceShardsOptions options,
                           std::unique_ptr<bus::Consumer> consumer)
    : options_(std::move(options)), consumer_(std::move(consumer)) {
  refresher_ = std::thread([this] { Refresh(); });
}

SourceShards::~SourceShards() {
  stop_ = true;
  refresher_.join();
}

void SourceShards::Refresh() {
  while (!stop_) {
    // Polling keeps the membership alive; the topic carries no records.
    if (auto polled = consumer_->Poll(16, options_.refresh); !polled.ok()) {
      spdlog::warn("source shards: {}", polled.status().ToString());
      absl::SleepFor(options_.refresh);
    }
    std::set<int> owned;
    for (const bus::TopicPartition& tp : consumer_->Assignment()) {
      if (tp.topic == options_.topic) owned.insert(tp.partition);
    }
    absl::MutexLock lock(&mu_);
    if (owned != owned_) {
      spdlog::info("source shards: this replica holds {} of {} shards",
                   owned.size(), options_.partitions);
      owned_ = std::move(owned);
    }
    if (!owned_.empty()) assigned_once_ = true;
  }
}

bool SourceShards::Owns(absl::string_view source_id) const {
  const int shard = ShardOf(source_id, options_.partitions);
  absl::MutexLock lock(&mu_);
  return owned_.contains(shard);
}

std::set<int> SourceShards::Owned() const {
  absl::MutexLock lock(&mu_);
  return owned_;
}

}  // namespace frontline::ingest
