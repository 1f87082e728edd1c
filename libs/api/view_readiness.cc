#include "libs/api/view_readiness.h"

#include <memory>

#include "absl/time/clock.h"
#include "frontline/v1/conflict_state.grpc.pb.h"
#include "libs/metrics/stage_metrics.h"
#include "spdlog/spdlog.h"

namespace frontline::api {

const char* ReadinessServiceName() {
  return v1::ConflictState::service_full_name();
}

std::function<void(const std::vector<bus::PartitionLag>&)> StateProgress(
    Server& server, int64_t max_lag, bool log_progress) {
  server.SetServing(ReadinessServiceName(), false);
  struct Progress {
    bool serving = false;
    absl::Time next_log = absl::InfinitePast();
  };
  auto progress = std::make_shared<Progress>();
  auto lag_metrics = metrics::StageLagMetrics("state");
  return [&server, max_lag, log_progress, progress,
          lag_metrics](const std::vector<bus::PartitionLag>& lag) {
    lag_metrics(lag);
    int64_t behind = 0;
    for (const bus::PartitionLag& p : lag) behind += p.records;
    const bool serving = behind <= max_lag;
    if (serving != progress->serving) {
      progress->serving = serving;
      server.SetServing(ReadinessServiceName(), serving);
      spdlog::info("state: {} ({} records behind the events topic)",
                   serving ? "caught up, ready" : "behind, not ready", behind);
    } else if (!serving && log_progress && absl::Now() >= progress->next_log) {
      progress->next_log = absl::Now() + absl::Seconds(5);
      spdlog::info("state: {} records to go", behind);
    }
  };
}

}  // namespace frontline::api
