// Raw baselines for benchmarks: the same records written and read back
// through RocksDB or librdkafka with nothing of Frontline in between, so that
// a benchmark prints its figure as a ratio against a baseline measured in the
// same run. Each call times one round on fresh storage (a new RocksDB, or a
// topic not used before) and removes what it created on disk.
#ifndef FRONTLINE_TOOLS_BENCH_RAW_BASELINES_H_
#define FRONTLINE_TOOLS_BENCH_RAW_BASELINES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "libs/bus/record.h"

namespace frontline::bench {

struct RawTimes {
  int64_t records = 0;
  double write_s = 0;
  double read_s = 0;

  double write_per_s() const { return records / write_s; }
  double read_per_s() const { return records / read_s; }
  // Records written and read back per second.
  double round_trip_per_s() const { return records / (write_s + read_s); }
};

// One `DB::Put` per message value into a new RocksDB in `dir` (the local
// engine's options: LZ4, 64 MB write buffer, parallelism 2), then one
// iterator over everything that copies each key and value out.
absl::StatusOr<RawTimes> RawRocksDb(const std::vector<bus::Message>& messages,
                                    const std::string& dir);

// `rd_kafka_producev` of each message (key, value, headers) to `topic` with
// the Bus's producer settings (idempotent, acks=all, lz4, linger.ms=5,
// murmur2) and a flush, then an assigned consumer reading every partition of
// `topic` from the beginning. The topic must exist, or the cluster must
// create it on first use (librdkafka's mock cluster does, with its default
// partition count); it should hold nothing else.
absl::StatusOr<RawTimes> RawLibrdkafka(
    const std::string& brokers, const std::string& topic,
    const std::vector<bus::Message>& messages);

}  // namespace frontline::bench

#endif  // FRONTLINE_TOOLS_BENCH_RAW_BASELINES_H_
