#include "libs/text/html_depth.h"

#include <algorithm>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace frontline::text::internal {
namespace {

bool IsUncounted(absl::string_view name) {
  static constexpr absl::string_view kNames[] = {
      "area", "base", "br",    "col",    "embed", "hr",    "img", "input",
      "link", "meta", "param", "source", "track", "wbr",   "p",   "li",
      "dt",   "dd",   "tr",    "td",     "th",    "option"};
  for (absl::string_view n : kNames) {
    if (name == n) return true;
  }
  return false;
}

bool IsRawText(absl::string_view name) {
  return name == "script" || name == "style" || name == "textarea" ||
         name == "title" || name == "xmp" || name == "plaintext";
}

}  // namespace

int EstimateHtmlDepth(absl::string_view html) {
  int depth = 0;
  int deepest = 0;
  size_t i = 0;
  std::string name;
  while (true) {
    i = html.find('<', i);
    if (i == absl::string_view::npos || i + 1 >= html.size()) break;
    const char next = html[i + 1];
    if (next == '!') {
      if (absl::StartsWith(html.substr(i), "<!--")) {
        const size_t end = html.find("-->", i + 4);
        if (end == absl::string_view::npos) break;
        i = end + 3;
      } else {
        i = html.find('>', i + 2);
        if (i == absl::string_view::npos) break;
      }
      continue;
    }
    const bool closing = next == '/';
    size_t p = i + (closing ? 2 : 1);
    name.clear();
    while (p < html.size() &&
           absl::ascii_isalnum(static_cast<unsigned char>(html[p]))) {
      name.push_back(absl::ascii_tolower(static_cast<unsigned char>(html[p])));
      ++p;
    }
    if (name.empty()) {
      i = p;
      continue;
    }
    const size_t close = html.find('>', p);
    if (close == absl::string_view::npos) break;
    i = close + 1;
    if (IsUncounted(name)) continue;
    if (closing) {
      depth = std::max(0, depth - 1);
      continue;
    }
    if (html[close - 1] == '/') continue;
    if (IsRawText(name)) {
      const std::string end_tag = "</" + name;
      size_t end = i;
      while (true) {
        end = html.find("</", end);
        if (end == absl::string_view::npos) return deepest;
        if (absl::EqualsIgnoreCase(html.substr(end, end_tag.size()), end_tag)) {
          break;
        }
        end += 2;
      }
      i = end;
      ++depth;
      deepest = std::max(deepest, depth);
      continue;
    }
    ++depth;
    deepest = std::max(deepest, depth);
  }
  return deepest;
}

}  // namespace frontline::text::internal
