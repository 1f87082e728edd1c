// librdkafka's mock cluster: in-process Kafka brokers that speak the real
// protocol on 127.0.0.1 ephemeral ports, with fault injection. For tests,
// benchmarks and `frontline dev-kafka`; not for production.
#ifndef FRONTLINE_LIBS_BUS_KAFKA_MOCK_CLUSTER_H_
#define FRONTLINE_LIBS_BUS_KAFKA_MOCK_CLUSTER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace frontline::bus {

// Kafka protocol request kinds that faults can be injected into.
enum class KafkaApi : int16_t { kProduce = 0, kFetch = 1, kOffsetCommit = 8 };

class KafkaMockCluster {
 public:
  static absl::StatusOr<std::unique_ptr<KafkaMockCluster>> Start(int brokers);
  ~KafkaMockCluster();

  // "127.0.0.1:port,127.0.0.1:port,..."
  const std::string& bootstrap_servers() const { return bootstrap_; }
  // "kafka://" + bootstrap_servers()
  std::string uri() const { return "kafka://" + bootstrap_; }

  absl::Status CreateTopic(const std::string& topic, int partitions,
                           int replication_factor);
  // While `failing`, every Produce request fails with a permanent error, as
  // when a topic's partitions are down.
  void SetProduceFailing(bool failing);
  void SetBrokerDown(int broker_id, bool down);
  // Every request to the broker takes `rtt_ms` longer (0: none).
  void SetBrokerRtt(int broker_id, int rtt_ms);
  // Moves the partition's leadership to `broker_id` (brokers count from 1).
  absl::Status SetPartitionLeader(const std::string& topic, int partition,
                                  int broker_id);
  // Moves the consumer group's coordinator to `broker_id`.
  absl::Status SetGroupCoordinator(const std::string& group, int broker_id);
  // The next requests of kind `api`, on any broker, fail with these Kafka
  // protocol error codes, one request each, in order.
  void PushRequestErrors(KafkaApi api, const std::vector<int>& error_codes);

 private:
  KafkaMockCluster() = default;
  struct Handles;
  std::unique_ptr<Handles> handles_;
  std::string bootstrap_;
};

}  // namespace frontline::bus

#endif  // FRONTLINE_LIBS_BUS_KAFKA_MOCK_CLUSTER_H_
