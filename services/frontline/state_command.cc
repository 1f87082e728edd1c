#include <signal.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <thread>

#include "libs/api/conflict_state_service.h"
#include "libs/api/ingest_service.h"
#include "libs/api/server.h"
#include "libs/api/view_readiness.h"
#include "libs/bus/bus.h"
#include "libs/gazetteer/gazetteer.h"
#include "libs/pipeline/topics.h"
#include "libs/state/state_updater.h"
#include "libs/state/state_view.h"
#include "services/frontline/commands.h"
#include "services/frontline/signals.h"
#include "spdlog/spdlog.h"

namespace frontline {

int RunState(const StateFlags& flags) {
  auto gazetteer = gazetteer::Gazetteer::Load(flags.places);
  if (!gazetteer.ok()) {
    std::cerr << "frontline state: " << gazetteer.status() << "\n";
    return 2;
  }
  auto bus = bus::Bus::Open(flags.bus);
  if (!bus.ok()) {
    std::cerr << "frontline state: " << bus.status() << "\n";
    return 1;
  }
  if (absl::Status s = pipeline::EnsurePipelineTopics(**bus); !s.ok()) {
    std::cerr << "frontline state: " << s << "\n";
    return 1;
  }
  if (flags.rebuild) {
    spdlog::info("frontline state: rebuilding {} from offset zero", flags.view);
    std::filesystem::remove_all(flags.view);
  }
  auto view = state::StateView::Open(flags.view, &*gazetteer);
  if (!view.ok()) {
    std::cerr << "frontline state: " << view.status() << "\n";
    return 1;
  }
  api::ConflictStateService service(**view, bus->get());
  // Clients push documents through the process that serves their queries.
  api::IngestService ingest(**bus);
  auto server = api::Server::Start(
      ServerOptionsFor(flags.listen, flags.security), {&service, &ingest});
  if (!server.ok()) {
    std::cerr << "frontline state: " << server.status() << "\n";
    return 1;
  }
  auto updater = state::StateUpdater::Create(
      **bus, **view,
      {.on_progress =
           api::StateProgress(**server, flags.ready_lag, flags.rebuild)});
  if (!updater.ok()) {
    std::cerr << "frontline state: " << updater.status() << "\n";
    return 1;
  }
  std::atomic<bool> stop{false};
  std::atomic<int> exit_code{0};
  std::thread fold([&] {
    if (absl::Status s = (*updater)->Run([&] { return stop.load(); });
        !s.ok()) {
      spdlog::error("frontline state: {}", s.ToString());
      exit_code = 1;
      kill(getpid(), SIGTERM);
    }
  });
  spdlog::info("frontline state: serving gRPC on port {} (view {}, bus {})",
               (*server)->port(), flags.view, flags.bus);
  WaitForTerminationSignal();
  stop = true;
  (*server)->Shutdown();
  fold.join();
  return exit_code;
}

}  // namespace frontline
