// dedup_bench: documents/s judged against an index of 10k and 100k documents,
// beside raw baselines on the same machine in the same run: RocksDB point
// lookups of as many keys as a judgement reads, and XXH3 over the same bytes.
// Documents are built from the seeds' sentences (FRONTLINE_SHARED_DIR/seeds),
// so names and figures overlap as much as real reporting of one week does.
#include <benchmark/benchmark.h>
#include <rocksdb/db.h>
#include <unistd.h>
#include <xxhash.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "libs/dedup/deduplicator.h"
#include "libs/dedup/fingerprint.h"

namespace fd = frontline::dedup;
namespace {

constexpr int64_t kT0 = 1736150000;
// Reads per judgement: verdict, external id, exact, 32 bands, 16 anchor
// bands (FingerprintOptions defaults).
constexpr int kReadsPerJudgement = 51;

const std::vector<std::string>& Sentences() {
  static const std::vector<std::string> sentences = [] {
    std::vector<std::string> out;
    const char* env = std::getenv("FRONTLINE_SHARED_DIR");
    const std::string dir =
        std::string(env ? env : FRONTLINE_SHARED_DIR) + "/seeds";
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      std::ifstream in(e.path());
      std::stringstream ss;
      ss << in.rdbuf();
      for (absl::string_view s : absl::StrSplit(ss.str(), ". ")) {
        if (s.size() > 40) out.emplace_back(s);
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }();
  return sentences;
}

const std::vector<std::string>& Vocabulary() {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> out;
    for (const std::string& s : Sentences()) {
      for (absl::string_view w : absl::StrSplit(s, ' ', absl::SkipEmpty())) {
        out.emplace_back(w);
      }
    }
    return out;
  }();
  return words;
}

// A distinct document of `sentences` seed sentences in which half the words
// are replaced by random words of the seeds (names and figures included), so
// documents share vocabulary, names and figures but not passages.
frontline::v1::Document MakeDoc(uint64_t n, int sentences) {
  std::mt19937_64 rng(n);
  const auto& pool = Sentences();
  const auto& vocabulary = Vocabulary();
  std::string text;
  for (int i = 0; i < sentences; ++i) {
    for (absl::string_view w :
         absl::StrSplit(pool[rng() % pool.size()], ' ', absl::SkipEmpty())) {
      absl::StrAppend(
          &text, rng() % 2 ? w : vocabulary[rng() % vocabulary.size()], " ");
    }
    text += ". ";
    if (i % 4 == 3) text += "\n\n";
  }
  frontline::v1::Document d;
  d.set_id(absl::StrCat("doc-", n));
  d.mutable_source()->set_id(absl::StrCat("feed:", n % 50));
  d.set_external_id(absl::StrCat("ext-", n));
  d.set_version(1);
  d.mutable_published_time()->set_seconds(kT0 + static_cast<int64_t>(n) * 20);
  d.set_text(text);
  return d;
}

uint64_t DirBytes(const std::string& dir) {
  uint64_t total = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) total += e.file_size();
  }
  return total;
}

std::string BenchDir(const std::string& name) {
  const std::string dir = (std::filesystem::temp_directory_path() /
                           absl::StrCat("dedup_bench_", ::getpid(), "_", name))
                              .string();
  std::filesystem::remove_all(dir);
  return dir;
}

struct Built {
  std::unique_ptr<fd::Deduplicator> dedup;
  std::string dir;
  uint64_t next = 0;
  double bytes = 0;
  double peak_bytes = 0;
  ~Built() {
    dedup.reset();
    if (!dir.empty()) std::filesystem::remove_all(dir);
  }
};

// Owned by main, released before static destruction (RocksDB's statics go
// first).
std::map<int64_t, Built>* indexes = nullptr;

Built& IndexOf(int64_t n) {
  Built& b = (*indexes)[n];
  if (b.dedup == nullptr) {
    fd::DedupOptions o;
    o.dir = b.dir = BenchDir(absl::StrCat("index_", n));
    b.dedup = *fd::Deduplicator::Open(o);
    double peak = 0;
    for (int64_t i = 0; i < n; ++i) {
      b.dedup->Index(MakeDoc(static_cast<uint64_t>(i), 12)).IgnoreError();
      if (i % 5000 == 4999) {
        peak = std::max(peak, static_cast<double>(DirBytes(b.dir)));
      }
    }
    b.dedup->Compact().IgnoreError();
    b.bytes = static_cast<double>(DirBytes(b.dir));
    b.peak_bytes = std::max(peak, b.bytes);
    b.next = static_cast<uint64_t>(n);
  }
  return b;
}

