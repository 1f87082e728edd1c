// The embedded engine's storage: a durable, partitioned, append-only log in
// one RocksDB database, with consumer-group offsets and in-process group
// membership. Internal to the bus library; reach it through Bus::Open.
//
// Layout (column families):
//   default  "topic/<name>" -> topic spec; "meta/next_topic_id"
//   log      topic id (4) | partition (4) | offset (8), big-endian -> record
//   offsets  group \0 topic \0 partition (4) -> next offset (8)
//
// One LocalLog per directory per process: opening the same directory twice
// shares it. Thread-safe.
#ifndef FRONTLINE_LIBS_BUS_LOCAL_LOG_H_
#define FRONTLINE_LIBS_BUS_LOCAL_LOG_H_

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "libs/bus/bus.h"
#include "rocksdb/db.h"

namespace frontline::bus {

class LocalLog {
 public:
  static absl::StatusOr<std::shared_ptr<LocalLog>> Open(
      const std::string& directory, const BusOptions& options);
  ~LocalLog();

  absl::Status CreateTopic(const TopicSpec& spec);
  absl::StatusOr<int32_t> PartitionCount(absl::string_view topic);

  // Durably appends; returns where.
  absl::StatusOr<DeliveryReport> Append(const Message& message);

  // Up to `max_records` records of `partition` from offset `from`, stopping
  // early past `max_bytes` of values.
  absl::StatusOr<std::vector<Record>> Read(const TopicPartition& partition,
                                           int64_t from, size_t max_records,
                                           size_t max_bytes);

  absl::StatusOr<std::pair<int64_t, int64_t>> Watermarks(
      const TopicPartition& partition);

  // A counter that moves on every append and membership change; WaitForChange
  // blocks until it differs from `seen` or `deadline` passes.
  uint64_t ChangeSequence();
  void WaitForChange(uint64_t seen, absl::Time deadline);

  // Committed next offset of `group` in `partition`; nullopt when none.
  absl::StatusOr<std::optional<int64_t>> Committed(
      const std::string& group, const TopicPartition& partition);
  absl::Status Commit(const std::string& group,
                      std::span<const TopicPartitionOffset> offsets);

  // Group membership. Partitions of the group's topics are dealt round-robin
  // over members in join order; every join or leave bumps the generation.
  absl::StatusOr<uint64_t> JoinGroup(const std::string& group,
                                     const std::vector<std::string>& topics);
  void LeaveGroup(const std::string& group, uint64_t member);
  // The member's partitions and the generation they belong to.
  std::pair<uint64_t, std::vector<TopicPartition>> GroupAssignment(
      const std::string& group, uint64_t member);

  // Test hook: produces to `topic` fail with `status` until cleared with OK.
  void SetProduceFaultForTesting(const std::string& topic, absl::Status status);

 private:
  struct Partition {
    absl::Mutex append_mu;
    std::atomic<int64_t> next_offset{0};
  };
  struct Topic {
    uint32_t id = 0;
    TopicSpec spec;
    std::vector<std::unique_ptr<Partition>> partitions;
    std::atomic<uint32_t> round_robin{0};
  };
  struct Group {
    uint64_t generation = 0;
    std::vector<std::string> topics;
    std::vector<uint64_t> members;  // join order
  };

  LocalLog(std::unique_ptr<rocksdb::DB> db,
           std::vector<rocksdb::ColumnFamilyHandle*> handles,
           const BusOptions& options);
  absl::Status LoadTopics();
  Topic* FindTopic(absl::string_view name) ABSL_LOCKS_EXCLUDED(topics_mu_);
  void NotifyChange();

  const BusOptions options_;
  std::unique_ptr<rocksdb::DB> db_;
  rocksdb::ColumnFamilyHandle* meta_cf_ = nullptr;
  rocksdb::ColumnFamilyHandle* log_cf_ = nullptr;
  rocksdb::ColumnFamilyHandle* offsets_cf_ = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  rocksdb::WriteOptions write_options_;

  absl::Mutex topics_mu_;
  std::map<std::string, std::unique_ptr<Topic>, std::less<>> topics_
      ABSL_GUARDED_BY(topics_mu_);
  uint32_t next_topic_id_ ABSL_GUARDED_BY(topics_mu_) = 1;

  absl::Mutex change_mu_;
  uint64_t change_seq_ ABSL_GUARDED_BY(change_mu_) = 0;

  absl::Mutex groups_mu_;
  absl::flat_hash_map<std::string, Group> groups_ ABSL_GUARDED_BY(groups_mu_);
  uint64_t next_member_ ABSL_GUARDED_BY(groups_mu_) = 1;

  absl::Mutex fault_mu_;
  std::map<std::string, absl::Status> faults_ ABSL_GUARDED_BY(fault_mu_);
  std::atomic<bool> has_faults_{false};
};

}  // namespace frontline::bus

#endif  // FRONTLINE_LIBS_BUS_LOCAL_LOG_H_
