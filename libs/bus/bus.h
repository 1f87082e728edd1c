// The Bus: one interface over two engines, selected by URI.
//
//   kafka://host:port[,host:port]  librdkafka against a Kafka cluster:
//                                  idempotent producer, acks=all.
//   local:DIR                      the embedded durable log in RocksDB, for
//                                  one process on one machine.
//
// Both engines give the same guarantees, checked by one conformance suite:
// records keep their order within a partition; a key always lands in the
// partition Kafka's murmur2 partitioner picks; headers round-trip; a consumer
// group resumes from its committed offsets after a restart; uncommitted
// records are delivered again (at-least-once).
//
// A Bus is safe to use from many threads. A Consumer belongs to one thread.
// No exception crosses this interface: every failure is an absl::Status.
#ifndef FRONTLINE_LIBS_BUS_BUS_H_
#define FRONTLINE_LIBS_BUS_BUS_H_

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "libs/bus/record.h"

namespace frontline::bus {

struct BusOptions {
  std::string client_id = "frontline";
  // Upper bound for reaching a Kafka cluster at Open and for a synchronous
  // round trip (topic creation, commit). Open fails with kUnavailable past it.
  absl::Duration connect_timeout = absl::Seconds(10);
  // Largest message (key + value + headers) a producer accepts. A topic may
  // set a lower limit of its own.
  int64_t max_message_bytes = 1'000'000;
  // local: fsync the log on every write. Off, a write survives a process
  // crash (the WAL is in the OS cache) but not a power loss; as in Kafka,
  // which leaves fsync to the OS and relies on replication.
  bool sync_writes = false;
  // kafka: extra librdkafka properties, applied last.
  std::map<std::string, std::string> kafka_config;
};

struct TopicSpec {
  std::string name;
  int32_t partitions = 6;
  // -1: the cluster's default. Ignored by the local engine.
  int16_t replication_factor = -1;
  // 0: the bus-wide limit.
  int64_t max_message_bytes = 0;
  // -1: keep forever.
  int64_t retention_ms = -1;
};

struct ConsumerOptions {
  // The consumer group. Required by Subscribe; with Assign, needed only to
  // commit or to start from committed offsets.
  std::string group;
  std::vector<std::string> topics;
  // Where a partition without a committed offset starts.
  bool start_at_end = false;
};

struct PartitionLag {
  TopicPartition partition;
  int64_t records = 0;
};

// A consumer of one or more topics. Not thread-safe: one thread owns it.
// Destroying it leaves the group; whatever it did not commit is delivered
// to the group's other members.
class Consumer {
 public:
  virtual ~Consumer() = default;

  // Waits up to `timeout` for records and returns at most `max_records`;
  // an empty vector when none arrived. Records of one partition come in
  // offset order.
  virtual absl::StatusOr<std::vector<Record>> Poll(size_t max_records,
                                                   absl::Duration timeout) = 0;

  // Durably records, for the group, the next offset to read in each
  // partition. Fails with kFailedPrecondition if a partition has been
  // reassigned to another member since it was polled.
  virtual absl::Status Commit(std::span<const TopicPartitionOffset> next) = 0;

  // Commits `record.offset + 1` for the record's partition.
  absl::Status CommitRecord(const Record& record);

  // Moves the read position of an assigned partition.
  virtual absl::Status Seek(const TopicPartitionOffset& position) = 0;

  // Moves every assigned partition back to its first record: a replay.
  virtual absl::Status SeekToBeginning() = 0;

  // The partitions this consumer reads now (a group's assignment changes
  // as members come and go).
  virtual std::vector<TopicPartition> Assignment() = 0;

  // For each assigned partition whose read position is known, the records
  // between that position and the high watermark. Cheap enough to call
  // every few seconds: Kafka answers from the watermarks its fetches
  // returned, so a partition appears once something was fetched from it.
  virtual std::vector<PartitionLag> Lag() = 0;
};

class Bus {
 public:
  virtual ~Bus() = default;

  // Opens the engine named by `uri`. kInvalidArgument for a malformed URI;
  // kUnavailable when a Kafka cluster cannot be reached in
  // options.connect_timeout.
  static absl::StatusOr<std::unique_ptr<Bus>> Open(
      absl::string_view uri, const BusOptions& options = {});

  // Creates the topic; OK if it exists already.
  virtual absl::Status CreateTopic(const TopicSpec& spec) = 0;

  // kNotFound for an unknown topic.
  virtual absl::StatusOr<int32_t> PartitionCount(absl::string_view topic) = 0;

  // Queues `message` and returns at once. `on_delivery` (optional) reports
  // whether it was durably written, and where. An immediate error (message
  // too large, unknown topic, queue full past the timeout) is returned
  // instead and `on_delivery` is not called.
  virtual absl::Status Produce(Message message,
                               DeliveryCallback on_delivery = nullptr) = 0;

  // Waits until every queued message is delivered or failed.
  // kDeadlineExceeded if some are still in flight after `timeout`.
  virtual absl::Status Flush(absl::Duration timeout) = 0;

  // Produces and waits for the delivery report.
  absl::StatusOr<DeliveryReport> ProduceSync(Message message,
                                             absl::Duration timeout);

  // A member of `options.group` reading `options.topics`; starts at the
  // group's committed offsets.
  virtual absl::StatusOr<std::unique_ptr<Consumer>> Subscribe(
      const ConsumerOptions& options) = 0;

  // A consumer of exactly the partitions in `start`, from the offsets given
  // there (an offset, kOffsetBeginning, kOffsetEnd or kOffsetCommitted). For
  // stages whose progress lives in their own store.
  virtual absl::StatusOr<std::unique_ptr<Consumer>> Assign(
      const std::vector<TopicPartitionOffset>& start,
      const ConsumerOptions& options) = 0;

  // The first offset and the offset the next record will get.
  virtual absl::StatusOr<std::pair<int64_t, int64_t>> Watermarks(
      const TopicPartition& partition) = 0;
};

}  // namespace frontline::bus

#endif  // FRONTLINE_LIBS_BUS_BUS_H_
