// Writes the generated part of the seed corpora from the project's fixtures,
// as the pipeline would carry them:
//   normalize_record/  RawDocuments: the Telegram and feed fixtures parsed,
//                      the labeled dedup documents and the text fixtures;
//   dedup_record/      the Documents the Normalizer makes of those;
//   state_apply/       per document, its verdict and the events it changed
//                      (Deduplicator and EventMerger over the Documents in
//                      order), in state_apply_fuzzer.cc's record format;
//   claim_extractor/   the texts of the coder's labeled sets, each after a
//                      language byte.
// Usage: fuzz_seeds <source dir> <corpus dir>. The other corpora are
// fixture files copied as they are (see README.md).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "frontline/v1/document.pb.h"
#include "frontline/v1/raw_document.pb.h"
#include "libs/dedup/deduplicator.h"
#include "libs/dedup/event_merger.h"
#include "libs/dedup/labeled_set.h"
#include "libs/feeds/feed_parser.h"
#include "libs/feeds/raw_document.h"
#include "libs/normalize/normalizer.h"
#include "libs/telegram/bot_api.h"
#include "libs/telegram/export_reader.h"
#include "libs/telegram/preview_page.h"
#include "libs/telegram/raw_document.h"
#include "nlohmann/json.hpp"
#include "tests/fuzz/fuzz_support.h"

