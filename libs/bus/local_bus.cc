#include "libs/bus/local_bus.h"

#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/bus/local_log.h"

namespace frontline::bus {
namespace {

constexpr size_t kMaxPollBytes = 16 << 20;

class LocalConsumer : public Consumer {
 public:
  // Group member when `member` != 0; fixed assignment otherwise.
  LocalConsumer(std::shared_ptr<LocalLog> log, ConsumerOptions options,
                uint64_t member)
      : log_(std::move(log)), options_(std::move(options)), member_(member) {}

  ~LocalConsumer() override {
    if (member_ != 0) log_->LeaveGroup(options_.group, member_);
  }

  absl::Status InitAssigned(const std::vector<TopicPartitionOffset>& start) {
    for (const TopicPartitionOffset& s : start) {
      TopicPartition tp{s.topic, s.partition};
      auto position = Resolve(tp, s.offset);
      if (!position.ok()) return position.status();
      positions_[tp] = *position;
      assignment_.push_back(tp);
    }
    return absl::OkStatus();
  }

  absl::StatusOr<std::vector<Record>> Poll(size_t max_records,
                                           absl::Duration timeout) override {
    const absl::Time deadline = absl::Now() + timeout;
    while (true) {
      const uint64_t seen = log_->ChangeSequence();
      if (absl::Status s = RefreshAssignment(); !s.ok()) return s;
      std::vector<Record> out;
      size_t bytes = 0;
      // Start from a rotating partition so none starves.
      for (size_t i = 0; i < assignment_.size() && out.size() < max_records &&
                         bytes < kMaxPollBytes;
           ++i) {
        const TopicPartition& tp =
            assignment_[(next_partition_ + i) % assignment_.size()];
        int64_t& position = positions_[tp];
        auto records = log_->Read(tp, position, max_records - out.size(),
                                  kMaxPollBytes - bytes);
        if (!records.ok()) return records.status();
        for (Record& r : *records) {
          position = r.offset + 1;
          bytes += r.value.size();
          out.push_back(std::move(r));
        }
      }
      if (!assignment_.empty()) {
        next_partition_ = (next_partition_ + 1) % assignment_.size();
      }
      if (!out.empty() || absl::Now() >= deadline) return out;
      log_->WaitForChange(seen, deadline);
    }
  }

  absl::Status Commit(std::span<const TopicPartitionOffset> next) override {
    if (member_ != 0) {
      auto [generation, mine] = log_->GroupAssignment(options_.group, member_);
      for (const TopicPartitionOffset& o : next) {
        if (std::find(mine.begin(), mine.end(),
                      TopicPartition{o.topic, o.partition}) == mine.end()) {
          return absl::FailedPreconditionError(absl::StrCat(
              "cannot commit ", o.topic, "/", o.partition,
              ": reassigned to another member of group ", options_.group));
        }
      }
    }
    return log_->Commit(options_.group, next);
  }

  absl::Status Seek(const TopicPartitionOffset& position) override {
    TopicPartition tp{position.topic, position.partition};
    if (absl::Status s = RefreshAssignment(); !s.ok()) return s;
    if (!positions_.contains(tp)) {
      return absl::FailedPreconditionError(absl::StrCat(
          "seek: ", tp.topic, "/", tp.partition, " is not assigned"));
    }
    auto resolved = Resolve(tp, position.offset);
    if (!resolved.ok()) return resolved.status();
    positions_[tp] = *resolved;
    return absl::OkStatus();
  }

  absl::Status SeekToBeginning() override {
    if (absl::Status s = RefreshAssignment(); !s.ok()) return s;
    for (auto& [tp, position] : positions_) position = 0;
    rewind_all_ = true;
    return absl::OkStatus();
  }

  std::vector<TopicPartition> Assignment() override {
    RefreshAssignment().IgnoreError();
    return assignment_;
  }

  std::vector<PartitionLag> Lag() override {
    RefreshAssignment().IgnoreError();
    std::vector<PartitionLag> out;
    for (const TopicPartition& tp : assignment_) {
      auto marks = log_->Watermarks(tp);
      if (!marks.ok()) continue;
      out.push_back({tp, std::max<int64_t>(0, marks->second - positions_[tp])});
    }
    return out;
  }

