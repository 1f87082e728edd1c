#include "libs/pipeline/topics.h"

namespace frontline::pipeline {

std::vector<bus::TopicSpec> PipelineTopics(int partitions) {
  constexpr int64_t kWeek = 7LL * 24 * 3600 * 1000;
  return {
      {.name = kRawTopic, .partitions = partitions, .retention_ms = kWeek},
      {.name = kDocsTopic, .partitions = partitions, .retention_ms = kWeek},
      {.name = kEventsTopic, .partitions = partitions, .retention_ms = -1},
      {.name = kDeadLetterTopic, .partitions = 1, .retention_ms = -1},
      {.name = kIngestShardsTopic,
       .partitions = kIngestShards,
       .retention_ms = kWeek},
  };
}

absl::Status EnsurePipelineTopics(bus::Bus& bus, int partitions) {
  for (const bus::TopicSpec& spec : PipelineTopics(partitions)) {
    if (absl::Status s = bus.CreateTopic(spec); !s.ok()) return s;
  }
  return absl::OkStatus();
}

}  // namespace frontline::pipeline
