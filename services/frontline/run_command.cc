#include <filesystem>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "libs/api/ingest_service.h"
#include "libs/api/server.h"
#include "libs/bus/bus.h"
#include "libs/ingest/ingest_runner.h"
#include "libs/ingest/state_store.h"
#include "libs/pipeline/topics.h"
#include "services/frontline/commands.h"
#include "services/frontline/signals.h"
#include "spdlog/spdlog.h"

namespace frontline {

int RunAll(const RunFlags& flags) {
  const std::string uri =
      flags.bus.empty()
          ? absl::StrCat("local:",
                         (std::filesystem::path(flags.data) / "bus").string())
          : flags.bus;
  auto bus = bus::Bus::Open(uri);
  if (!bus.ok()) {
    std::cerr << "frontline run: " << bus.status() << "\n";
    return 1;
  }
  if (absl::Status s = pipeline::EnsurePipelineTopics(**bus); !s.ok()) {
    std::cerr << "frontline run: " << s << "\n";
    return 1;
  }
  std::unique_ptr<ingest::StateStore> state;
  std::unique_ptr<ingest::IngestRunner> runner;
  if (!flags.config.empty()) {
    auto config = ingest::LoadIngestConfig(flags.config);
    if (!config.ok()) {
      std::cerr << "frontline run: " << config.status() << "\n";
      return 2;
    }
    auto opened = ingest::StateStore::Open(
        (std::filesystem::path(flags.data) / "ingest").string());
    if (!opened.ok()) {
      std::cerr << "frontline run: " << opened.status() << "\n";
      return 1;
    }
    state = *std::move(opened);
    runner = std::make_unique<ingest::IngestRunner>(**bus, *state,
                                                    *std::move(config));
    runner->Start();
  }
  api::IngestService ingest(**bus);
  auto server = api::Server::Start({.listen = flags.listen}, {&ingest});
  if (!server.ok()) {
    std::cerr << "frontline run: " << server.status() << "\n";
    return 1;
  }
  spdlog::info("frontline: serving gRPC on port {} (bus {}); Ctrl-C stops",
               (*server)->port(), uri);
  int signal = WaitForTerminationSignal();
  spdlog::info("frontline: signal {}, stopping", signal);
  (*server)->Shutdown();
  if (runner) runner->Stop();
  if (absl::Status s = (*bus)->Flush(absl::Seconds(10)); !s.ok()) {
    spdlog::error("frontline: {}", s.ToString());
  }
  return 0;
}

}  // namespace frontline
