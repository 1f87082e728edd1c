#include "tools/loadgen/raw_baseline.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/pipeline/raw_documents.h"
#include "tools/bench/raw_baselines.h"

namespace frontline::loadgen {
namespace {

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

void RemoveScratch(const RawBaselineOptions& options) {
  std::error_code ignored;
  if (!options.dir.empty()) std::filesystem::remove_all(options.dir, ignored);
}

}  // namespace

absl::Status MeasureRawBaseline(const Corpus& corpus,
                                const RawBaselineOptions& options,
                                LoadReport& report) {
  if (options.records <= 0 || options.rounds <= 0) {
    return absl::InvalidArgumentError("no records or no rounds");
  }
  if (options.engine != "local" && options.engine != "kafka") {
    return absl::InvalidArgumentError(
        absl::StrCat("no raw baseline for engine ", options.engine));
  }
  std::vector<bus::Message> messages;
  messages.reserve(options.records);
  double bytes = 0;
  for (int64_t i = 0; i < options.records; ++i) {
    messages.push_back(
        pipeline::RawDocumentMessage(corpus.Document(i), "/frontline/ingest"));
    bytes += messages.back().value.size();
  }
  std::vector<double> round_trip, write, read;
  for (int round = 0; round < options.rounds; ++round) {
    absl::StatusOr<bench::RawTimes> times =
        options.engine == "local"
            ? bench::RawRocksDb(messages,
                                absl::StrCat(options.dir, "/raw-", round))
            : bench::RawLibrdkafka(
                  options.kafka_brokers,
                  absl::StrCat("loadgen-raw-baseline-", getpid(), "-",
                               absl::ToUnixNanos(absl::Now()), "-", round),
                  messages);
    if (!times.ok()) {
      RemoveScratch(options);
      return times.status();
    }
    round_trip.push_back(times->round_trip_per_s());
    write.push_back(times->write_per_s());
    read.push_back(times->read_per_s());
  }
  RemoveScratch(options);
  report.raw_engine = options.engine == "local"
                          ? "raw RocksDB (Put, then iterate)"
                          : "raw librdkafka (produce, then consume) on the "
                            "same cluster";
  report.raw_records = options.records;
  report.raw_rounds = options.rounds;
  report.raw_record_bytes = bytes / options.records;
  report.raw_docs_per_s = Median(round_trip);
  report.raw_write_per_s = Median(write);
  report.raw_read_per_s = Median(read);
  return absl::OkStatus();
}

}  // namespace frontline::loadgen
