// The pipeline's topics: names, partition counts, and what each holds.
//   raw     RawDocument, keyed by document id        (ingesters -> normalize)
//   docs    Document, keyed by document id           (normalize -> dedup)
//   events  Event and DocumentVerdict, keyed by id   (dedup -> state, anyone)
//   dlq     dead letters of every stage
//   ingest-shards  no records: ingester replicas split the sources by their
//                  group's assignment of its partitions (ingest::SourceShards)
#ifndef FRONTLINE_LIBS_PIPELINE_TOPICS_H_
#define FRONTLINE_LIBS_PIPELINE_TOPICS_H_

#include <vector>

#include "absl/status/status.h"
#include "libs/bus/bus.h"

namespace frontline::pipeline {

inline constexpr char kRawTopic[] = "raw";
inline constexpr char kDocsTopic[] = "docs";
inline constexpr char kEventsTopic[] = "events";
inline constexpr char kDeadLetterTopic[] = "dlq";
inline constexpr char kIngestShardsTopic[] = "ingest-shards";
inline constexpr int kIngestShards = 16;

// The specs of every pipeline topic; events are kept forever so that views
// can be rebuilt by replay.
std::vector<bus::TopicSpec> PipelineTopics(int partitions = 6);

// Creates whatever pipeline topic is missing.
absl::Status EnsurePipelineTopics(bus::Bus& bus, int partitions = 6);

}  // namespace frontline::pipeline

#endif  // FRONTLINE_LIBS_PIPELINE_TOPICS_H_
