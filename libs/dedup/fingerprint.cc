#include "libs/dedup/fingerprint.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "libs/dedup/minhash.h"
#include "libs/dedup/text_fold.h"

namespace frontline::dedup {
namespace {

uint64_t Hash(absl::string_view s, uint64_t seed) {
  return XXH3_64bits_withSeed(s.data(), s.size(), seed);
}

constexpr uint64_t kNumberSeed = 1;
constexpr uint64_t kNameSeed = 2;
constexpr uint64_t kQuoteSeed = 3;
constexpr uint64_t kShingleSeed = 4;

void SortUnique(std::vector<uint64_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

bool AllDigits(absl::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return c >= '0' && c <= '9'; });
}

// Numbers 1..9 and years are in every report; they anchor nothing.
bool IsAnchorNumber(absl::string_view digits) {
  if (digits.size() > 18) return true;
  uint64_t value = 0;
  if (!absl::SimpleAtoi(digits, &value)) return false;
  if (value < 10) return false;
  if (digits.size() == 4 && value >= 1900 && value <= 2100) return false;
  return true;
}

std::string ChannelKey(absl::string_view channel, absl::string_view message) {
  const std::string lower = absl::AsciiStrToLower(channel);
  absl::string_view c = lower;
  absl::ConsumePrefix(&c, "https://t.me/");
  absl::ConsumePrefix(&c, "@");
  if (c.empty() || message.empty()) return "";
  return absl::StrCat(c, "/", message);
}

Anchors ComputeAnchors(const v1::Document& doc, const std::vector<Word>& words,
                       const FingerprintOptions& options) {
  Anchors a;
  bool sentence_start = true;
  for (const Word& w : words) {
    if (AllDigits(w.folded)) {
      absl::string_view digits = w.folded;
      size_t nz = digits.find_first_not_of('0');
      if (nz != absl::string_view::npos) digits.remove_prefix(nz);
      if (IsAnchorNumber(w.folded)) {
        a.numbers.push_back(Hash(digits, kNumberSeed));
      }
    } else if (w.capitalized && !sentence_start) {
      a.names.push_back(Hash(Stem(w.folded, options.stem_chars), kNameSeed));
    }
    sentence_start = w.ends_sentence;
  }
  for (const v1::PlaceMention& p : doc.places()) {
    if (!p.place_id().empty()) {
      a.names.push_back(Hash(absl::StrCat("place:", p.place_id()), kNameSeed));
    }
  }
  for (const v1::Claim& c : doc.claims()) {
    if (!c.place_id().empty()) {
      a.names.push_back(Hash(absl::StrCat("place:", c.place_id()), kNameSeed));
    }
    if (!c.actor().id().empty()) {
      a.names.push_back(
          Hash(absl::StrCat("actor:", c.actor().id()), kNameSeed));
    }
  }
  SortUnique(a.numbers);
  SortUnique(a.names);

  // Quotations: group words by quote index.
  size_t i = 0;
  while (i < words.size()) {
    if (!words[i].in_quote) {
      ++i;
      continue;
    }
    const int q = words[i].quote_index;
    size_t j = i;
    while (j < words.size() && words[j].in_quote && words[j].quote_index == q) {
      ++j;
    }
    if (j - i >= 2) {
      std::vector<uint64_t> grams;
      const size_t n = std::min<size_t>(3, j - i);
      for (size_t k = i; k + n <= j; ++k) {
        std::string gram;
        for (size_t m = k; m < k + n; ++m) {
          absl::StrAppend(&gram, Stem(words[m].folded, options.stem_chars),
                          " ");
        }
        grams.push_back(Hash(gram, kQuoteSeed));
      }
      SortUnique(grams);
      a.quotes.push_back(std::move(grams));
    }
    i = j;
  }
  return a;
}

}  // namespace

Fingerprint ComputeFingerprint(const v1::Document& doc,
                               const FingerprintOptions& options) {
  Fingerprint fp;
  absl::string_view text = doc.text();
  if (text.find_first_not_of(" \n\t\r") == absl::string_view::npos) {
    text = doc.title();
  }
  const std::vector<Word> words = FoldWords(text);
  fp.words = static_cast<uint32_t>(words.size());

  if (!words.empty()) {
    XXH3_state_t* state = XXH3_createState();
    XXH3_64bits_reset(state);
    for (const Word& w : words) {
      XXH3_64bits_update(state, w.folded.data(), w.folded.size());
      XXH3_64bits_update(state, " ", 1);
    }
    fp.exact = XXH3_64bits_digest(state);
    XXH3_freeState(state);
  }

  std::vector<std::string> stems;
  stems.reserve(words.size());
  for (const Word& w : words)
    stems.push_back(Stem(w.folded, options.stem_chars));
  std::vector<uint64_t> shingles;
  const size_t k = static_cast<size_t>(std::max(1, options.shingle_words));
  if (stems.size() < k && !stems.empty()) {
    std::string all;
    for (const std::string& s : stems) absl::StrAppend(&all, s, " ");
    shingles.push_back(Hash(all, kShingleSeed));
  }
  for (size_t i = 0; i + k <= stems.size(); ++i) {
    std::string gram;
    for (size_t m = i; m < i + k; ++m) absl::StrAppend(&gram, stems[m], " ");
    shingles.push_back(Hash(gram, kShingleSeed));
  }
  SortUnique(shingles);
  fp.minhash = MinHashSignature(shingles, options.minhash_size);

  fp.anchors = ComputeAnchors(doc, words, options);
  std::vector<uint64_t> anchor_features = fp.anchors.numbers;
  anchor_features.insert(anchor_features.end(), fp.anchors.names.begin(),
                         fp.anchors.names.end());
  for (const auto& q : fp.anchors.quotes) {
    anchor_features.insert(anchor_features.end(), q.begin(), q.end());
  }
  SortUnique(anchor_features);
  fp.anchor_minhash =
      MinHashSignature(anchor_features, options.anchor_minhash_size);

  const v1::ForwardOrigin& origin = doc.provenance().forward_origin();
  fp.forward_of = ChannelKey(
      origin.channel_id().empty() ? origin.channel_name() : origin.channel_id(),
      origin.message_id());
  if (doc.source().kind() == v1::SOURCE_KIND_TELEGRAM) {
    fp.forward_key = absl::AsciiStrToLower(doc.external_id());
  }
  return fp;
}

}  // namespace frontline::dedup
