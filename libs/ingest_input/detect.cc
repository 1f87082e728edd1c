#include "libs/ingest_input/detect.h"

#include <map>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "libs/feeds/feed_item.h"
#include "libs/feeds/feed_parser.h"

namespace frontline::ingest_input {
namespace {

constexpr absl::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr absl::string_view kJsonFeedVersion = "https://jsonfeed.org/version/1";

bool IsUtf16Bom(absl::string_view bytes) {
  return absl::StartsWith(bytes, "\xFF\xFE") ||
         absl::StartsWith(bytes, "\xFE\xFF");
}

size_t SkipWhitespace(absl::string_view s, size_t i) {
  while (i < s.size() && absl::ascii_isspace(static_cast<unsigned char>(s[i])))
    ++i;
  return i;
}

// What the top level of a (possibly cut-off) JSON object shows.
struct JsonShape {
  // Top-level key -> first character of its value ('[', '{', '"', ...).
  std::map<std::string, char, std::less<>> keys;
  // The start of the top-level "version" string.
  std::string version;
};

// Reads keys without building values; stops quietly where `json` breaks off.
JsonShape ScanJsonObject(absl::string_view json) {
  JsonShape shape;
  int depth = 0;
  size_t i = 0;
  while (i < json.size()) {
    const char c = json[i];
    if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth <= 0) break;
    } else if (c == '"') {
      size_t end = i + 1;
      while (end < json.size() && json[end] != '"') {
        end += json[end] == '\\' ? 2 : 1;
      }
      if (end >= json.size()) break;
      const absl::string_view text = json.substr(i + 1, end - i - 1);
      i = end + 1;
      const size_t colon = SkipWhitespace(json, i);
      if (depth == 1 && colon < json.size() && json[colon] == ':') {
        const size_t value = SkipWhitespace(json, colon + 1);
        if (value >= json.size()) break;
        shape.keys.emplace(std::string(text), json[value]);
        if (text == "version" && json[value] == '"') {
          shape.version =
              std::string(json.substr(value + 1, kJsonFeedVersion.size()));
        }
        i = colon + 1;
      }
      continue;
    }
    ++i;
  }
  return shape;
}

InputFormat DetectJson(absl::string_view json) {
  const JsonShape shape = ScanJsonObject(json);
  auto value_is = [&](absl::string_view key, char first) {
    auto it = shape.keys.find(key);
    return it != shape.keys.end() && it->second == first;
  };
  if (value_is("messages", '[') &&
      (shape.keys.contains("name") || shape.keys.contains("type"))) {
    return InputFormat::kTelegramExport;
  }
  if (shape.keys.contains("ok") && value_is("result", '[')) {
    return InputFormat::kBotApi;
  }
  if (shape.version == kJsonFeedVersion) return InputFormat::kJsonFeed;
  return InputFormat::kUnknown;
}

bool HasHtmlName(absl::string_view name) {
  return absl::EndsWithIgnoreCase(name, ".html") ||
         absl::EndsWithIgnoreCase(name, ".htm");
}

// The lower-cased name of the first element, after any XML declaration,
// processing instructions, comments and doctype; "!doctype html" for an HTML
// doctype. Empty when `markup` holds no element.
std::string FirstElementName(absl::string_view markup) {
  size_t i = 0;
  while ((i = markup.find('<', i)) != absl::string_view::npos) {
    absl::string_view rest = markup.substr(i + 1);
    if (absl::StartsWith(rest, "!--")) {
      const size_t close = markup.find("-->", i);
      if (close == absl::string_view::npos) return "";
      i = close + 3;
      continue;
    }
    const std::string lower = absl::AsciiStrToLower(
        rest.substr(0, std::min<size_t>(rest.size(), 64)));
    if (absl::StartsWith(lower, "!doctype")) {
      if (absl::StrContains(lower.substr(0, lower.find('>')), "html")) {
        return "!doctype html";
      }
      i += 1;
      continue;
    }
    if (absl::StartsWith(lower, "?") || absl::StartsWith(lower, "!")) {
      i += 1;
      continue;
    }
    const size_t end = lower.find_first_of(" \t\r\n/>");
    return lower.substr(0, end);
  }
  return "";
}

// True when the first element is one only HTML has (a whole page or a
// fragment); XML vocabularies such as OPML also use <head> and <body>, but
// not first.
bool LooksLikeHtml(absl::string_view markup) {
  static constexpr absl::string_view kHtmlFirst[] = {"!doctype html",
                                                     "html",
                                                     "head",
                                                     "body",
                                                     "meta",
                                                     "title",
                                                     "div",
                                                     "p",
                                                     "article",
                                                     "section",
                                                     "main",
                                                     "span",
                                                     "a",
                                                     "h1",
                                                     "h2",
                                                     "h3",
                                                     "table",
                                                     "ul",
                                                     "ol",
                                                     "br",
                                                     "b",
                                                     "i",
                                                     "em",
                                                     "strong",
                                                     "header"};
  const std::string first = FirstElementName(markup);
  for (absl::string_view name : kHtmlFirst) {
    if (first == name) return true;
  }
  return false;
}

InputFormat DetectMarkup(absl::string_view head, absl::string_view name_hint) {
  switch (feeds::DetectFeedFormat(head)) {
    case feeds::FeedFormat::kRss2:
      return InputFormat::kRss;
    case feeds::FeedFormat::kAtom:
      return InputFormat::kAtom;
    case feeds::FeedFormat::kRdf:
      return InputFormat::kRdf;
    default:
      break;
  }
  if (IsUtf16Bom(head)) return InputFormat::kUnknown;
  if (absl::StrContains(head, "tgme_widget_message")) {
    return InputFormat::kPreview;
  }
  if (LooksLikeHtml(head) || HasHtmlName(name_hint)) return InputFormat::kHtml;
  return InputFormat::kUnknown;
}

}  // namespace

InputFormat DetectFormat(absl::string_view head, absl::string_view name_hint) {
  if (IsUtf16Bom(head)) return DetectMarkup(head, name_hint);
  absl::string_view start = head;
  if (absl::StartsWith(start, kUtf8Bom)) start.remove_prefix(kUtf8Bom.size());
  start = absl::StripLeadingAsciiWhitespace(start);
  if (start.empty() || absl::StrContains(head, absl::string_view("\0", 1))) {
    return InputFormat::kUnknown;
  }
  if (start.front() == '{') return DetectJson(start);
  if (start.front() == '[') return InputFormat::kUnknown;
  if (start.front() == '<') return DetectMarkup(head, name_hint);
  if (HasHtmlName(name_hint) && LooksLikeHtml(start)) return InputFormat::kHtml;
  return InputFormat::kText;
}

}  // namespace frontline::ingest_input
