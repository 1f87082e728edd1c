#include "libs/gazetteer/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace frontline::gazetteer {
namespace {

// The variants folded to one ASCII character after NFKC_Casefold; 0 for
// every other code point.
char PunctuationFold(UChar32 c) {
  switch (c) {
    case 0x0060:  // `
    case 0x00B4:  // ´
    case 0x02BC:  // ʼ
    case 0x2018:  // ‘
    case 0x2019:  // ’
    case 0x201B:  // ‛
    case 0x2032:  // ′
    case 0xFF07:  // ＇
      return '\'';
    case 0x2010:  // ‐
    case 0x2011:  // ‑
    case 0x2012:  // ‒
    case 0x2013:  // –
    case 0x2014:  // —
      return '-';
    default:
      return 0;
  }
}

// Appends the UTF-8 of `c` after the post-NFKC folds; white space becomes a
// single ' ' (runs are collapsed by the emitter).
void AppendFolded(UChar32 c, std::string& out) {
  if (char p = PunctuationFold(c)) {
    out.push_back(p);
    return;
  }
  if (c == 0x0451) c = 0x0435;  // ё -> е
  if (u_isUWhiteSpace(c)) {
    out.push_back(' ');
    return;
  }
  char buf[U8_MAX_LENGTH];
  int32_t len = 0;
  U8_APPEND_UNSAFE(buf, len, c);
  out.append(buf, len);
}

// NFKC_Casefold of `chunk` followed by the post-NFKC folds.
std::string FoldChunk(const icu::Normalizer2& nfkc_casefold,
                      const icu::UnicodeString& chunk) {
  std::string out;
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString normalized = nfkc_casefold.normalize(chunk, status);
  if (U_FAILURE(status)) normalized = chunk;
  for (int32_t i = 0; i < normalized.length();) {
    UChar32 c = normalized.char32At(i);
    AppendFolded(c, out);
    i += U16_LENGTH(c);
  }
  return out;
}

// Appends folded bytes with their original span, collapsing runs of spaces.
class Emitter {
 public:
  explicit Emitter(NormalizedText& out) : out_(out) {}

  // An ASCII byte not followed by a combining mark.
  void AppendAscii(uint8_t b, uint32_t begin, uint32_t end) {
    if (b >= 'A' && b <= 'Z') {
      b += 'a' - 'A';
    } else if (b == '`') {
      b = '\'';
    } else if (b == ' ' || (b >= '\t' && b <= '\r')) {
      if (!out_.text.empty() && out_.text.back() == ' ') {
        out_.original_end.back() = end;
        return;
      }
      b = ' ';
    }
    out_.text.push_back(static_cast<char>(b));
    out_.original_begin.push_back(begin);
    out_.original_end.push_back(end);
  }

  void Append(absl::string_view folded, uint32_t begin, uint32_t end) {
    for (char b : folded) {
      if (b == ' ' && !out_.text.empty() && out_.text.back() == ' ') {
        out_.original_end.back() = end;
        continue;
      }
      out_.text.push_back(b);
      out_.original_begin.push_back(begin);
      out_.original_end.push_back(end);
    }
  }

 private:
  NormalizedText& out_;
};

}  // namespace

Normalizer::Normalizer(const icu::Normalizer2* nfkc_casefold)
    : nfkc_casefold_(nfkc_casefold),
      table_(kTableSize),
      boundary_before_(kTableSize) {
  for (UChar32 c = 0; c < kTableSize; ++c) {
    table_[c] = FoldChunk(*nfkc_casefold_, icu::UnicodeString(c));
    boundary_before_[c] = nfkc_casefold_->hasBoundaryBefore(c);
  }
}

absl::StatusOr<Normalizer> Normalizer::Create() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_casefold =
      icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status) || nfkc_casefold == nullptr) {
    return absl::InternalError(absl::StrCat(
        "ICU NFKC_Casefold data unavailable: ", u_errorName(status)));
  }
  return Normalizer(nfkc_casefold);
}

NormalizedText Normalizer::Normalize(absl::string_view utf8) const {
  NormalizedText out;
  out.text.reserve(utf8.size());
  out.original_begin.reserve(utf8.size());
  out.original_end.reserve(utf8.size());
  Emitter emitter(out);
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  std::string folded;
  int32_t i = 0;
  while (i < n) {
    const int32_t begin = i;
    if (s[i] < 0x80) {
      // ASCII never combines with what follows unless a mark follows.
      if (i + 1 >= n || s[i + 1] < 0x80) {
        emitter.AppendAscii(s[i], begin, i + 1);
        ++i;
        continue;
      }
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      emitter.Append("\xEF\xBF\xBD", begin, i);
      continue;
    }
    // Extend the chunk over code points that may combine with it.
    int32_t end = i;
    bool single = true;
    while (end < n) {
      int32_t next = end;
      UChar32 d;
      U8_NEXT(s, next, n, d);
      if (d < 0 || (d < kTableSize ? boundary_before_[d]
                                   : nfkc_casefold_->hasBoundaryBefore(d))) {
        break;
      }
      end = next;
      single = false;
    }
    if (single && c < kTableSize) {
      emitter.Append(table_[c], begin, end);
    } else if (single && PunctuationFold(c) != 0) {
      const char p = PunctuationFold(c);
      emitter.Append(absl::string_view(&p, 1), begin, end);
    } else {
      folded = FoldChunk(
          *nfkc_casefold_,
          icu::UnicodeString::fromUTF8(icu::StringPiece(
              reinterpret_cast<const char*>(s + begin), end - begin)));
      emitter.Append(folded, begin, end);
    }
    i = end;
  }
  return out;
}

std::string Normalizer::Fold(absl::string_view utf8) const {
  NormalizedText normalized = Normalize(utf8);
  return std::string(absl::StripAsciiWhitespace(normalized.text));
}

bool Normalizer::StandsAlone(absl::string_view text, size_t begin, size_t end) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  UChar32 c = -1;
  if (begin > 0) {
    int32_t i = static_cast<int32_t>(begin);
    U8_PREV(bytes, 0, i, c);
    if (IsWordChar(c)) return false;
  }
  if (end < text.size()) {
    int32_t i = static_cast<int32_t>(end);
    U8_NEXT(bytes, i, static_cast<int32_t>(text.size()), c);
    if (IsWordChar(c)) return false;
  }
  return true;
}

bool Normalizer::IsWordChar(int32_t code_point) {
  if (code_point < 0x80) {
    return (code_point >= 'a' && code_point <= 'z') ||
           (code_point >= 'A' && code_point <= 'Z') ||
           (code_point >= '0' && code_point <= '9');
  }
  return u_isalnum(code_point) ||
         (U_GET_GC_MASK(code_point) & U_GC_M_MASK) != 0;
}

}  // namespace frontline::gazetteer
