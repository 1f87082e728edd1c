// A LoadReport as a text table (for people) and as JSON (for scripts and the
// smoke test). The JSON's keys are the LoadReport and Band field names, and
// the ratios to the baselines: query_echo_p50_ratio, query_echo_p99_ratio
// (query latency / empty RPC latency) and sustained_raw_ratio (sustained
// docs/s / raw engine docs/s); a ratio is 0 when its baseline is missing.
#ifndef FRONTLINE_TOOLS_LOADGEN_REPORT_H_
#define FRONTLINE_TOOLS_LOADGEN_REPORT_H_

#include <string>
#include <vector>

#include "tools/loadgen/load_run.h"

namespace frontline::loadgen {

std::string FormatTable(const LoadReport& report);
// One line per run, for a sweep over rates.
std::string FormatSweep(const std::vector<LoadReport>& reports);
std::string ToJson(const std::vector<LoadReport>& reports);

}  // namespace frontline::loadgen

#endif  // FRONTLINE_TOOLS_LOADGEN_REPORT_H_
