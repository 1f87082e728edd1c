// Synthetic war reporting for the load generator: RawDocuments as sources
// publish them (Telegram channels and feeds; English, Ukrainian, Russian),
// naming places of the gazetteer with a claim each.
//
// Deterministic: the same seed, places and index give the same document, on
// every run and machine. Most documents are distinct (a place, a claim, a
// day, numbers and details drawn independently); `duplicate_share` of them
// repost an earlier document's text under another source (a duplicate for
// dedup to find).
#ifndef FRONTLINE_TOOLS_LOADGEN_CORPUS_H_
#define FRONTLINE_TOOLS_LOADGEN_CORPUS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "frontline/v1/raw_document.pb.h"

namespace frontline::loadgen {

// A place as the generator names it.
struct CorpusPlace {
  std::string id;
  std::string name;      // English
  std::string cyrillic;  // first Cyrillic spelling; `name` when none
};

// The towns, cities and villages of a places file (libs/gazetteer format)
// whose English name is unique in the file.
absl::StatusOr<std::vector<CorpusPlace>> LoadCorpusPlaces(
    const std::string& places_tsv);

struct CorpusOptions {
  uint64_t seed = 1;
  double duplicate_share = 0.05;
  // Published times run from here, `spacing_seconds` apart per document.
  int64_t first_published_seconds = 1704067200;  // 2024-01-01
  int64_t spacing_seconds = 30;
  // Distinguishes runs: part of every external id.
  std::string run_id = "load";
};

class Corpus {
 public:
  Corpus(std::vector<CorpusPlace> places, CorpusOptions options);

  // Document number `i` (any i >= 0), with its pipeline id set.
  v1::RawDocument Document(int64_t i) const;
  // The place document `i` is about (its original's place for a repost).
  const CorpusPlace& PlaceOf(int64_t i) const;
  const std::vector<CorpusPlace>& places() const { return places_; }

 private:
  std::string Body(int64_t i) const;

  std::vector<CorpusPlace> places_;
  CorpusOptions options_;
};

}  // namespace frontline::loadgen

#endif  // FRONTLINE_TOOLS_LOADGEN_CORPUS_H_
