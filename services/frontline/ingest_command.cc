#include <iostream>

#include "libs/bus/bus.h"
#include "libs/ingest/ingest_runner.h"
#include "libs/ingest/source_config.h"
#include "libs/ingest/source_shards.h"
#include "libs/ingest/state_store.h"
#include "libs/pipeline/topics.h"
#include "services/frontline/commands.h"
#include "services/frontline/signals.h"
#include "spdlog/spdlog.h"

namespace frontline {

int RunIngest(const IngestFlags& flags, bool feeds, bool telegram) {
  auto config = ingest::LoadIngestConfig(flags.config);
  if (!config.ok()) {
    std::cerr << "frontline: " << config.status() << "\n";
    return 2;
  }
  auto bus = bus::Bus::Open(flags.bus);
  if (!bus.ok()) {
    std::cerr << "frontline: " << bus.status() << "\n";
    return 1;
  }
  if (absl::Status s = pipeline::EnsurePipelineTopics(**bus); !s.ok()) {
    std::cerr << "frontline: " << s << "\n";
    return 1;
  }
  auto state = ingest::StateStore::Open(flags.state);
  if (!state.ok()) {
    std::cerr << "frontline: " << state.status() << "\n";
    return 1;
  }
  // Replicas of this ingester split the sources between them.
  auto shards = ingest::SourceShards::Join(
      **bus, {.group = feeds ? "feed-ingest" : "telegram-ingest",
              .topic = pipeline::kIngestShardsTopic,
              .partitions = pipeline::kIngestShards});
  if (!shards.ok()) {
    std::cerr << "frontline: " << shards.status() << "\n";
    return 1;
  }
  ingest::IngestRunner runner(**bus, **state, *std::move(config),
                              {.feeds = feeds,
                               .telegram = telegram,
                               .owns = [&shards](const std::string& id) {
                                 return (*shards)->Owns(id);
                               }});
  runner.Start();
  spdlog::info("frontline: ingesting ({}{}) onto {}; Ctrl-C stops",
               feeds ? "feeds" : "", telegram ? " telegram" : "", flags.bus);
  WaitForTerminationSignal();
  runner.Stop();
  return 0;
}

}  // namespace frontline
