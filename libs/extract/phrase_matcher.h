// Word-level phrase matching over folded text: the dictionaries' phrases
// found in a sentence whatever its case, Unicode form or punctuation.
#ifndef FRONTLINE_LIBS_EXTRACT_PHRASE_MATCHER_H_
#define FRONTLINE_LIBS_EXTRACT_PHRASE_MATCHER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "libs/gazetteer/normalizer.h"

namespace frontline::extract {

// A word of a text: a maximal run of letters and digits (any script) after
// the gazetteer's fold (case, NFKC, ё/е), with its bytes in the original.
struct Token {
  std::string folded;
  uint32_t begin = 0;  // [begin, end) in the text given to Tokenize.
  uint32_t end = 0;
};

// Linear in the text. Ill-formed UTF-8 is tolerated (folded to U+FFFD).
std::vector<Token> Tokenize(const gazetteer::Normalizer& normalizer,
                            absl::string_view text);

// Phrases are sequences of words; a word written with a trailing `*` matches
// any word it begins ("захопил*" matches захопили, захопила). Immutable once
// built; Find is safe to call from many threads.
class PhraseMatcher {
 public:
  struct Match {
    uint32_t payload = 0;
    uint32_t first_token = 0;  // Tokens [first_token, end_token).
    uint32_t end_token = 0;
  };

  // Adds a phrase (unfolded, as written in a data file) reported as
  // `payload`. Returns false when the phrase has no word.
  bool Add(const gazetteer::Normalizer& normalizer, absl::string_view phrase,
           uint32_t payload);

  // Every occurrence of every phrase, overlapping ones included, ordered by
  // first token. Time: tokens x (phrases sharing a first word + prefix
  // lengths in use).
  std::vector<Match> Find(const std::vector<Token>& tokens) const;

 private:
  struct Word {
    std::string text;
    bool prefix = false;
  };
  struct Phrase {
    std::vector<Word> words;
    uint32_t payload = 0;
  };
  bool Matches(const Phrase& phrase, const std::vector<Token>& tokens,
               size_t first) const;

  std::vector<Phrase> phrases_;
  // First word (exact) -> phrases; first word prefix -> phrases.
  absl::flat_hash_map<std::string, std::vector<uint32_t>> by_word_;
  absl::flat_hash_map<std::string, std::vector<uint32_t>> by_prefix_;
  std::vector<size_t> prefix_lengths_;  // Byte lengths in by_prefix_, sorted.
};

}  // namespace frontline::extract

#endif  // FRONTLINE_LIBS_EXTRACT_PHRASE_MATCHER_H_
