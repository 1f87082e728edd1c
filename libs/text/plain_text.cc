#include "libs/text/plain_text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace frontline::text {
namespace {

bool HasLetterOrDigit(absl::string_view token) {
  const auto* s = reinterpret_cast<const uint8_t*>(token.data());
  const int32_t n = static_cast<int32_t>(token.size());
  int32_t i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0 && u_isalnum(c)) return true;
  }
  return false;
}

// A line that only points elsewhere: hashtags, mentions, links, symbols.
bool IsSignatureLine(absl::string_view line) {
  for (absl::string_view token : absl::StrSplit(line, ' ', absl::SkipEmpty())) {
    if (token[0] == '#' || token[0] == '@' ||
        absl::StartsWithIgnoreCase(token, "http://") ||
        absl::StartsWithIgnoreCase(token, "https://") ||
        absl::StartsWithIgnoreCase(token, "t.me/") ||
        !HasLetterOrDigit(token)) {
      continue;
    }
    return false;
  }
  return true;
}

}  // namespace

std::string PlainTextCleaner::Clean(absl::string_view bytes) const {
  return CleanLines(bytes, /*drop_signature=*/false);
}

std::string PlainTextCleaner::CleanTelegramPost(absl::string_view bytes) const {
  return CleanLines(bytes, /*drop_signature=*/true);
}

std::string PlainTextCleaner::CleanLines(absl::string_view bytes,
                                         bool drop_signature) const {
  const std::string clean = normalizer_.Clean(bytes, Layout::kParagraphs);
  // Lines kept, with an empty entry marking a paragraph break.
  std::vector<absl::string_view> lines;
  for (absl::string_view paragraph : absl::StrSplit(clean, "\n\n")) {
    if (!lines.empty()) lines.push_back("");
    for (absl::string_view line : absl::StrSplit(paragraph, '\n')) {
      if (filter_.Judge(normalizer_.Key(line)) != BoilerplateVerdict::kKeep) {
        continue;
      }
      lines.push_back(line);
    }
  }
  while (!lines.empty() &&
         (lines.back().empty() ||
          (drop_signature && IsSignatureLine(lines.back())))) {
    lines.pop_back();
  }
  std::string out;
  bool paragraph_break = false;
  for (absl::string_view line : lines) {
    if (line.empty()) {
      paragraph_break = true;
      continue;
    }
    if (!out.empty()) out.append(paragraph_break ? "\n\n" : "\n");
    paragraph_break = false;
    out.append(line.data(), line.size());
  }
  return out;
}

}  // namespace frontline::text
