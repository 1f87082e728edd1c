// Test support: a Bus on either engine, with its storage or cluster owned
// and cleaned up. The Kafka engine runs on librdkafka's mock cluster (3
// brokers), whose topics are made through the mock (it has no controller).
#ifndef FRONTLINE_LIBS_BUS_TESTING_TEST_BUS_H_
#define FRONTLINE_LIBS_BUS_TESTING_TEST_BUS_H_

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "libs/bus/bus.h"
#include "libs/bus/kafka_mock_cluster.h"

namespace frontline::bus::testing {

enum class Engine { kLocal, kKafka };
std::string EngineName(Engine engine);

class TestBus {
 public:
  explicit TestBus(Engine engine);
  ~TestBus();

  Bus& bus() { return *bus_; }
  // Drops the Bus and opens a new one on the same storage: a restart.
  void Reopen();
  absl::Status CreateTopic(const TopicSpec& spec);
  // Every record of `topic` from offset 0, waiting up to `timeout` for at
  // least `expected` of them.
  std::vector<Record> ReadAll(const std::string& topic, size_t expected,
                              absl::Duration timeout = absl::Seconds(30));

 private:
  Engine engine_;
  std::filesystem::path dir_;
  std::unique_ptr<KafkaMockCluster> mock_;
  std::string uri_;
  std::unique_ptr<Bus> bus_;
};

}  // namespace frontline::bus::testing

#endif  // FRONTLINE_LIBS_BUS_TESTING_TEST_BUS_H_
