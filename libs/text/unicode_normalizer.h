// The two Unicode forms of Frontline text: the stored form people read, and
// the key form code compares.
#ifndef FRONTLINE_LIBS_TEXT_UNICODE_NORMALIZER_H_
#define FRONTLINE_LIBS_TEXT_UNICODE_NORMALIZER_H_

#include <unicode/uversion.h>

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

U_NAMESPACE_BEGIN
class Normalizer2;
U_NAMESPACE_END

namespace frontline::text {

// How Clean lays out white space.
enum class Layout {
  // Paragraphs separated by exactly one blank line; single line breaks inside
  // a paragraph kept.
  kParagraphs,
  // Everything on one line.
  kSingleLine,
};

// Immutable after Create; safe to share between threads. Never fails on any
// input: bytes that are not UTF-8 become U+FFFD.
class UnicodeNormalizer {
 public:
  // Fails (kInternal) only when ICU's normalization data is unavailable.
  static absl::StatusOr<UnicodeNormalizer> Create();

  // The stored form: ill-formed UTF-8 repaired (RepairUtf8), every code point
  // passed through UnifyChar (char_fold.h), Unicode NFC, every run of spaces
  // one ASCII space, lines trimmed, CRLF read as one line break, leading and
  // trailing blank lines removed, then `layout`. Letters, case, digits and
  // compatibility characters (ﬁ, ², full-width forms) are kept as written.
  std::string Clean(absl::string_view bytes,
                    Layout layout = Layout::kParagraphs) const;

  // The matching key: Clean(bytes, kSingleLine), then NFKC with full case
  // folding (ICU's NFKC_Casefold), then UnifyChar again (NFKC may produce
  // new variants) and Cyrillic ё -> е (Russian writes both). Two strings
  // that differ only in case, Unicode form, quote/dash/space variants or
  // invisible characters have the same key. Not for display.
  std::string Key(absl::string_view bytes) const;

 private:
  UnicodeNormalizer(const icu::Normalizer2* nfc,
                    const icu::Normalizer2* nfkc_casefold)
      : nfc_(nfc), nfkc_casefold_(nfkc_casefold) {}

  const icu::Normalizer2* nfc_;            // Owned by ICU; never freed.
  const icu::Normalizer2* nfkc_casefold_;  // Owned by ICU; never freed.
};

}  // namespace frontline::text

#endif  // FRONTLINE_LIBS_TEXT_UNICODE_NORMALIZER_H_
