// The system under load, started as `frontline` processes:
//  - engine "local": `frontline run` (every stage and the gRPC API in one
//    process on the embedded log);
//  - engine "kafka": `frontline dev-kafka` (librdkafka's mock cluster), then
//    `state` (which serves ConflictState and Ingest), `dedup` and
//    `normalize`, each its own process talking Kafka.
// Every process's output goes to a log under the data directory. Stopping
// (or destroying) the system sends SIGTERM to each, in reverse start order.
#ifndef FRONTLINE_TOOLS_LOADGEN_SYSTEM_H_
#define FRONTLINE_TOOLS_LOADGEN_SYSTEM_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "tools/loadgen/process.h"

namespace frontline::loadgen {

struct SystemOptions {
  std::string engine = "local";  // or "kafka"
  std::string frontline;         // path of the `frontline` binary
  std::string source_dir;        // checkout root: the children's cwd
  std::string data_dir;          // created; holds the data and the logs
  int brokers = 3;
  int partitions = 6;
};

class System {
 public:
  static absl::StatusOr<std::unique_ptr<System>> Start(
      const SystemOptions& options);
  ~System() { Stop(); }

  // host:port of the gRPC API (ConflictState and Ingest).
  const std::string& target() const { return target_; }
  // The Kafka cluster's bootstrap servers; empty on the local engine.
  const std::string& kafka_brokers() const { return kafka_brokers_; }
  const std::vector<std::unique_ptr<Process>>& processes() const {
    return processes_;
  }
  // Names of processes that have exited.
  std::vector<std::string> Exited();
  void Stop();

 private:
  std::vector<std::unique_ptr<Process>> processes_;
  std::string target_;
  std::string kafka_brokers_;
};

}  // namespace frontline::loadgen

#endif  // FRONTLINE_TOOLS_LOADGEN_SYSTEM_H_
