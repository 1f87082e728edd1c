#include <algorithm>
#include <cstdio>
#include <iostream>

#include "libs/bus/kafka_mock_cluster.h"
#include "libs/pipeline/topics.h"
#include "services/frontline/commands.h"
#include "services/frontline/signals.h"

namespace frontline {

int RunDevKafka(int brokers, int partitions) {
  auto cluster = bus::KafkaMockCluster::Start(brokers);
  if (!cluster.ok()) {
    std::cerr << "frontline dev-kafka: " << cluster.status() << "\n";
    return 1;
  }
  // The mock has no controller for CreateTopics: the pipeline's topics are
  // made here, so services can find them.
  for (const bus::TopicSpec& spec : pipeline::PipelineTopics(partitions)) {
    absl::Status s = (*cluster)->CreateTopic(spec.name, spec.partitions,
                                             std::min(brokers, 3));
    if (!s.ok()) {
      std::cerr << "frontline dev-kafka: " << s << "\n";
      return 1;
    }
  }
  // The one line scripts read: the bootstrap servers.
  std::printf("%s\n", (*cluster)->bootstrap_servers().c_str());
  std::fflush(stdout);
  std::fprintf(stderr,
               "frontline dev-kafka: %d mock brokers; use --bus %s; "
               "Ctrl-C stops\n",
               brokers, (*cluster)->uri().c_str());
  WaitForTerminationSignal();
  return 0;
}

}  // namespace frontline
