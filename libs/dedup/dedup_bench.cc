// dedup_bench: what judging costs, beside raw baselines measured in the same
// run, on synthetic documents (synthetic_docs.h).
//   1. Throughput: documents/s judged (fingerprint, index lookups, verify,
//      index) against an index of 10^4 documents, for short posts (~300 B)
//      and 5 KB articles, fingerprinting alone, and XXH3 over the same
//      bytes; wall and process CPU time (RocksDB's threads included),
//      medians of 5 runs; ratio = XXH3 / judge, both CPU.
//   2. Growth: one index loaded (Deduplicator::Load: indexed, not judged)
//      with short posts up to --max documents; at
//      10^4, 10^5, 10^6: bytes on disk after flush and full compaction, and
//      per-document judge time (median, p90) of new documents and of near
//      copies of indexed ones, beside one point read of the index (VerdictOf).
// Usage: dedup_bench [--max=N] [--skip_throughput] [--dir=DIR]
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "libs/dedup/deduplicator.h"
#include "libs/dedup/fingerprint.h"
#include "libs/dedup/synthetic_docs.h"

namespace fd = frontline::dedup;
namespace {

using Clock = std::chrono::steady_clock;
constexpr int64_t kT0 = 1736150000;
constexpr size_t kShort = 260;
constexpr size_t kArticle = 5000;

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

double Quantile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[static_cast<size_t>(q * (v.size() - 1))];
}

struct DirSize {
  uint64_t sst = 0;
  uint64_t total = 0;
};

DirSize SizeOf(const std::string& dir) {
  DirSize s;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    s.total += e.file_size();
    if (e.path().extension() == ".sst") s.sst += e.file_size();
  }
  return s;
}

std::unique_ptr<fd::Deduplicator> OpenIndex(const std::string& dir) {
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto d = fd::Deduplicator::Open({.dir = dir});
  if (!d.ok()) {
    std::fprintf(stderr, "open %s: %s\n", dir.c_str(),
                 d.status().ToString().c_str());
    std::exit(1);
  }
  return *std::move(d);
}

// Document numbers: the index fill from 0, probes far above.
uint64_t next_probe = 1'000'000'000;

void Throughput(const std::string& base) {
  const std::string dir = base + "/throughput";
  auto dedup = OpenIndex(dir);
  for (uint64_t i = 0; i < 10'000; ++i) {
    dedup->Load(fd::bench::SyntheticDoc(i, kShort, kT0)).IgnoreError();
  }
  dedup->Compact().IgnoreError();
  std::printf("throughput, index of 10^4 short posts; medians of 5 runs\n");
  std::printf("%-8s %8s %12s %12s %12s %12s %12s %8s\n", "docs", "bytes",
              "judge doc/s", "judge (CPU)", "fprint doc/s", "xxh3 doc/s",
              "xxh3 (CPU)", "ratio");
  for (const auto& [name, bytes, count] :
       {std::tuple<const char*, size_t, int>{"short", kShort, 2000},
        {"article", kArticle, 300}}) {
    std::vector<double> judge, judge_cpu, fprint, hash, hash_cpu;
    double avg_bytes = 0;
    for (int rep = 0; rep < 5; ++rep) {
      std::vector<frontline::v1::Document> docs;
      for (int i = 0; i < count; ++i) {
        // Numbers inside the index's time span, never indexed.
        docs.push_back(fd::bench::SyntheticDoc(next_probe++, bytes, kT0));
        docs.back().mutable_published_time()->set_seconds(kT0 + i);
      }
      size_t total = 0;
      for (const auto& d : docs) total += d.text().size();
      avg_bytes = 1.0 * total / count;
      auto t0 = Clock::now();
      for (const auto& d : docs) fd::ComputeFingerprint(d, {});
      auto t1 = Clock::now();
      const std::clock_t c1 = std::clock();
      for (const auto& d : docs) dedup->Judge(d).IgnoreError();
      auto t2 = Clock::now();
      const std::clock_t c2 = std::clock();
      uint64_t sink = 0;
      constexpr int kHashPasses = 200;
      for (int p = 0; p < kHashPasses; ++p) {
        for (const auto& d : docs) {
          sink += XXH3_64bits_withSeed(d.text().data(), d.text().size(), p);
        }
      }
      auto t3 = Clock::now();
      const std::clock_t c3 = std::clock();
      if (sink == 42) std::printf(" ");
      fprint.push_back(count / Seconds(t0, t1));
      judge.push_back(count / Seconds(t1, t2));
      judge_cpu.push_back(count * 1.0 * CLOCKS_PER_SEC / (c2 - c1));
      hash.push_back(count * kHashPasses / Seconds(t2, t3));
      hash_cpu.push_back(count * kHashPasses * 1.0 * CLOCKS_PER_SEC /
                         std::max<std::clock_t>(1, c3 - c2));
    }
    std::printf("%-8s %8.0f %12.0f %12.0f %12.0f %12.0f %12.0f %8.0f\n", name,
                avg_bytes, Median(judge), Median(judge_cpu), Median(fprint),
                Median(hash), Median(hash_cpu),
                Median(hash_cpu) / Median(judge_cpu));
  }
  dedup.reset();
  std::filesystem::remove_all(dir);
}

