// Metrics of a pipeline stage, fed by StageRunner's per-round counters.
#ifndef FRONTLINE_LIBS_METRICS_STAGE_METRICS_H_
#define FRONTLINE_LIBS_METRICS_STAGE_METRICS_H_

#include <functional>
#include <string>
#include <vector>

#include "libs/bus/stage_runner.h"

namespace frontline::metrics {

// For StageOptions::on_round: adds each round's records to
// records_in_total{stage,topic}, dead letters to dead_letters_total and
// retries and failed commits to errors_total{stage,code="UNAVAILABLE"} of the
// standard metrics.
std::function<void(const bus::StageCounters&)> StageMetrics(
    const std::string& stage, const std::string& input_topic);

// Adds a stage's durable output to records_out_total{stage,topic}.
std::function<void(uint64_t records)> StageOutputMetrics(
    const std::string& stage, const std::string& output_topic);

// Counts one duplicate of `kind` in duplicates_total{stage,kind}.
std::function<void(const std::string& kind)> DuplicateMetrics(
    const std::string& stage);

// For StageOptions::on_lag: sets consumer_lag{stage,topic,partition}.
std::function<void(const std::vector<bus::PartitionLag>&)> StageLagMetrics(
    const std::string& stage);

}  // namespace frontline::metrics

#endif  // FRONTLINE_LIBS_METRICS_STAGE_METRICS_H_
