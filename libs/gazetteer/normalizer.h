// Text normalization for matching names: the same fold is applied to the
// gazetteer's aliases and to the text searched, so that spellings differing
// only in case, Unicode form or punctuation variants compare equal.
#ifndef FRONTLINE_LIBS_GAZETTEER_NORMALIZER_H_
#define FRONTLINE_LIBS_GAZETTEER_NORMALIZER_H_

#include <unicode/uversion.h>

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

U_NAMESPACE_BEGIN
class Normalizer2;
U_NAMESPACE_END

namespace frontline::gazetteer {

// Normalized UTF-8 text with, for every byte of it, the span of original
// bytes it came from.
struct NormalizedText {
  std::string text;
  // original_begin[i], original_end[i]: the bytes of the original text that
  // produced text[i]. Spans are whole code points (whole combining sequences
  // when those were composed), so slicing the original at them keeps it valid
  // UTF-8.
  std::vector<uint32_t> original_begin;
  std::vector<uint32_t> original_end;
};

// The fold, in order:
//   - Unicode NFKC with full case folding (ICU's NFKC_Casefold), which also
//     drops default-ignorable code points (soft hyphen, zero-width joiners);
//   - apostrophe and quote variants (’ ‘ ʼ ` ´ ′ ＇) become ASCII ';
//   - dash variants (‐ ‑ ‒ – —) become ASCII -;
//   - Cyrillic ё becomes е (Russian writes both);
//   - every run of white space becomes one ASCII space.
// Ill-formed UTF-8 bytes become U+FFFD, one per byte; Normalize never fails
// once a Normalizer exists. A Normalizer is immutable and safe to share
// between threads.
class Normalizer {
 public:
  // Fails (kInternal) only when ICU's normalization data is unavailable.
  static absl::StatusOr<Normalizer> Create();

  NormalizedText Normalize(absl::string_view utf8) const;
  // The normalized text alone, leading and trailing spaces removed.
  std::string Fold(absl::string_view utf8) const;

  // Letters, digits and combining marks of any script; what a name must not
  // be glued to. Apostrophes and hyphens are not word characters.
  static bool IsWordChar(int32_t code_point);
  // Whether bytes [begin, end) of UTF-8 `text` are whole words: no word
  // character is glued to either side.
  static bool StandsAlone(absl::string_view text, size_t begin, size_t end);

 private:
  explicit Normalizer(const icu::Normalizer2* nfkc_casefold);

  const icu::Normalizer2* nfkc_casefold_;  // Owned by ICU; never freed.
  // The fold of every code point below kTableSize on its own, precomputed.
  static constexpr int32_t kTableSize = 0x800;
  std::vector<std::string> table_;
  // Whether each code point below kTableSize starts a normalization segment.
  std::vector<bool> boundary_before_;
};

}  // namespace frontline::gazetteer

#endif  // FRONTLINE_LIBS_GAZETTEER_NORMALIZER_H_
