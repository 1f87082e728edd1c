// Throughput of the streaming Desktop export reader against raw baselines
// over the same bytes: nlohmann's SAX parser with a no-op handler (the floor
// for any JSON reader built on it) and a plain byte scan.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <sstream>
#include <string>

#include "libs/telegram/export_generator.h"
#include "libs/telegram/export_reader.h"
#include "libs/telegram/raw_document.h"
#include "nlohmann/json.hpp"

namespace frontline::telegram {
namespace {

constexpr int kMessages = 50000;

const std::string& ExportBytes() {
  static const std::string* bytes =
      new std::string(testing::GenerateExport(kMessages));
  return *bytes;
}

struct NullSax {
  using Json = nlohmann::json;
  bool null() { return true; }
  bool boolean(bool) { return true; }
  bool number_integer(Json::number_integer_t) { return true; }
  bool number_unsigned(Json::number_unsigned_t) { return true; }
  bool number_float(Json::number_float_t, const std::string&) { return true; }
  bool string(std::string&) { return true; }
  bool binary(Json::binary_t&) { return true; }
  bool start_object(std::size_t) { return true; }
  bool key(std::string&) { return true; }
  bool end_object() { return true; }
  bool start_array(std::size_t) { return true; }
  bool end_array() { return true; }
  bool parse_error(std::size_t, const std::string&,
                   const nlohmann::detail::exception&) {
    return false;
  }
};

void SetCounters(benchmark::State& state, int64_t items) {
  state.SetItemsProcessed(state.iterations() * items);
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(ExportBytes().size()));
  state.counters["file_MB"] =
      static_cast<double>(ExportBytes().size()) / (1 << 20);
}

void BM_ReadDesktopExport(benchmark::State& state) {
  const std::string& bytes = ExportBytes();
  int64_t posts = 0;
  ExportSummary summary;
  for (auto _ : state) {
    std::istringstream in(bytes);
    posts = 0;
    absl::Status status = ReadDesktopExport(
        in, {},
        [&posts](Post post) {
          benchmark::DoNotOptimize(post.text.data());
          ++posts;
          return absl::OkStatus();
        },
        nullptr, &summary);
    if (!status.ok())
      state.SkipWithError(std::string(status.message()).c_str());
  }
  SetCounters(state, posts);
  state.counters["largest_msg_B"] =
      static_cast<double>(summary.largest_message_bytes);
}
BENCHMARK(BM_ReadDesktopExport)->Unit(benchmark::kMillisecond);

void BM_ReadDesktopExportToRawDocument(benchmark::State& state) {
  const std::string& bytes = ExportBytes();
  ExportOptions options;
  options.channel_username = "DeepStateUA";
  int64_t posts = 0;
  for (auto _ : state) {
    std::istringstream in(bytes);
    ExportSummary summary;
    posts = 0;
    absl::Status status = ReadDesktopExport(
        in, options,
        [&posts](Post post) {
          absl::StatusOr<v1::RawDocument> doc = ToRawDocument(post);
          benchmark::DoNotOptimize(doc->id().data());
          ++posts;
          return absl::OkStatus();
        },
        nullptr, &summary);
    if (!status.ok())
      state.SkipWithError(std::string(status.message()).c_str());
  }
  SetCounters(state, posts);
}
BENCHMARK(BM_ReadDesktopExportToRawDocument)->Unit(benchmark::kMillisecond);

void BM_BaselineNlohmannSax(benchmark::State& state) {
  const std::string& bytes = ExportBytes();
  for (auto _ : state) {
    std::istringstream in(bytes);
    NullSax sax;
    const bool ok = nlohmann::json::sax_parse(in, &sax);
    if (!ok) state.SkipWithError("baseline parse failed");
  }
  SetCounters(state, kMessages);
}
BENCHMARK(BM_BaselineNlohmannSax)->Unit(benchmark::kMillisecond);

void BM_BaselineByteScan(benchmark::State& state) {
  const std::string& bytes = ExportBytes();
  for (auto _ : state) {
    const int64_t braces = std::count(bytes.begin(), bytes.end(), '{');
    benchmark::DoNotOptimize(braces);
  }
  SetCounters(state, kMessages);
}
BENCHMARK(BM_BaselineByteScan)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace frontline::telegram

BENCHMARK_MAIN();
