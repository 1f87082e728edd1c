// What the deduplicator remembers of a document: its fingerprints.
#ifndef FRONTLINE_LIBS_DEDUP_FINGERPRINT_H_
#define FRONTLINE_LIBS_DEDUP_FINGERPRINT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "frontline/v1/document.pb.h"

namespace frontline::dedup {

// Knobs of fingerprinting. Changing any of them changes fingerprints: an
// index built with other options must be rebuilt (replay the documents).
struct FingerprintOptions {
  // Words per shingle of the near-duplicate MinHash.
  int shingle_words = 3;
  // Code points kept of each word for shingles and names ("kurakh…").
  int stem_chars = 6;
  int minhash_size = 128;
  int band_rows = 4;
  int anchor_minhash_size = 48;
  int anchor_band_rows = 3;
};

// The paraphrase signature: what survives rewriting a report.
struct Anchors {
  // Figures: the number with group separators removed; 1..9 and years
  // (1900..2100) are left out as too common. Sorted, unique hashes.
  std::vector<uint64_t> numbers;
  // Names: stems of capitalized words not starting a sentence, plus
  // Document.places ids and claim actor/place ids. Sorted, unique hashes.
  std::vector<uint64_t> names;
  // Direct quotations of at least two words, each as its sorted, unique
  // word-trigram hashes (the whole quote for two words).
  std::vector<std::vector<uint64_t>> quotes;
};

inline constexpr int kStoredMinHashBits = 16;

struct Fingerprint {
  // XXH3 of the folded words of title-less text, space separated; 0 for a
  // text without words.
  uint64_t exact = 0;
  std::vector<uint32_t> minhash;
  Anchors anchors;
  std::vector<uint32_t> anchor_minhash;
  // "<channel>/<message id>" of the original this is a forward of; empty
  // when the document is no forward.
  std::string forward_of;
  // "<channel>/<message id>" under which forwards of this document name it;
  // empty for non-Telegram sources.
  std::string forward_key;
  // Number of words of the text (for size-aware decisions).
  uint32_t words = 0;
};

// Fingerprints `doc`. Deterministic: the same document under the same
// options always gives the same fingerprint, on every machine.
Fingerprint ComputeFingerprint(const v1::Document& doc,
                               const FingerprintOptions& options);

// Compact binary encoding for the index: what verifying a candidate needs.
// It keeps the low kStoredMinHashBits bits of each MinHash value (compare
// with NearSimilarity, which reads only those) and drops the anchor
// signature. Decode fails with kDataLoss on bytes not produced by Encode.
std::string EncodeFingerprint(const Fingerprint& fp);
absl::StatusOr<Fingerprint> DecodeFingerprint(absl::string_view bytes);

}  // namespace frontline::dedup

#endif  // FRONTLINE_LIBS_DEDUP_FINGERPRINT_H_
