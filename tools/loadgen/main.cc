// loadgen: drives the whole system (started here on either engine, or
// attached with --target) with synthetic documents at a fixed rate, and
// reports sustained documents/s, ingest-to-queryable latency, query latency
// under that load and peak RSS as the corpus grows, each against a raw
// baseline measured in the same run: the same records through the raw engine
// (raw_baseline.h), and the empty RPC on the same server (load_run.h). See
// docs/BENCHMARKS.md.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "CLI/CLI.hpp"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "tools/loadgen/corpus.h"
#include "tools/loadgen/load_run.h"
#include "tools/loadgen/raw_baseline.h"
#include "tools/loadgen/report.h"
#include "tools/loadgen/system.h"

namespace frontline::loadgen {
namespace {

int Fail(const std::string& what) {
  std::cerr << "loadgen: " << what << "\n";
  return 1;
}

int Main(int argc, char** argv) {
  SystemOptions system_options{.frontline = FRONTLINE_BINARY,
                               .source_dir = FRONTLINE_SOURCE_DIR};
  LoadOptions load;
  CorpusOptions corpus_options;
  std::string target, json_path, data_dir;
  std::vector<double> rates;
  double duration_s = 0, drain_s = 120, progress_s = 10;
  bool keep = false;
  int baseline_rounds = 3;
  int64_t baseline_records = 100000, baseline_kafka_records = 20000;

  CLI::App app{
      "loadgen: the whole system under a fixed rate of documents, with "
      "queries"};
  app.add_option("--engine", system_options.engine, "local or kafka")
      ->check(CLI::IsMember({"local", "kafka"}))
      ->capture_default_str();
  app.add_option("--target", target,
                 "Attach to a running system's gRPC API (HOST:PORT) instead "
                 "of starting one (no memory figures then)");
  app.add_option("--frontline", system_options.frontline,
                 "The frontline binary")
      ->capture_default_str();
  app.add_option("--source-dir", system_options.source_dir,
                 "Checkout root (gazetteer, dictionaries); the services' cwd")
      ->capture_default_str();
  app.add_option("--data", data_dir,
                 "Data and logs of the started system (default: a new "
                 "temporary directory, removed unless --keep)");
  app.add_flag("--keep", keep, "Keep the data directory");
  app.add_option("--partitions", system_options.partitions,
                 "Partitions per topic (kafka)")
      ->capture_default_str();
  auto* rate = app.add_option("--rate", load.rate, "Documents per second")
                   ->capture_default_str();
  app.add_option("--rates", rates,
                 "A sweep: one run per rate, each on a fresh system")
      ->delimiter(',')
      ->excludes(rate);
  app.add_option("--duration", duration_s, "Seconds of sending");
  app.add_option("--docs", load.documents, "Documents to send");
  app.add_option("--drain", drain_s,
                 "Seconds to wait after the last send for the rest")
      ->capture_default_str();
  app.add_option("--query-threads", load.query_threads)->capture_default_str();
  app.add_option("--query-rate", load.query_rate,
                 "Queries per second, all threads together")
      ->capture_default_str();
  app.add_option("--checkpoints", load.checkpoints,
                 "Corpus sizes at which a row is recorded")
      ->delimiter(',');
  app.add_option("--seed", corpus_options.seed)->capture_default_str();
  app.add_option("--duplicates", corpus_options.duplicate_share,
                 "Share of documents that repost an earlier one")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  app.add_option("--progress", progress_s,
                 "Progress on stderr every this many seconds (0: none)")
      ->capture_default_str();
  app.add_option("--json", json_path, "Also write the report as JSON here");
  app.add_option("--baseline-rounds", baseline_rounds,
                 "Rounds of the raw record baseline after each run (0: none)")
      ->capture_default_str();
  app.add_option("--baseline-records", baseline_records,
                 "At most this many of the run's documents in the raw "
                 "baseline (local)")
      ->capture_default_str();
  app.add_option("--baseline-kafka-records", baseline_kafka_records,
                 "The same for Kafka (the mock keeps a few MB per partition)")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  if (load.documents <= 0 && duration_s <= 0) {
    return Fail("give --docs or --duration");
  }
  load.duration = absl::Seconds(duration_s);
  load.drain = absl::Seconds(drain_s);
  load.progress = absl::Seconds(progress_s);
  if (rates.empty()) rates.push_back(load.rate);

  auto places = LoadCorpusPlaces(system_options.source_dir +
                                 "/libs/gazetteer/data/places.tsv");
  if (!places.ok()) return Fail(places.status().ToString());

  std::vector<LoadReport> reports;
  bool all_queryable = true, all_baselines = true;
  for (double r : rates) {
    load.rate = r;
    // Fresh ids per run, so an attached system sees new documents.
    corpus_options.run_id =
        absl::StrCat("load-", corpus_options.seed, "-",
                     absl::ToUnixSeconds(absl::Now()), "-", reports.size());
    Corpus corpus(*places, corpus_options);
    std::unique_ptr<System> system;
    std::string dir;
    if (target.empty()) {
      dir = data_dir.empty()
                ? (std::filesystem::temp_directory_path() /
                   absl::StrCat("frontline-loadgen-", getpid(), "-",
                                reports.size()))
                      .string()
                : (rates.size() == 1
                       ? data_dir
                       : absl::StrCat(data_dir, "/", reports.size()));
      system_options.data_dir = dir;
      auto started = System::Start(system_options);
      if (!started.ok()) return Fail(started.status().ToString());
      system = *std::move(started);
    }
    auto report = RunLoad(target.empty() ? system->target() : target, corpus,
                          load, system.get());
    bool baseline_failed = false;
    if (report.ok() && system && baseline_rounds > 0 && report->submitted > 0) {
      const RawBaselineOptions raw{
          .engine = system_options.engine,
          .kafka_brokers = system->kafka_brokers(),
          .dir = dir + "/raw-baseline",
          .records =
              std::min(report->submitted, system_options.engine == "kafka"
                                              ? baseline_kafka_records
                                              : baseline_records),
          .rounds = baseline_rounds};
      if (absl::Status s = MeasureRawBaseline(corpus, raw, *report); !s.ok()) {
        std::cerr << "loadgen: raw baseline: " << s << "\n";
        baseline_failed = true;
      }
    }
    if (system) system->Stop();
    if (!report.ok()) return Fail(report.status().ToString());
    report->engine = target.empty() ? system_options.engine : "attached";
    std::printf("%s\n", FormatTable(*report).c_str());
    std::fflush(stdout);
    all_queryable = all_queryable &&
                    report->queryable + report->rejected == report->submitted &&
                    report->rejected == 0;
    all_baselines = all_baselines && !baseline_failed;
    reports.push_back(*std::move(report));
    if (!dir.empty() && !keep) std::filesystem::remove_all(dir);
  }
  if (reports.size() > 1) std::printf("%s", FormatSweep(reports).c_str());
  if (!json_path.empty()) {
    std::ofstream out(json_path);
    out << ToJson(reports) << "\n";
    if (!out) return Fail("cannot write " + json_path);
  }
  return !all_queryable ? 3 : all_baselines ? 0 : 4;
}

}  // namespace
}  // namespace frontline::loadgen

int main(int argc, char** argv) { return frontline::loadgen::Main(argc, argv); }
