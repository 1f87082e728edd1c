// normalize_bench: the whole Normalizer (HTML to text, language, URL,
// places, claims) per document, beside a raw pass over the same bytes in the
// same run (a byte scan: the ceiling no parser can beat).
//
//   normalize_bench --benchmark_repetitions=5
//   --benchmark_report_aggregates_only
//
// Documents: the three HTML articles of libs/text/testdata (en, uk, ru) and,
// when present, the five seed reports (libs/testing/seeds.h) as plain text.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "frontline/v1/raw_document.pb.h"
#include "libs/normalize/normalizer.h"
#include "libs/testing/seeds.h"

namespace frontline::normalize {
namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

v1::RawDocument Raw(const std::string& id, v1::RawFormat format,
                    const std::string& content_type, std::string body) {
  v1::RawDocument raw;
  raw.set_id(id);
  raw.mutable_source()->set_id("bench:" + id);
  raw.set_external_id(id);
  raw.set_version(1);
  raw.set_format(format);
  raw.set_content_type(content_type);
  raw.set_body(std::move(body));
  raw.set_url("https://example.org/" + id + "?utm_source=bench");
  raw.mutable_published_time()->set_seconds(1736121600);
  return raw;
}

std::vector<v1::RawDocument> Corpus() {
  std::vector<v1::RawDocument> docs;
  const std::filesystem::path root = FRONTLINE_SOURCE_DIR;
  for (const char* name : {"english_article.html", "ukrainian_article.html",
                           "russian_article.html"}) {
    docs.push_back(Raw(name, v1::RAW_FORMAT_HTML, "text/html; charset=utf-8",
                       ReadFile(root / "libs/text/testdata" / name)));
  }
  absl::StatusOr<std::vector<seeds::Seed>> loaded =
      seeds::ReadSeeds(seeds::SeedsDir());
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s\n", loaded.status().ToString().c_str());
    std::exit(1);
  }
  for (seeds::Seed& seed : *loaded) {
    docs.push_back(Raw(seed.name, v1::RAW_FORMAT_PLAIN_TEXT,
                       "text/plain; charset=utf-8", std::move(seed.text)));
  }
  return docs;
}

struct Fixture {
  std::vector<v1::RawDocument> docs = Corpus();
  std::unique_ptr<Normalizer> normalizer = [] {
    const std::filesystem::path root = FRONTLINE_SOURCE_DIR;
    NormalizerData data;
    data.places_tsv = (root / data.places_tsv).string();
    data.extract_dir = (root / data.extract_dir).string();
    data.text_dir = (root / data.text_dir).string();
    return *Normalizer::Load(data);
  }();
  int64_t bytes = [this] {
    int64_t total = 0;
    for (const auto& d : docs) total += d.body().size();
    return total;
  }();
};

Fixture& Shared() {
  static Fixture* fixture = new Fixture;
  return *fixture;
}

void Report(benchmark::State& state, const Fixture& f) {
  state.SetItemsProcessed(state.iterations() * int64_t(f.docs.size()));
  state.SetBytesProcessed(state.iterations() * f.bytes);
}

// The ceiling: one read of every byte.
void BM_ByteScan(benchmark::State& state) {
  const Fixture& f = Shared();
  for (auto _ : state) {
    size_t periods = 0;
    for (const auto& d : f.docs) {
      for (char c : d.body()) periods += c == '.';
    }
    benchmark::DoNotOptimize(periods);
  }
  Report(state, f);
}
BENCHMARK(BM_ByteScan);

void BM_Normalize(benchmark::State& state) {
  const Fixture& f = Shared();
  for (auto _ : state) {
    size_t claims = 0;
    for (const auto& d : f.docs) {
      auto doc = f.normalizer->Normalize(d);
      if (!doc.ok()) {
        state.SkipWithError(doc.status().ToString().c_str());
        return;
      }
      claims += doc->claims_size();
    }
    benchmark::DoNotOptimize(claims);
  }
  Report(state, f);
}
BENCHMARK(BM_Normalize);

}  // namespace
}  // namespace frontline::normalize

BENCHMARK_MAIN();
