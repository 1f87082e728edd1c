// Kafka's default partitioner (murmur2), so that a key lands in the same
// partition on both engines and in any Kafka client.
#ifndef FRONTLINE_LIBS_BUS_PARTITIONER_H_
#define FRONTLINE_LIBS_BUS_PARTITIONER_H_

#include <cstdint>

#include "absl/strings/string_view.h"

namespace frontline::bus {

// Kafka's murmur2 hash of `key` (seed 0x9747b28c), as the Java client and
// librdkafka's "murmur2" partitioner compute it.
uint32_t Murmur2(absl::string_view key);

// The partition Kafka assigns a non-empty `key` among `partitions`.
int32_t PartitionForKey(absl::string_view key, int32_t partitions);

}  // namespace frontline::bus

#endif  // FRONTLINE_LIBS_BUS_PARTITIONER_H_
