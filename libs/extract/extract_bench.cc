// extract_bench: the claim coder's throughput over seed-like text, beside a
// raw pass over the same bytes (a byte scan, the gazetteer match alone).
//
//   extract_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only
//
// Texts: the five seeds (libs/testing/seeds.h) when present, else the labeled
// set's documents.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "benchmark/benchmark.h"
#include "libs/extract/extractor.h"
#include "libs/gazetteer/gazetteer.h"
#include "libs/testing/seeds.h"
#include "libs/text/relative_date.h"

namespace frontline::extract {
namespace {

std::vector<std::string> Corpus() {
  std::vector<std::string> texts;
  absl::StatusOr<std::vector<seeds::Seed>> loaded =
      seeds::ReadSeeds(seeds::SeedsDir());
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s\n", loaded.status().ToString().c_str());
    std::exit(1);
  }
  for (seeds::Seed& seed : *loaded) texts.push_back(std::move(seed.text));
  if (texts.empty()) {
    std::ifstream in(std::string(FRONTLINE_EXTRACT_LABELED) + "/tuned.jsonl");
    std::string line;
    while (std::getline(in, line)) texts.push_back(line);
  }
  return texts;
}

struct Fixture {
  std::vector<std::string> texts = Corpus();
  gazetteer::Gazetteer gazetteer =
      *gazetteer::Gazetteer::Load(FRONTLINE_GAZETTEER_DATA);
  text::RelativeDateResolver dates =
      *text::RelativeDateResolver::Load(FRONTLINE_CALENDAR_DATA);
  Extractor extractor =
      *Extractor::Load(FRONTLINE_EXTRACT_DATA, gazetteer, &dates);
  int64_t bytes = [this] {
    int64_t total = 0;
    for (const auto& t : texts) total += t.size();
    return total;
  }();
};

Fixture& Shared() {
  static Fixture* fixture = new Fixture;
  return *fixture;
}

void Finish(benchmark::State& state) {
  const Fixture& f = Shared();
  state.SetItemsProcessed(state.iterations() * f.texts.size());
  state.SetBytesProcessed(state.iterations() * f.bytes);
}

void BM_ByteScan(benchmark::State& state) {
  const Fixture& f = Shared();
  for (auto _ : state) {
    int64_t marks = 0;
    for (const std::string& t : f.texts) {
      for (char c : t) marks += c == '.';
    }
    benchmark::DoNotOptimize(marks);
  }
  Finish(state);
}
BENCHMARK(BM_ByteScan);

void BM_GazetteerMatch(benchmark::State& state) {
  const Fixture& f = Shared();
  for (auto _ : state) {
    for (const std::string& t : f.texts) {
      benchmark::DoNotOptimize(f.gazetteer.Match(t));
    }
  }
  Finish(state);
}
BENCHMARK(BM_GazetteerMatch);

void BM_Extract(benchmark::State& state) {
  const Fixture& f = Shared();
  const absl::Time published = absl::FromUnixSeconds(1736164980);
  for (auto _ : state) {
    for (const std::string& t : f.texts) {
      benchmark::DoNotOptimize(f.extractor.Extract(t, published, "en"));
    }
  }
  Finish(state);
}
BENCHMARK(BM_Extract);

}  // namespace
}  // namespace frontline::extract

BENCHMARK_MAIN();
