// The raw baseline of a load run's records: the run's own documents,
// serialized as the raw topic holds them (key, CloudEvents headers, value),
// written and read back through the engine the run used with nothing of
// Frontline in between — raw RocksDB for the local engine, raw librdkafka on
// the run's own (mock) cluster for Kafka (tools/bench/raw_baselines.h). The
// figures are medians over rounds, each on fresh storage.
#ifndef FRONTLINE_TOOLS_LOADGEN_RAW_BASELINE_H_
#define FRONTLINE_TOOLS_LOADGEN_RAW_BASELINE_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "tools/loadgen/corpus.h"
#include "tools/loadgen/load_run.h"

namespace frontline::loadgen {

struct RawBaselineOptions {
  std::string engine;         // "local" or "kafka"
  std::string kafka_brokers;  // kafka: the bootstrap servers of the run
  std::string dir;            // local: scratch space, removed afterwards
  int64_t records = 0;        // documents 0 .. records-1 of the corpus
  int rounds = 3;
};

// Measures, and fills the raw_* fields of `report`.
absl::Status MeasureRawBaseline(const Corpus& corpus,
                                const RawBaselineOptions& options,
                                LoadReport& report);

}  // namespace frontline::loadgen

#endif  // FRONTLINE_TOOLS_LOADGEN_RAW_BASELINE_H_