// Seed-sized documents (about 40 sentences, 800 words) judged and indexed.
void BM_Judge(benchmark::State& state) {
  Built& b = IndexOf(state.range(0));
  std::vector<frontline::v1::Document> docs;
  for (int i = 0; i < 256; ++i)
    docs.push_back(MakeDoc(1'000'000'000 + b.next++, 40));
  size_t i = 0;
  for (auto _ : state) {
    if (i == docs.size()) {
      state.PauseTiming();
      for (auto& d : docs) d = MakeDoc(1'000'000'000 + b.next++, 40);
      i = 0;
      state.ResumeTiming();
    }
    benchmark::DoNotOptimize(b.dedup->Judge(docs[i++]));
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["index_MB"] = b.bytes / 1e6;
  state.counters["peak_MB"] = b.peak_bytes / 1e6;
}
BENCHMARK(BM_Judge)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMicrosecond);

void BM_Fingerprint(benchmark::State& state) {
  const frontline::v1::Document d = MakeDoc(7, 40);
  for (auto _ : state) {
    benchmark::DoNotOptimize(fd::ComputeFingerprint(d, {}));
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * d.text().size());
}
BENCHMARK(BM_Fingerprint)->Unit(benchmark::kMicrosecond);

// Baseline: XXH3 over the same bytes as one judged document.
void BM_RawHashSameBytes(benchmark::State& state) {
  const frontline::v1::Document d = MakeDoc(7, 40);
  for (auto _ : state) {
    benchmark::DoNotOptimize(XXH3_64bits(d.text().data(), d.text().size()));
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * d.text().size());
}
BENCHMARK(BM_RawHashSameBytes);

struct RawDb {
  std::unique_ptr<rocksdb::DB> db;
  std::string dir = BenchDir("raw");
  ~RawDb() {
    db.reset();
    std::filesystem::remove_all(dir);
  }
};
RawDb* raw_db = nullptr;

// Baseline: raw RocksDB point lookups, as many per item as a judgement
// reads, in a DB with as many keys as the 100k index holds postings.
void BM_RawRocksDbLookups(benchmark::State& state) {
  if (raw_db == nullptr) raw_db = new RawDb();
  RawDb& holder = *raw_db;
  std::unique_ptr<rocksdb::DB>& db = holder.db;
  const int64_t keys = state.range(0) * 60;
  if (db == nullptr) {
    rocksdb::Options o;
    o.create_if_missing = true;
    rocksdb::DB* raw = nullptr;
    rocksdb::DB::Open(o, holder.dir, &raw).PermitUncheckedError();
    db.reset(raw);
    rocksdb::WriteBatch batch;
    for (int64_t k = 0; k < keys; ++k) {
      const uint64_t h = XXH3_64bits(&k, sizeof k);
      batch.Put(rocksdb::Slice(reinterpret_cast<const char*>(&h), 8), "value");
      if (batch.Count() == 10000) {
        db->Write(rocksdb::WriteOptions(), &batch).PermitUncheckedError();
        batch.Clear();
      }
    }
    db->Write(rocksdb::WriteOptions(), &batch).PermitUncheckedError();
    db->CompactRange(rocksdb::CompactRangeOptions(), nullptr, nullptr)
        .PermitUncheckedError();
  }
  std::mt19937_64 rng(1);
  std::string value;
  for (auto _ : state) {
    for (int i = 0; i < kReadsPerJudgement; ++i) {
      const int64_t k = static_cast<int64_t>(rng() % keys);
      const uint64_t h = XXH3_64bits(&k, sizeof k);
      db->Get(rocksdb::ReadOptions(),
              rocksdb::Slice(reinterpret_cast<const char*>(&h), 8), &value)
          .PermitUncheckedError();
    }
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RawRocksDbLookups)->Arg(100'000)->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char** argv) {
  indexes = new std::map<int64_t, Built>();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  delete indexes;
  delete raw_db;
  return 0;
}
