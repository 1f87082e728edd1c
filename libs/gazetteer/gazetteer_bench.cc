// Matching throughput over seed-like text, with raw baselines over the same
// bytes: one std::string::find of a single name, the normalizer alone, the
// automaton alone, and a loop of std::string::find over every name (what the
// automaton replaces).
//
//   build/libs/gazetteer/gazetteer_bench --benchmark_repetitions=5
//     --benchmark_report_aggregates_only=true
//
// The text is the five seed reports (libs/testing/seeds.h), in file-name
// order, repeated to 256 KiB.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "libs/gazetteer/aho_corasick.h"
#include "libs/gazetteer/gazetteer.h"
#include "libs/gazetteer/normalizer.h"
#include "libs/testing/seeds.h"

namespace frontline::gazetteer {
namespace {

constexpr size_t kTextBytes = 256 * 1024;

std::string SeedText() {
  absl::StatusOr<std::vector<seeds::Seed>> loaded =
      seeds::ReadSeeds(seeds::SeedsDir());
  if (!loaded.ok()) {
    std::cerr << loaded.status() << "\n";
    std::exit(1);
  }
  if (loaded->empty()) {
    std::cerr << "no seeds in " << seeds::SeedsDir() << "\n";
    std::exit(1);
  }
  std::string all;
  for (const seeds::Seed& seed : *loaded) {
    all += seed.text;
    all += "\n";
  }
  std::string text;
  while (text.size() < kTextBytes) text += all;
  return text;
}

const std::string& Text() {
  static const auto* text = new std::string(SeedText());
  return *text;
}

const Gazetteer& TheGazetteer() {
  static const Gazetteer* gazetteer = [] {
    absl::StatusOr<Gazetteer> loaded =
        Gazetteer::Load(FRONTLINE_GAZETTEER_DATA);
    if (!loaded.ok()) {
      std::cerr << loaded.status() << "\n";
      std::exit(1);
    }
    return new Gazetteer(*std::move(loaded));
  }();
  return *gazetteer;
}

void BM_GazetteerMatch(benchmark::State& state) {
  const Gazetteer& gazetteer = TheGazetteer();
  const std::string& text = Text();
  size_t mentions = 0;
  for (auto _ : state) {
    std::vector<Mention> found = gazetteer.Match(text);
    mentions = found.size();
    benchmark::DoNotOptimize(found.data());
  }
  state.counters["mentions"] = static_cast<double>(mentions);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_GazetteerMatch);

void BM_NormalizeOnly(benchmark::State& state) {
  const Normalizer normalizer = *Normalizer::Create();
  const std::string& text = Text();
  for (auto _ : state) {
    NormalizedText normalized = normalizer.Normalize(text);
    benchmark::DoNotOptimize(normalized.text.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_NormalizeOnly);

std::vector<std::string> AllFoldedNames() {
  const Normalizer normalizer = *Normalizer::Create();
  std::vector<std::string> names;
  for (const Place& place : TheGazetteer().places()) {
    names.push_back(normalizer.Fold(place.name));
    for (const auto& alias : place.aliases) {
      names.push_back(normalizer.Fold(alias));
    }
    for (const auto& alias : place.capitalized_aliases) {
      names.push_back(normalizer.Fold(alias));
    }
  }
  return names;
}

void BM_AutomatonOnly(benchmark::State& state) {
  const AhoCorasick automaton(AllFoldedNames());
  const std::string folded = Normalizer::Create()->Normalize(Text()).text;
  for (auto _ : state) {
    auto found = automaton.FindAll(folded);
    benchmark::DoNotOptimize(found.data());
  }
  state.counters["states"] = static_cast<double>(automaton.state_count());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(folded.size()));
}
BENCHMARK(BM_AutomatonOnly);

// Baseline: the raw cost of scanning the bytes for one name.
void BM_StringFindOneName(benchmark::State& state) {
  const std::string& text = Text();
  const std::string name = "Kurakhove";
  size_t count = 0;
  for (auto _ : state) {
    count = 0;
    for (size_t at = text.find(name); at != std::string::npos;
         at = text.find(name, at + 1)) {
      ++count;
    }
    benchmark::DoNotOptimize(count);
  }
  state.counters["hits"] = static_cast<double>(count);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_StringFindOneName);

// What the automaton replaces: one std::string::find pass per folded name.
void BM_StringFindEveryName(benchmark::State& state) {
  const std::vector<std::string> names = AllFoldedNames();
  const std::string folded = Normalizer::Create()->Normalize(Text()).text;
  for (auto _ : state) {
    size_t count = 0;
    for (const std::string& name : names) {
      for (size_t at = folded.find(name); at != std::string::npos;
           at = folded.find(name, at + 1)) {
        ++count;
      }
    }
    benchmark::DoNotOptimize(count);
  }
  state.counters["names"] = static_cast<double>(names.size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(folded.size()));
}
BENCHMARK(BM_StringFindEveryName)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace frontline::gazetteer

BENCHMARK_MAIN();
