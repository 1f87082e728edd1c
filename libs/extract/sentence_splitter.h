// Splits text into sentences: at line breaks, and after . ! ? … when what
// follows starts a new sentence, except after an abbreviation or an initial.
#ifndef FRONTLINE_LIBS_EXTRACT_SENTENCE_SPLITTER_H_
#define FRONTLINE_LIBS_EXTRACT_SENTENCE_SPLITTER_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"

namespace frontline::extract {

struct SentenceSpan {
  size_t begin = 0;  // [begin, end) in the text, white space trimmed.
  size_t end = 0;
};

class SentenceSplitter {
 public:
  // `abbreviations`: words, as written and without their final period
  // ("Gen", "Jan", "U.S", "тис"), after which a period ends no sentence.
  // A single upper-case letter followed by a period is an initial and ends
  // no sentence either.
  SentenceSplitter(absl::flat_hash_set<std::string> abbreviations,
                   size_t max_sentence_bytes);

  // Non-empty spans in text order. No span is longer than
  // max_sentence_bytes: a longer run is cut at its last white space before
  // the limit, or at a code point boundary when there is none. Linear in the
  // text; any bytes are accepted.
  std::vector<SentenceSpan> Split(absl::string_view text) const;

 private:
  bool EndsSentence(absl::string_view text, size_t mark, size_t after) const;

  absl::flat_hash_set<std::string> abbreviations_;
  size_t max_sentence_bytes_;
};

}  // namespace frontline::extract

#endif  // FRONTLINE_LIBS_EXTRACT_SENTENCE_SPLITTER_H_