void Growth(const std::string& base, uint64_t max) {
  const std::string dir = base + "/growth";
  auto dedup = OpenIndex(dir);
  std::printf(
      "\ngrowth: index of short posts; per-document judge time of 500 new "
      "documents and 500 near copies (microseconds)\n");
  std::printf("%9s %9s %8s %8s %8s %8s %8s %8s %7s %7s %8s %10s\n", "docs",
              "load/s", "SST MB", "dir MB", "B/doc", "new p50", "new p90",
              "copy p50", "copy90", "read", "recall", "false dup");
  uint64_t filled = 0;
  for (uint64_t checkpoint = 10'000; checkpoint <= max; checkpoint *= 10) {
    auto t0 = Clock::now();
    for (; filled < checkpoint; ++filled) {
      dedup->Load(fd::bench::SyntheticDoc(filled, kShort, kT0)).IgnoreError();
    }
    const double fill_rate =
        (checkpoint - checkpoint / 10 * (checkpoint > 10'000)) /
        Seconds(t0, Clock::now());
    dedup->Compact().IgnoreError();
    const DirSize size = SizeOf(dir);

    // Probes: new documents and near copies of indexed ones, all timed
    // within the index's time span.
    std::mt19937_64 rng(checkpoint);
    std::vector<double> fresh, copies, reads;
    int recalled = 0, false_dups = 0;
    for (int i = 0; i < 500; ++i) {
      frontline::v1::Document d =
          fd::bench::SyntheticDoc(next_probe++, kShort, kT0);
      d.mutable_published_time()->set_seconds(
          kT0 + static_cast<int64_t>(rng() % checkpoint) * 2);
      auto a = Clock::now();
      auto v = dedup->Judge(d);
      fresh.push_back(Seconds(a, Clock::now()) * 1e6);
      if (v.ok() && v->verdict() == frontline::v1::VERDICT_DUPLICATE) {
        ++false_dups;
      }
      const uint64_t target = rng() % checkpoint;
      const frontline::v1::Document orig =
          fd::bench::SyntheticDoc(target, kShort, kT0);
      const frontline::v1::Document copy =
          fd::bench::NearCopy(orig, next_probe++, 20);
      a = Clock::now();
      v = dedup->Judge(copy);
      copies.push_back(Seconds(a, Clock::now()) * 1e6);
      if (v.ok() && v->verdict() == frontline::v1::VERDICT_DUPLICATE &&
          v->duplicate_of() == orig.id()) {
        ++recalled;
      }
      const std::string id =
          fd::bench::SyntheticDoc(rng() % checkpoint, 1, kT0).id();
      a = Clock::now();
      auto r = dedup->VerdictOf(id);
      reads.push_back(Seconds(a, Clock::now()) * 1e6);
      if (!r.ok() || !r->has_value()) std::printf("missing %s\n", id.c_str());
    }
    std::printf(
        "%9llu %9.0f %8.1f %8.1f %8.0f %8.0f %8.0f %8.0f %7.0f %7.1f %8.3f "
        "%10d\n",
        static_cast<unsigned long long>(checkpoint), fill_rate, size.sst / 1e6,
        size.total / 1e6, 1.0 * size.sst / checkpoint, Median(fresh),
        Quantile(fresh, 0.9), Median(copies), Quantile(copies, 0.9),
        Median(reads), recalled / 500.0, false_dups);
    std::fflush(stdout);
  }
  dedup.reset();
  std::filesystem::remove_all(dir);
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t max = 100'000;
  bool throughput = true;
  std::string base = (std::filesystem::temp_directory_path() /
                      absl::StrCat("dedup_bench_", ::getpid()))
                         .string();
  for (int i = 1; i < argc; ++i) {
    absl::string_view a = argv[i];
    if (absl::ConsumePrefix(&a, "--max=")) {
      if (!absl::SimpleAtoi(a, &max)) return 2;
    } else if (a == "--skip_throughput") {
      throughput = false;
    } else if (absl::ConsumePrefix(&a, "--dir=")) {
      base = std::string(a);
    } else {
      std::fprintf(stderr,
                   "usage: dedup_bench [--max=N] [--skip_throughput] "
                   "[--dir=DIR]\n");
      return 2;
    }
  }
  if (throughput) Throughput(base);
  Growth(base, max);
  std::filesystem::remove_all(base);
  return 0;
}
