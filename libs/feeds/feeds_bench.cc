// Throughput of feed parsing on a generated 10,000-item RSS 2.0 feed, beside
// two baselines over the same bytes: a plain byte scan and a pugixml load
// without item extraction. Results: docs/BENCHMARKS.md.
#include <algorithm>
#include <cstring>
#include <pugixml.hpp>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "benchmark/benchmark.h"
#include "libs/feeds/encoding.h"
#include "libs/feeds/feed_parser.h"
#include "libs/feeds/raw_document.h"

namespace frontline::feeds {
namespace {

constexpr int kItems = 10000;

const std::string& LargeFeed() {
  static const std::string* feed = [] {
    auto* out = new std::string(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<rss version=\"2.0\" "
        "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n"
        "<title>Generated front-line feed</title>\n"
        "<link>https://example.org/</link>\n<language>uk</language>\n");
    const char* places[] = {"Kursk",  "Kurakhove", "Pokrovsk",
                            "Sudzha", "Курахове",  "Покровськ"};
    for (int i = 0; i < kItems; ++i) {
      const char* place = places[i % 6];
      absl::StrAppend(
          out, "<item>\n<title>Fighting continues near ", place, ", report ", i,
          "</title>\n<link>https://example.org/news/", i,
          "</link>\n<guid isPermaLink=\"false\">gen-", i,
          "</guid>\n<dc:creator>Staff</dc:creator>\n<pubDate>Mon, 06 Jan 2025 ",
          10 + i % 10, ":", 10 + i % 50, ":00 +0300</pubDate>\n",
          "<category>War</category>\n<description>Short summary about ", place,
          ".</description>\n<content:encoded><![CDATA[<p>The General Staff "
          "reported ",
          i % 90, " clashes near ", place,
          " over the past day. Russian forces attacked in three directions; "
          "Ukrainian units repelled the assaults, officials said.</p><p>"
          "Українські сили відбили атаки поблизу населених пунктів.</p>]]>"
          "</content:encoded>\n</item>\n");
    }
    out->append("</channel>\n</rss>\n");
    return out;
  }();
  return *feed;
}

void Report(benchmark::State& state, size_t bytes) {
  state.SetItemsProcessed(state.iterations() * kItems);
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes));
}

// Baseline 1: touch every byte once.
void BM_ByteScan(benchmark::State& state) {
  const std::string& feed = LargeFeed();
  for (auto _ : state) {
    benchmark::DoNotOptimize(std::count(feed.begin(), feed.end(), '<'));
  }
  Report(state, feed.size());
}
BENCHMARK(BM_ByteScan);

// Baseline 2: build the DOM, extract nothing.
void BM_PugixmlLoadOnly(benchmark::State& state) {
  const std::string& feed = LargeFeed();
  for (auto _ : state) {
    pugi::xml_document doc;
    benchmark::DoNotOptimize(doc.load_buffer(
        feed.data(), feed.size(), pugi::parse_default, pugi::encoding_utf8));
  }
  Report(state, feed.size());
}
BENCHMARK(BM_PugixmlLoadOnly);

// The UTF-8 validation pass every XML and JSON feed goes through.
void BM_SanitizeUtf8(benchmark::State& state) {
  const std::string& feed = LargeFeed();
  std::string out;
  for (auto _ : state) {
    benchmark::DoNotOptimize(SanitizeUtf8(feed, &out));
  }
  Report(state, feed.size());
}
BENCHMARK(BM_SanitizeUtf8);

void BM_ParseFeed(benchmark::State& state) {
  const std::string& feed = LargeFeed();
  ParseOptions options;
  options.max_document_bytes = feed.size();
  for (auto _ : state) {
    absl::StatusOr<ParsedFeed> parsed = ParseFeed(feed, options);
    if (!parsed.ok() || parsed->items.size() != kItems) {
      state.SkipWithError("parse failed");
      break;
    }
    benchmark::DoNotOptimize(parsed->items.data());
  }
  Report(state, feed.size());
}
BENCHMARK(BM_ParseFeed);

void BM_ParseFeedToRawDocuments(benchmark::State& state) {
  const std::string& feed = LargeFeed();
  ParseOptions options;
  options.max_document_bytes = feed.size();
  frontline::v1::Source source;
  source.set_id("feed:bench");
  const absl::Time fetched = absl::FromUnixSeconds(1736150400);
  for (auto _ : state) {
    absl::StatusOr<ParsedFeed> parsed = ParseFeed(feed, options);
    if (!parsed.ok()) {
      state.SkipWithError("parse failed");
      break;
    }
    for (const FeedItem& item : parsed->items) {
      frontline::v1::RawDocument doc = ToRawDocument(item, source, fetched);
      benchmark::DoNotOptimize(doc.id().data());
    }
  }
  Report(state, feed.size());
}
BENCHMARK(BM_ParseFeedToRawDocuments);

}  // namespace
}  // namespace frontline::feeds

BENCHMARK_MAIN();