 private:
  absl::StatusOr<int64_t> Resolve(const TopicPartition& tp, int64_t offset) {
    auto marks = log_->Watermarks(tp);
    if (!marks.ok()) return marks.status();
    if (offset == kOffsetBeginning) return marks->first;
    if (offset == kOffsetEnd) return marks->second;
    if (offset == kOffsetCommitted) {
      if (!options_.group.empty()) {
        auto committed = log_->Committed(options_.group, tp);
        if (!committed.ok()) return committed.status();
        if (committed->has_value()) return **committed;
      }
      return options_.start_at_end ? marks->second : marks->first;
    }
    if (offset < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("invalid offset ", offset));
    }
    return offset;
  }

  // Picks up a new group generation: partitions gained start from the
  // group's committed offsets, partitions lost are dropped.
  absl::Status RefreshAssignment() {
    if (member_ == 0) return absl::OkStatus();
    auto [generation, mine] = log_->GroupAssignment(options_.group, member_);
    if (generation == generation_) return absl::OkStatus();
    std::map<TopicPartition, int64_t> positions;
    for (const TopicPartition& tp : mine) {
      auto kept = positions_.find(tp);
      if (kept != positions_.end()) {
        positions[tp] = kept->second;
        continue;
      }
      auto position =
          Resolve(tp, rewind_all_ ? kOffsetBeginning : kOffsetCommitted);
      if (!position.ok()) return position.status();
      positions[tp] = *position;
    }
    positions_ = std::move(positions);
    assignment_ = std::move(mine);
    generation_ = generation;
    return absl::OkStatus();
  }

  std::shared_ptr<LocalLog> log_;
  const ConsumerOptions options_;
  const uint64_t member_;
  uint64_t generation_ = 0;
  std::vector<TopicPartition> assignment_;
  std::map<TopicPartition, int64_t> positions_;
  size_t next_partition_ = 0;
  bool rewind_all_ = false;
};

class LocalBus : public Bus {
 public:
  explicit LocalBus(std::shared_ptr<LocalLog> log) : log_(std::move(log)) {}

  absl::Status CreateTopic(const TopicSpec& spec) override {
    return log_->CreateTopic(spec);
  }

  absl::StatusOr<int32_t> PartitionCount(absl::string_view topic) override {
    return log_->PartitionCount(topic);
  }

  absl::Status Produce(Message message, DeliveryCallback on_delivery) override {
    auto report = log_->Append(message);
    if (!report.ok()) {
      // Size and topic errors are the caller's; storage errors are reported
      // through the delivery callback like Kafka's.
      if (absl::IsInvalidArgument(report.status()) ||
          absl::IsNotFound(report.status()) || !on_delivery) {
        return report.status();
      }
      on_delivery(DeliveryReport{report.status(), message.topic, -1, -1});
      return absl::OkStatus();
    }
    if (on_delivery) on_delivery(*report);
    return absl::OkStatus();
  }

  // Every Produce is durable when it returns.
  absl::Status Flush(absl::Duration) override { return absl::OkStatus(); }

  absl::StatusOr<std::unique_ptr<Consumer>> Subscribe(
      const ConsumerOptions& options) override {
    if (options.group.empty() || options.topics.empty()) {
      return absl::InvalidArgumentError(
          "subscribe needs a consumer group and at least one topic");
    }
    auto member = log_->JoinGroup(options.group, options.topics);
    if (!member.ok()) return member.status();
    return std::make_unique<LocalConsumer>(log_, options, *member);
  }

  absl::StatusOr<std::unique_ptr<Consumer>> Assign(
      const std::vector<TopicPartitionOffset>& start,
      const ConsumerOptions& options) override {
    auto consumer = std::make_unique<LocalConsumer>(log_, options, 0);
    if (absl::Status s = consumer->InitAssigned(start); !s.ok()) return s;
    return consumer;
  }

  absl::StatusOr<std::pair<int64_t, int64_t>> Watermarks(
      const TopicPartition& partition) override {
    return log_->Watermarks(partition);
  }

  LocalLog& log() { return *log_; }

 private:
  std::shared_ptr<LocalLog> log_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Bus>> OpenLocalBus(const std::string& directory,
                                                  const BusOptions& options) {
  auto log = LocalLog::Open(directory, options);
  if (!log.ok()) return log.status();
  return std::make_unique<LocalBus>(*std::move(log));
}

void SetLocalProduceFaultForTesting(Bus& bus, const std::string& topic,
                                    absl::Status status) {
  if (auto* local = dynamic_cast<LocalBus*>(&bus)) {
    local->log().SetProduceFaultForTesting(topic, std::move(status));
  }
}

}  // namespace frontline::bus
