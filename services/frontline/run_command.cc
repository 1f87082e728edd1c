#include <signal.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <thread>

#include "absl/strings/str_cat.h"
#include "libs/api/conflict_state_service.h"
#include "libs/api/ingest_service.h"
#include "libs/api/server.h"
#include "libs/api/view_readiness.h"
#include "libs/bus/bus.h"
#include "libs/dedup/dedup_stage.h"
#include "libs/gazetteer/gazetteer.h"
#include "libs/ingest/ingest_runner.h"
#include "libs/ingest/state_store.h"
#include "libs/metrics/stage_metrics.h"
#include "libs/normalize/normalize_stage.h"
#include "libs/normalize/normalizer.h"
#include "libs/pipeline/topics.h"
#include "libs/state/state_updater.h"
#include "libs/state/state_view.h"
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
  auto gazetteer = gazetteer::Gazetteer::Load(flags.resources.places_tsv);
  if (!gazetteer.ok()) {
    std::cerr << "frontline run: " << gazetteer.status() << "\n";
    return 2;
  }
  auto view = state::StateView::Open(
      (std::filesystem::path(flags.data) / "state").string(), &*gazetteer);
  if (!view.ok()) {
    std::cerr << "frontline run: " << view.status() << "\n";
    return 1;
  }
  auto normalizer = normalize::Normalizer::Load(flags.resources);
  if (!normalizer.ok()) {
    std::cerr << "frontline run: " << normalizer.status() << "\n";
    return 2;
  }
  auto normalize_stage = normalize::NormalizeStage::Create(
      **bus, **normalizer,
      {.on_round = metrics::StageMetrics("normalize", pipeline::kRawTopic),
       .on_lag = metrics::StageLagMetrics("normalize"),
       .on_output =
           metrics::StageOutputMetrics("normalize", pipeline::kDocsTopic)});
  if (!normalize_stage.ok()) {
    std::cerr << "frontline run: " << normalize_stage.status() << "\n";
    return 1;
  }
  auto dedup_stage = dedup::DedupStage::Create(
      **bus, {.dir = (std::filesystem::path(flags.data) / "dedup").string(),
              .on_round = metrics::StageMetrics("dedup", pipeline::kDocsTopic),
              .on_lag = metrics::StageLagMetrics("dedup"),
              .on_output =
                  metrics::StageOutputMetrics("dedup", pipeline::kEventsTopic),
              .on_duplicate = metrics::DuplicateMetrics("dedup")});
  if (!dedup_stage.ok()) {
    std::cerr << "frontline run: " << dedup_stage.status() << "\n";
    return 1;
  }
  api::IngestService ingest(**bus);
  api::ConflictStateService conflict_state(**view, bus->get());
  auto server =
      api::Server::Start(ServerOptionsFor(flags.listen, flags.security),
                         {&ingest, &conflict_state});
  if (!server.ok()) {
    std::cerr << "frontline run: " << server.status() << "\n";
    return 1;
  }
  auto updater = state::StateUpdater::Create(
      **bus, **view,
      {.on_progress = api::StateProgress(**server, flags.ready_lag, false)});
  if (!updater.ok()) {
    std::cerr << "frontline run: " << updater.status() << "\n";
    return 1;
  }
  // A stage that gives up (its bus or its store failed: a full disk...)
  // stops the whole process with a non-zero exit, as the separate services
  // do, rather than serving a view that no longer moves.
  std::atomic<bool> stop{false};
  std::atomic<int> exit_code{0};
  auto stage = [&](const char* name, auto run) {
    return std::thread([&, name, run] {
      if (absl::Status s = run([&] { return stop.load(); }); !s.ok()) {
        spdlog::error("frontline run: {}: {}", name, s.ToString());
        exit_code = 1;
        stop = true;
        kill(getpid(), SIGTERM);
      }
    });
  };
  std::thread normalizing = stage("normalize", [&](const auto& stopped) {
    return (*normalize_stage)->Run(stopped);
  });
  std::thread deduplicating = stage("dedup", [&](const auto& stopped) {
    return (*dedup_stage)->Run(stopped);
  });
  std::thread fold = stage(
      "state", [&](const auto& stopped) { return (*updater)->Run(stopped); });
  spdlog::info("frontline: serving gRPC on port {} (bus {}); Ctrl-C stops",
               (*server)->port(), uri);
  int signal = WaitForTerminationSignal();
  spdlog::info("frontline: signal {}, stopping", signal);
  (*server)->Shutdown();
  if (runner) runner->Stop();
  stop = true;
  fold.join();
  normalizing.join();
  deduplicating.join();
  if (absl::Status s = (*bus)->Flush(absl::Seconds(10)); !s.ok()) {
    spdlog::error("frontline: {}", s.ToString());
  }
  return exit_code;
}

}  // namespace frontline
