// librdkafka's mock cluster: in-process Kafka brokers that speak the real
// protocol on 127.0.0.1 ephemeral ports, with fault injection. For tests,
// benchmarks and `frontline dev-kafka`; not for production.
#ifndef FRONTLINE_LIBS_BUS_KAFKA_MOCK_CLUSTER_H_
#define FRONTLINE_LIBS_BUS_KAFKA_MOCK_CLUSTER_H_

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace frontline::bus {

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

 private:
  KafkaMockCluster() = default;
  struct Handles;
  std::unique_ptr<Handles> handles_;
  std::string bootstrap_;
};

}  // namespace frontline::bus

#endif  // FRONTLINE_LIBS_BUS_KAFKA_MOCK_CLUSTER_H_