namespace frontline::fuzz {
namespace {

namespace fs = std::filesystem;

std::string Read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  Check(static_cast<bool>(in), absl::StrCat("cannot read ", path.string()));
  return std::string((std::istreambuf_iterator<char>(in)),
                     std::istreambuf_iterator<char>());
}

void Write(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  Check(static_cast<bool>(out), absl::StrCat("cannot write ", path.string()));
}

std::vector<v1::RawDocument> TelegramRaws(const fs::path& testdata) {
  std::vector<v1::RawDocument> raws;
  auto add = [&](const telegram::Post& post) {
    auto raw = telegram::ToRawDocument(post);
    if (raw.ok()) raws.push_back(*std::move(raw));
  };
  std::istringstream in(Read(testdata / "export_deepstate.json"));
  telegram::ExportOptions options;
  options.channel_username = "DeepStateUA";
  telegram::ExportSummary summary;
  Check(telegram::ReadDesktopExport(
            in, options,
            [&](telegram::Post post) {
              add(post);
              return absl::OkStatus();
            },
            {}, &summary)
            .ok(),
        "export fixture");
  auto updates =
      telegram::ParseGetUpdates(Read(testdata / "bot_updates.json"), nullptr);
  Check(updates.ok(), "Bot API fixture");
  for (const telegram::Post& post : updates->posts) add(post);
  auto page =
      telegram::ParsePreviewPage(Read(testdata / "preview_deepstate.html"));
  Check(page.ok(), "preview fixture");
  for (const telegram::Post& post : page->posts) add(post);
  return raws;
}

std::vector<v1::RawDocument> FeedRaws(const fs::path& testdata) {
  std::vector<v1::RawDocument> raws;
  for (const char* name :
       {"kyiv_independent_rss.xml", "isw_rdf.xml", "meduza_atom.xml",
        "tass_feed.json", "ukrinform_windows1251.xml"}) {
    auto feed = feeds::ParseFeed(Read(testdata / name));
    Check(feed.ok(), name);
    v1::Source source;
    source.set_id(absl::StrCat("feed:", name));
    source.set_kind(v1::SOURCE_KIND_FEED);
    for (const feeds::FeedItem& item : feed->items) {
      raws.push_back(feeds::ToRawDocument(item, source,
                                          absl::FromUnixSeconds(1736164800)));
    }
  }
  return raws;
}

v1::RawDocument FromDocument(const v1::Document& doc) {
  v1::RawDocument raw;
  raw.set_id(doc.id());
  *raw.mutable_source() = doc.source();
  raw.set_external_id(doc.external_id());
  raw.set_url(doc.canonical_url());
  *raw.mutable_published_time() = doc.published_time();
  *raw.mutable_fetched_time() = doc.published_time();
  raw.set_version(doc.version());
  raw.set_title(doc.title());
  raw.set_body(doc.text());
  raw.set_content_type("text/plain; charset=utf-8");
  raw.set_format(v1::RAW_FORMAT_PLAIN_TEXT);
  *raw.mutable_provenance() = doc.provenance();
  return raw;
}

std::vector<v1::RawDocument> HtmlRaws(const fs::path& testdata) {
  std::vector<v1::RawDocument> raws;
  for (const auto& entry : fs::directory_iterator(testdata)) {
    if (entry.path().extension() != ".html") continue;
    v1::RawDocument& raw = raws.emplace_back();
    raw.set_id(absl::StrCat("html-", entry.path().stem().string()));
    raw.mutable_source()->set_id("web:fixtures");
    raw.set_external_id(entry.path().filename().string());
    raw.set_url(absl::StrCat("https://example.org/", raw.external_id()));
    raw.mutable_published_time()->set_seconds(1736164800);
    raw.set_version(1);
    raw.set_body(Read(entry.path()));
    raw.set_content_type("text/html; charset=utf-8");
    raw.set_format(v1::RAW_FORMAT_HTML);
  }
  return raws;
}

// One record in state_apply_fuzzer.cc's format.
void AppendRecord(uint8_t type, const std::string& value, std::string* out) {
  if (value.size() > 0xFFFF) return;
  out->push_back(static_cast<char>(type));
  out->push_back(static_cast<char>(value.size() & 0xFF));
  out->push_back(static_cast<char>(value.size() >> 8));
  out->append(value);
}

void ClaimTexts(const fs::path& labeled, const fs::path& corpus) {
  int n = 0;
  for (const char* name : {"tuned.jsonl", "heldout.jsonl"}) {
    std::istringstream lines(Read(labeled / name));
    std::string line;
    while (std::getline(lines, line)) {
      if (line.empty() || line[0] == '#') continue;
      const auto json = nlohmann::json::parse(line);
      const std::string language = json.value("language", "en");
      const char selector = language == "uk" ? 1 : language == "ru" ? 2 : 0;
      Write(corpus / absl::StrCat("seed-", json.value("id", ""), ".txt"),
            std::string(1, selector) + json.value("text", ""));
      ++n;
    }
  }
  std::printf("claim_extractor: %d\n", n);
}

int Main(const fs::path& source, const fs::path& corpus) {
  std::vector<v1::RawDocument> raws =
      TelegramRaws(source / "libs/telegram/testdata");
  for (auto& raw : FeedRaws(source / "libs/feeds/testdata")) {
    raws.push_back(std::move(raw));
  }
  for (auto& raw : HtmlRaws(source / "libs/text/testdata")) {
    raws.push_back(std::move(raw));
  }
  auto labeled = dedup::ReadLabeledSet(
      (source / "libs/dedup/testdata/labeled/documents.jsonl").string());
  Check(labeled.ok(), "dedup labeled set");
  for (const dedup::LabeledDocument& d : *labeled) {
    raws.push_back(FromDocument(d.doc));
  }

  auto normalizer = normalize::Normalizer::Load(
      {.places_tsv = (source / "libs/gazetteer/data/places.tsv").string(),
       .extract_dir = (source / "libs/extract/data").string(),
       .text_dir = (source / "libs/text/data").string()});
  Check(normalizer.ok(), "normalizer");
  ScratchDir scratch;
  auto dedup = dedup::Deduplicator::Open({.dir = scratch.path() + "/index"});
  Check(dedup.ok(), "deduplicator");
  auto merger = dedup::EventMerger::Open({.dir = scratch.path() + "/events"});
  Check(merger.ok(), "event merger");

  int docs = 0, batches = 0;
  for (size_t i = 0; i < raws.size(); ++i) {
    const std::string stem = absl::StrCat("seed-", i);
    Write(corpus / "normalize_record" / stem, raws[i].SerializeAsString());
    auto doc = (*normalizer)->Normalize(raws[i]);
    if (!doc.ok()) continue;
    Write(corpus / "dedup_record" / stem, doc->SerializeAsString());
    ++docs;
    std::vector<v1::DocumentVerdict> revised;
    auto verdict = (*dedup)->Judge(*doc, &revised);
    Check(verdict.ok(), "judge");
    *verdict->mutable_document() = *doc;
    std::string records;
    AppendRecord(1, verdict->SerializeAsString(), &records);
    auto changed = (*merger)->Apply(*verdict);
    Check(changed.ok(), "merge");
    for (const v1::DocumentVerdict& r : revised) {
      AppendRecord(1, r.SerializeAsString(), &records);
      auto more = (*merger)->Revise(r);
      Check(more.ok(), "revise");
      changed->insert(changed->end(), more->begin(), more->end());
    }
    for (const v1::Event& event : *changed) {
      AppendRecord(0, event.SerializeAsString(), &records);
    }
    Write(corpus / "state_apply" / stem, records);
    ++batches;
  }
  std::printf("normalize_record: %zu, dedup_record: %d, state_apply: %d\n",
              raws.size(), docs, batches);
  ClaimTexts(source / "libs/extract/testdata/labeled",
             corpus / "claim_extractor");
  return 0;
}

}  // namespace
}  // namespace frontline::fuzz

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s <source dir> <corpus dir>\n", argv[0]);
    return 2;
  }
  return frontline::fuzz::Main(argv[1], argv[2]);
}
