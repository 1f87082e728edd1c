#include "libs/bus/kafka_mock_cluster.h"

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#include <vector>

#include "absl/strings/str_cat.h"

namespace frontline::bus {
namespace {

// The Kafka protocol's ApiKey of Produce requests.
constexpr int16_t kProduceApiKey = 0;

}  // namespace

struct KafkaMockCluster::Handles {
  rd_kafka_t* owner = nullptr;
  rd_kafka_mock_cluster_t* cluster = nullptr;
  ~Handles() {
    if (cluster != nullptr) rd_kafka_mock_cluster_destroy(cluster);
    if (owner != nullptr) rd_kafka_destroy(owner);
  }
};

absl::StatusOr<std::unique_ptr<KafkaMockCluster>> KafkaMockCluster::Start(
    int brokers) {
  char error[512];
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  rd_kafka_conf_set(conf, "log_level", "3", error, sizeof(error));
  std::unique_ptr<KafkaMockCluster> mock(new KafkaMockCluster);
  mock->handles_ = std::make_unique<Handles>();
  mock->handles_->owner =
      rd_kafka_new(RD_KAFKA_PRODUCER, conf, error, sizeof(error));
  if (mock->handles_->owner == nullptr) {
    rd_kafka_conf_destroy(conf);
    return absl::InternalError(absl::StrCat("mock cluster: ", error));
  }
  mock->handles_->cluster =
      rd_kafka_mock_cluster_new(mock->handles_->owner, brokers);
  if (mock->handles_->cluster == nullptr) {
    return absl::InternalError("mock cluster: could not start brokers");
  }
  mock->bootstrap_ = rd_kafka_mock_cluster_bootstraps(mock->handles_->cluster);
  return mock;
}

KafkaMockCluster::~KafkaMockCluster() = default;

absl::Status KafkaMockCluster::CreateTopic(const std::string& topic,
                                           int partitions,
                                           int replication_factor) {
  rd_kafka_resp_err_t err = rd_kafka_mock_topic_create(
      handles_->cluster, topic.c_str(), partitions, replication_factor);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
    return absl::InternalError(absl::StrCat("mock cluster: create ", topic,
                                            ": ", rd_kafka_err2str(err)));
  }
  return absl::OkStatus();
}

void KafkaMockCluster::SetProduceFailing(bool failing) {
  rd_kafka_mock_clear_request_errors(handles_->cluster, kProduceApiKey);
  if (failing) {
    std::vector<rd_kafka_resp_err_t> errors(
        100000, RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED);
    rd_kafka_mock_push_request_errors_array(handles_->cluster, kProduceApiKey,
                                            errors.size(), errors.data());
  }
}

void KafkaMockCluster::SetBrokerDown(int broker_id, bool down) {
  if (down) {
    rd_kafka_mock_broker_set_down(handles_->cluster, broker_id);
  } else {
    rd_kafka_mock_broker_set_up(handles_->cluster, broker_id);
  }
}

void KafkaMockCluster::SetBrokerRtt(int broker_id, int rtt_ms) {
  rd_kafka_mock_broker_set_rtt(handles_->cluster, broker_id, rtt_ms);
}

absl::Status KafkaMockCluster::SetPartitionLeader(const std::string& topic,
                                                  int partition,
                                                  int broker_id) {
  rd_kafka_resp_err_t err = rd_kafka_mock_partition_set_leader(
      handles_->cluster, topic.c_str(), partition, broker_id);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
    return absl::InternalError(absl::StrCat("mock cluster: leader of ", topic,
                                            "/", partition, ": ",
                                            rd_kafka_err2str(err)));
  }
  return absl::OkStatus();
}

absl::Status KafkaMockCluster::SetGroupCoordinator(const std::string& group,
                                                   int broker_id) {
  rd_kafka_resp_err_t err = rd_kafka_mock_coordinator_set(
      handles_->cluster, "group", group.c_str(), broker_id);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
    return absl::InternalError(absl::StrCat(
        "mock cluster: coordinator of ", group, ": ", rd_kafka_err2str(err)));
  }
  return absl::OkStatus();
}

void KafkaMockCluster::PushRequestErrors(KafkaApi api,
                                         const std::vector<int>& error_codes) {
  std::vector<rd_kafka_resp_err_t> errors;
  for (int code : error_codes) {
    errors.push_back(static_cast<rd_kafka_resp_err_t>(code));
  }
  rd_kafka_mock_push_request_errors_array(handles_->cluster,
                                          static_cast<int16_t>(api),
                                          errors.size(), errors.data());
}

}  // namespace frontline::bus
