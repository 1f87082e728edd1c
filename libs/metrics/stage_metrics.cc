#include "libs/metrics/stage_metrics.h"

#include "libs/metrics/metrics.h"
#include "prometheus/counter.h"

namespace frontline::metrics {

std::function<void(const bus::StageCounters&)> StageMetrics(
    const std::string& stage, const std::string& input_topic) {
  Metrics& m = Standard();
  prometheus::Counter* in = &m.RecordsIn(stage, input_topic);
  prometheus::Counter* dead = &m.DeadLetters(stage, input_topic);
  prometheus::Counter* errors =
      &m.Errors(stage, absl::StatusCode::kUnavailable);
  return [in, dead, errors](const bus::StageCounters& round) {
    in->Increment(double(round.handled + round.dead_lettered));
    dead->Increment(double(round.dead_lettered));
    errors->Increment(double(round.retries + round.commit_failures));
  };
}

}  // namespace frontline::metrics
