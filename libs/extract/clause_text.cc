#include "libs/extract/clause_text.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "libs/extract/utf8.h"

namespace frontline::extract {
namespace {

// The longest acronym in brackets after a name ("(MoD)"), in bytes.
constexpr size_t kAcronymBytes = 12;

}  // namespace

bool HasClausePunctuation(absl::string_view gap) {
  for (absl::string_view mark :
       {";", ":", "\"", "(", ")", "\xE2\x80\x94", "\xC2\xAB", "\xC2\xBB",
        "\xE2\x80\x9C", "\xE2\x80\x9D"}) {
    if (absl::StrContains(gap, mark)) return true;
  }
  // A comma, but not one inside a figure ("11,000").
  for (size_t i = gap.find(','); i != absl::string_view::npos;
       i = gap.find(',', i + 1)) {
    const bool in_figure = i > 0 && i + 1 < gap.size() &&
                           absl::ascii_isdigit(gap[i - 1]) &&
                           absl::ascii_isdigit(gap[i + 1]);
    if (!in_figure) return true;
  }
  return false;
}

std::string WithoutQuotes(absl::string_view s) {
  std::string out(s);
  for (const std::string quote :
       {"\xC2\xAB", "\xC2\xBB", "\xE2\x80\x9C", "\xE2\x80\x9D", "\""}) {
    for (size_t i = out.find(quote); i != std::string::npos;
         i = out.find(quote, i)) {
      out.erase(i, quote.size());
    }
  }
  return out;
}

absl::string_view NameGap(absl::string_view gap) {
  gap = absl::StripAsciiWhitespace(gap);
  for (absl::string_view quote : {"\xC2\xBB", "\xE2\x80\x9D", "\""}) {
    if (absl::ConsumePrefix(&gap, quote)) break;
  }
  for (absl::string_view quote : {"\xC2\xAB", "\xE2\x80\x9C", "\""}) {
    if (absl::ConsumeSuffix(&gap, quote)) break;
  }
  gap = absl::StripAsciiWhitespace(gap);
  if (absl::StartsWith(gap, "(") && gap.find(')') != absl::string_view::npos &&
      gap.find(')') <= kAcronymBytes) {
    gap.remove_prefix(gap.find(')') + 1);
  }
  return gap;
}

uint32_t CodePoints(absl::string_view s) {
  uint32_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool IsAllCapitals(absl::string_view s) {
  int letters = 0;
  for (size_t i = 0; i < s.size();) {
    size_t length = 1;
    const int32_t c = DecodeUtf8(s, i, &length);
    i += length;
    const bool lower =
        (c >= 'a' && c <= 'z') || (c >= 0x0430 && c <= 0x045F) || c == 0x0491;
    if (lower) return false;
    letters += IsUpperLetter(c);
  }
  return letters >= 2;
}

bool EndsWithName(absl::string_view s) {
  std::vector<absl::string_view> words =
      absl::StrSplit(s, absl::ByAnyChar(" \t\n"), absl::SkipEmpty());
  if (words.size() < 2) return false;
  for (size_t i = words.size() - 2; i < words.size(); ++i) {
    size_t length = 1;
    if (!IsUpperLetter(DecodeUtf8(words[i], 0, &length))) return false;
  }
  return true;
}

bool IsCapitalizedName(absl::string_view s) {
  std::vector<absl::string_view> words =
      absl::StrSplit(s, absl::ByAnyChar(" \t\n"), absl::SkipEmpty());
  if (words.size() < 2) return false;
  for (absl::string_view w : words) {
    size_t length = 1;
    if (!IsUpperLetter(DecodeUtf8(w, 0, &length))) return false;
  }
  return true;
}

bool IsFirstNames(absl::string_view s) {
  int words = 0;
  for (absl::string_view w : absl::StrSplit(s, ' ', absl::SkipEmpty())) {
    if (++words > 2 || absl::ascii_islower(w[0])) return false;
  }
  return true;
}

}  // namespace frontline::extract
