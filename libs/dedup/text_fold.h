// Text folding for fingerprints, on ICU directly (libs/text is not a
// dependency of this library). The same fold is applied to every document,
// so two texts differing only in case, Unicode form, quote or dash style,
// punctuation or spacing fold to the same words.
#ifndef FRONTLINE_LIBS_DEDUP_TEXT_FOLD_H_
#define FRONTLINE_LIBS_DEDUP_TEXT_FOLD_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace frontline::dedup {

// One word of a text: its fold (NFKC_Casefold, ё→е, lower case) and whether
// the original started with an upper-case letter.
struct Word {
  std::string folded;
  bool capitalized = false;
  // The word ends a sentence (followed by . ! ? or a paragraph break).
  bool ends_sentence = false;
  // Inside a direct quotation (“…”, «…», "…", „…“).
  bool in_quote = false;
  // Index of the quotation it is in, counted from 0; -1 outside quotes.
  int quote_index = -1;
};

// Splits `text` into words: maximal runs of letters and digits, where a
// digit group separator ("11,000", "11 000", "4.168") inside a number is
// dropped so the number stays one word. URLs (http…, www.…, t.me/…),
// hashtags (#…), @mentions and emoji are skipped entirely. Never fails:
// invalid UTF-8 bytes are treated as separators.
std::vector<Word> FoldWords(absl::string_view text);

// The first `n` code points of a folded word (the whole word when shorter):
// a cheap stem that makes "kurakhove"/"kurakhovo" and Slavic case endings
// compare equal.
std::string Stem(absl::string_view folded, int n);

}  // namespace frontline::dedup

#endif  // FRONTLINE_LIBS_DEDUP_TEXT_FOLD_H_
