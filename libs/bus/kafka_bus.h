// The Kafka engine: Bus over librdkafka. The producer is idempotent with
// acks=all and partitions with murmur2, as the Java client does; consumers
// commit manually, after processing.
#ifndef FRONTLINE_LIBS_BUS_KAFKA_BUS_H_
#define FRONTLINE_LIBS_BUS_KAFKA_BUS_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "libs/bus/bus.h"

namespace frontline::bus {

// Connects to `brokers` ("host:port") and fetches cluster metadata;
// kUnavailable if no broker answers within options.connect_timeout.
absl::StatusOr<std::unique_ptr<Bus>> OpenKafkaBus(
    const std::vector<std::string>& brokers, const BusOptions& options);

}  // namespace frontline::bus

#endif  // FRONTLINE_LIBS_BUS_KAFKA_BUS_H_
