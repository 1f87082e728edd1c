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

std::function<void(uint64_t records)> StageOutputMetrics(
    const std::string& stage, const std::string& output_topic) {
  prometheus::Counter* out = &Standard().RecordsOut(stage, output_topic);
  return [out](uint64_t records) { out->Increment(double(records)); };
}

std::function<void(const std::string& kind)> DuplicateMetrics(
    const std::string& stage) {
  return [stage](const std::string& kind) {
    Standard().Duplicates(stage, kind).Increment();
  };
}

std::function<void(const std::vector<bus::PartitionLag>&)> StageLagMetrics(
    const std::string& stage) {
  return [stage](const std::vector<bus::PartitionLag>& lag) {
    Metrics& m = Standard();
    for (const bus::PartitionLag& p : lag) {
      m.SetConsumerLag(stage, p.partition.topic, p.partition.partition,
                       p.records);
    }
  };
}

}  // namespace frontline::metrics
