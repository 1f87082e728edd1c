#include "libs/text/boilerplate.h"

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "libs/text/line_reader.h"

namespace frontline::text {
namespace {

int CountWords(absl::string_view key) {
  if (key.empty()) return 0;
  int words = 1;
  for (char c : key) words += c == ' ';
  return words;
}

bool IsAsciiAlnum(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c));
}

// `phrase` begins `text` and does not end inside a word of it.
bool StartsWithWord(absl::string_view text, absl::string_view phrase) {
  if (!absl::StartsWith(text, phrase)) return false;
  if (text.size() == phrase.size() || phrase.empty()) return true;
  const char last = phrase.back();
  const char next = text[phrase.size()];
  if (!IsAsciiAlnum(last) && static_cast<unsigned char>(last) < 0x80) {
    return true;
  }
  return !IsAsciiAlnum(next) && static_cast<unsigned char>(next) < 0x80;
}

absl::string_view StripTrailingPunctuation(absl::string_view s) {
  while (!s.empty() &&
         (absl::ascii_ispunct(static_cast<unsigned char>(s.back())) ||
          s.back() == ' ')) {
    s.remove_suffix(1);
  }
  return s;
}

bool LooksLikeByline(absl::string_view key, absl::string_view phrase,
                     int max_words) {
  if (!StartsWithWord(key, phrase)) return false;
  if (max_words > 0 && CountWords(key) > max_words) return false;
  for (char c : key) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  const char last = key.back();
  return last != '.' && last != '!' && last != '?';
}

}  // namespace

absl::StatusOr<BoilerplateFilter> BoilerplateFilter::Load(
    const std::string& path, const UnicodeNormalizer& normalizer) {
  absl::StatusOr<std::string> contents = internal::ReadFile(path);
  if (!contents.ok()) return contents.status();
  absl::StatusOr<BoilerplateFilter> filter = Parse(*contents, normalizer);
  if (!filter.ok()) {
    return absl::Status(filter.status().code(),
                        absl::StrCat(path, ": ", filter.status().message()));
  }
  return filter;
}

absl::StatusOr<BoilerplateFilter> BoilerplateFilter::Parse(
    absl::string_view contents, const UnicodeNormalizer& normalizer) {
  absl::StatusOr<std::vector<internal::DataLine>> lines =
      internal::SplitDataLines(contents);
  if (!lines.ok()) return lines.status();
  BoilerplateFilter filter;
  for (const internal::DataLine& line : *lines) {
    auto bad = [&](absl::string_view why) {
      return absl::InvalidArgumentError(
          absl::StrCat("line ", line.number, ": ", why));
    };
    if (line.fields.size() != 3) {
      return bad("expected kind<TAB>max_words<TAB>phrase");
    }
    int max_words = 0;
    if (!absl::SimpleAtoi(line.fields[1], &max_words) || max_words < 0) {
      return bad("max_words is not a non-negative integer");
    }
    const std::string& kind = line.fields[0];
    if (kind == "class") {
      filter.container_hints_.push_back(absl::AsciiStrToLower(line.fields[2]));
      continue;
    }
    Rule rule;
    rule.max_words = max_words;
    rule.phrase_key = normalizer.Key(line.fields[2]);
    if (rule.phrase_key.empty()) return bad("empty phrase");
    if (kind == "prefix") {
      rule.kind = Kind::kPrefix;
    } else if (kind == "contains") {
      rule.kind = Kind::kContains;
    } else if (kind == "exact") {
      rule.kind = Kind::kExact;
      rule.phrase_key = std::string(StripTrailingPunctuation(rule.phrase_key));
    } else if (kind == "section") {
      rule.kind = Kind::kSection;
    } else if (kind == "byline") {
      rule.kind = Kind::kByline;
    } else {
      return bad(absl::StrCat("unknown kind '", kind, "'"));
    }
    filter.rules_.push_back(std::move(rule));
  }
  return filter;
}

BoilerplateVerdict BoilerplateFilter::Judge(
    absl::string_view paragraph_key) const {
  if (paragraph_key.empty()) return BoilerplateVerdict::kKeep;
  const int words = CountWords(paragraph_key);
  const absl::string_view bare = StripTrailingPunctuation(paragraph_key);
  for (const Rule& rule : rules_) {
    const bool short_enough = rule.max_words == 0 || words <= rule.max_words;
    switch (rule.kind) {
      case Kind::kPrefix:
        if (short_enough && StartsWithWord(paragraph_key, rule.phrase_key)) {
          return BoilerplateVerdict::kDrop;
        }
        break;
      case Kind::kSection:
        if (short_enough && StartsWithWord(paragraph_key, rule.phrase_key)) {
          return BoilerplateVerdict::kDropWithFollowingList;
        }
        break;
      case Kind::kContains:
        if (short_enough && absl::StrContains(paragraph_key, rule.phrase_key)) {
          return BoilerplateVerdict::kDrop;
        }
        break;
      case Kind::kExact:
        if (bare == rule.phrase_key) return BoilerplateVerdict::kDrop;
        break;
      case Kind::kByline:
        if (LooksLikeByline(paragraph_key, rule.phrase_key, rule.max_words)) {
          return BoilerplateVerdict::kDrop;
        }
        break;
    }
  }
  return BoilerplateVerdict::kKeep;
}

bool BoilerplateFilter::IsBoilerplateContainer(
    absl::string_view class_or_id) const {
  if (class_or_id.empty()) return false;
  const std::string lower = absl::AsciiStrToLower(class_or_id);
  for (const std::string& hint : container_hints_) {
    if (absl::StrContains(lower, hint)) return true;
  }
  return false;
}

}  // namespace frontline::text
