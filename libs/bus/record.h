// Records, positions and delivery reports: the values that move through a Bus.
#ifndef FRONTLINE_LIBS_BUS_RECORD_H_
#define FRONTLINE_LIBS_BUS_RECORD_H_

#include <compare>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace frontline::bus {

// Kafka's special offsets, understood by both engines.
inline constexpr int64_t kOffsetBeginning = -2;
inline constexpr int64_t kOffsetEnd = -1;
// The group's committed offset (or the reset policy when there is none).
inline constexpr int64_t kOffsetCommitted = -1000;

struct Header {
  std::string key;
  std::string value;
  friend bool operator==(const Header&, const Header&) = default;
};
using Headers = std::vector<Header>;

// The value of the last header named `key`, or nullopt.
std::optional<absl::string_view> FindHeader(const Headers& headers,
                                            absl::string_view key);

// What a producer sends.
struct Message {
  std::string topic;
  // Chooses the partition (Kafka's murmur2) unless `partition` is set. An
  // empty key spreads records over partitions.
  std::string key;
  std::string value;
  Headers headers;
  std::optional<int32_t> partition;
  // Milliseconds since the Unix epoch; 0 means "now".
  int64_t timestamp_ms = 0;
};

// What a consumer receives.
struct Record {
  std::string topic;
  int32_t partition = 0;
  int64_t offset = 0;
  int64_t timestamp_ms = 0;
  std::string key;
  std::string value;
  Headers headers;
};

struct TopicPartition {
  std::string topic;
  int32_t partition = 0;
  friend auto operator<=>(const TopicPartition&,
                          const TopicPartition&) = default;
};

// A position in a partition. As in Kafka, a committed offset is the offset of
// the next record to read.
struct TopicPartitionOffset {
  std::string topic;
  int32_t partition = 0;
  int64_t offset = 0;
  friend bool operator==(const TopicPartitionOffset&,
                         const TopicPartitionOffset&) = default;
};

struct DeliveryReport {
  absl::Status status;
  std::string topic;
  int32_t partition = -1;
  int64_t offset = -1;
};

// Called once per produced message, from a bus thread; must not block long.
using DeliveryCallback = std::function<void(const DeliveryReport&)>;

// The serialized size a size limit is checked against: key, value, headers.
size_t MessageBytes(const Message& message);

}  // namespace frontline::bus

#endif  // FRONTLINE_LIBS_BUS_RECORD_H_
