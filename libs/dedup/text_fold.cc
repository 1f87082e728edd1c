#include "libs/dedup/text_fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"

namespace frontline::dedup {
namespace {

const icu::Normalizer2* CaseFolder() {
  static const icu::Normalizer2* folder = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n =
        icu::Normalizer2::getNFKCCasefoldInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return folder;
}

bool IsWordChar(UChar32 c) {
  return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK ||
         u_charType(c) == U_COMBINING_SPACING_MARK;
}

bool IsGroupSeparator(UChar32 c) {
  return c == ',' || c == '.' || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

bool IsSentenceEnd(UChar32 c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

std::string FoldOne(const std::string& word) {
  bool ascii = true;
  for (unsigned char ch : word) ascii = ascii && ch < 0x80;
  std::string out;
  if (ascii) {
    out = word;
    for (char& ch : out) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    }
    return out;
  }
  const icu::Normalizer2* folder = CaseFolder();
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(word);
  if (folder != nullptr) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString folded = folder->normalize(u, status);
    if (U_SUCCESS(status)) u = folded;
  } else {
    u.foldCase();
  }
  u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x0451)),
                   icu::UnicodeString(static_cast<UChar32>(0x0435)));
  u.toUTF8String(out);
  return out;
}

bool SkippedChunk(absl::string_view chunk) {
  return absl::StrContains(chunk, "://") || absl::StartsWith(chunk, "www.") ||
         absl::StrContains(chunk, "t.me/") || absl::StartsWith(chunk, "#") ||
         absl::StartsWith(chunk, "@");
}

struct Decoded {
  UChar32 c;
  int32_t begin;
  int32_t end;
};

std::vector<Decoded> Decode(absl::string_view chunk) {
  std::vector<Decoded> out;
  const auto* s = reinterpret_cast<const uint8_t*>(chunk.data());
  const int32_t n = static_cast<int32_t>(chunk.size());
  int32_t i = 0;
  while (i < n) {
    const int32_t begin = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    out.push_back({c < 0 ? 0xFFFD : c, begin, i});
  }
  return out;
}

}  // namespace

std::vector<Word> FoldWords(absl::string_view text) {
  std::vector<Word> words;
  bool in_quote = false;
  int quote_count = 0;
  // Paragraphs end quotations that were never closed.
  for (absl::string_view paragraph : absl::StrSplit(text, "\n\n")) {
    in_quote = false;
    const size_t paragraph_start = words.size();
    for (absl::string_view chunk : absl::StrSplit(
             paragraph, absl::ByAnyChar(" \t\n\r"), absl::SkipEmpty())) {
      if (SkippedChunk(chunk)) continue;
      const std::vector<Decoded> cps = Decode(chunk);
      size_t i = 0;
      while (i < cps.size()) {
        const UChar32 c = cps[i].c;
        if (c == 0x00AB || c == 0x201E) {
          in_quote = true;
          ++quote_count;
        } else if (c == 0x00BB || c == 0x201D) {
          in_quote = false;
        } else if (c == 0x201C || c == '"') {
          in_quote = !in_quote;
          if (in_quote) ++quote_count;
        }
        if (IsSentenceEnd(c) && !words.empty() &&
            words.size() > paragraph_start) {
          words.back().ends_sentence = true;
        }
        if (!IsWordChar(c)) {
          ++i;
          continue;
        }
        std::string raw;
        const bool capitalized = u_isupper(c) || u_istitle(c);
        const bool digits = u_isdigit(c);
        size_t j = i;
        while (j < cps.size()) {
          if (IsWordChar(cps[j].c)) {
            raw.append(chunk.data() + cps[j].begin, cps[j].end - cps[j].begin);
            ++j;
            continue;
          }
          // "11,000" / "4.168": a separator followed by exactly three digits.
          if (digits && IsGroupSeparator(cps[j].c)) {
            size_t k = j + 1;
            int run = 0;
            while (k < cps.size() && u_isdigit(cps[k].c)) {
              ++k;
              ++run;
            }
            if (run == 3 && (k == cps.size() || !IsWordChar(cps[k].c))) {
              ++j;
              continue;
            }
          }
          break;
        }
        Word w;
        w.folded = FoldOne(raw);
        w.capitalized = capitalized;
        w.in_quote = in_quote;
        w.quote_index = in_quote ? quote_count - 1 : -1;
        words.push_back(std::move(w));
        i = j;
      }
    }
    if (words.size() > paragraph_start) words.back().ends_sentence = true;
  }
  return words;
}

std::string Stem(absl::string_view folded, int n) {
  const auto* s = reinterpret_cast<const uint8_t*>(folded.data());
  const int32_t len = static_cast<int32_t>(folded.size());
  int32_t i = 0;
  for (int k = 0; k < n && i < len; ++k) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
  }
  return std::string(folded.substr(0, i));
}

}  // namespace frontline::dedup
