#include <atomic>
#include <iostream>
#include <thread>

#include "libs/bus/bus.h"
#include "libs/metrics/stage_metrics.h"
#include "libs/normalize/normalize_stage.h"
#include "libs/normalize/normalizer.h"
#include "libs/pipeline/topics.h"
#include "services/frontline/commands.h"
#include "services/frontline/signals.h"
#include "spdlog/spdlog.h"

namespace frontline {

int RunNormalize(const StageFlags& flags) {
  auto normalizer = normalize::Normalizer::Load(flags.data);
  if (!normalizer.ok()) {
    std::cerr << "frontline normalize: " << normalizer.status() << "\n";
    return 2;
  }
  auto bus = bus::Bus::Open(flags.bus);
  if (!bus.ok()) {
    std::cerr << "frontline normalize: " << bus.status() << "\n";
    return 1;
  }
  if (absl::Status s = pipeline::EnsurePipelineTopics(**bus); !s.ok()) {
    std::cerr << "frontline normalize: " << s << "\n";
    return 1;
  }
  auto stage = normalize::NormalizeStage::Create(
      **bus, **normalizer,
      {.on_round = metrics::StageMetrics("normalize", pipeline::kRawTopic),
       .on_lag = metrics::StageLagMetrics("normalize"),
       .on_output =
           metrics::StageOutputMetrics("normalize", pipeline::kDocsTopic)});
  if (!stage.ok()) {
    std::cerr << "frontline normalize: " << stage.status() << "\n";
    return 1;
  }
  std::atomic<bool> stop{false};
  std::thread signals([&] {
    WaitForTerminationSignal();
    stop = true;
  });
  spdlog::info("frontline normalize: raw -> docs on {}", flags.bus);
  absl::Status s = (*stage)->Run([&] { return stop.load(); });
  if (!s.ok()) {
    spdlog::error("frontline normalize: {}", s.ToString());
    signals.detach();
    return 1;
  }
  signals.join();
  return 0;
}

}  // namespace frontline
