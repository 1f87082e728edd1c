#include <atomic>
#include <iostream>
#include <thread>

#include "libs/bus/bus.h"
#include "libs/dedup/dedup_stage.h"
#include "libs/metrics/stage_metrics.h"
#include "libs/pipeline/topics.h"
#include "services/frontline/commands.h"
#include "services/frontline/signals.h"
#include "spdlog/spdlog.h"

namespace frontline {

int RunDedup(const DedupFlags& flags) {
  auto bus = bus::Bus::Open(flags.bus);
  if (!bus.ok()) {
    std::cerr << "frontline dedup: " << bus.status() << "\n";
    return 1;
  }
  if (absl::Status s = pipeline::EnsurePipelineTopics(**bus); !s.ok()) {
    std::cerr << "frontline dedup: " << s << "\n";
    return 1;
  }
  auto stage = dedup::DedupStage::Create(
      **bus, {.dir = flags.state,
              .on_round = metrics::StageMetrics("dedup", pipeline::kDocsTopic),
              .on_lag = metrics::StageLagMetrics("dedup"),
              .on_output =
                  metrics::StageOutputMetrics("dedup", pipeline::kEventsTopic),
              .on_duplicate = metrics::DuplicateMetrics("dedup")});
  if (!stage.ok()) {
    std::cerr << "frontline dedup: " << stage.status() << "\n";
    return 1;
  }
  std::atomic<bool> stop{false};
  std::thread signals([&] {
    WaitForTerminationSignal();
    stop = true;
  });
  spdlog::info("frontline dedup: docs -> events on {}", flags.bus);
  absl::Status s = (*stage)->Run([&] { return stop.load(); });
  if (!s.ok()) {
    spdlog::error("frontline dedup: {}", s.ToString());
    signals.detach();
    return 1;
  }
  signals.join();
  return 0;
}

}  // namespace frontline
