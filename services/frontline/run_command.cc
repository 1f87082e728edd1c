#include <filesystem>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "libs/api/ingest_service.h"
#include "libs/api/server.h"
#include "libs/bus/bus.h"
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
  if (absl::Status s = (*bus)->Flush(absl::Seconds(10)); !s.ok()) {
    spdlog::error("frontline: {}", s.ToString());
  }
  return 0;
}

}  // namespace frontline
