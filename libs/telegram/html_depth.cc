#include "libs/telegram/html_depth.h"

#include <algorithm>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace frontline::telegram::internal {
namespace {

bool IsVoidElement(absl::string_view name) {
  static constexpr absl::string_view kVoid[] = {
      "area",  "base", "br",   "col",   "embed",  "hr",    "img",
      "input", "link", "meta", "param", "source", "track", "wbr"};
  for (absl::string_view v : kVoid) {
    if (absl::EqualsIgnoreCase(name, v)) return true;
  }
  return false;
}

}  // namespace

int EstimateHtmlDepth(absl::string_view html) {
  int depth = 0;
  int deepest = 0;
  size_t i = 0;
  while ((i = html.find('<', i)) != absl::string_view::npos) {
    absl::string_view rest = html.substr(i + 1);
    if (absl::StartsWith(rest, "!--")) {
      const size_t end = html.find("-->", i + 4);
      if (end == absl::string_view::npos) break;
      i = end + 3;
      continue;
    }
    const bool closing = !rest.empty() && rest[0] == '/';
    size_t name_start = closing ? 1 : 0;
    size_t name_end = name_start;
    while (name_end < rest.size() &&
           absl::ascii_isalnum(static_cast<unsigned char>(rest[name_end]))) {
      ++name_end;
    }
    const absl::string_view name =
        rest.substr(name_start, name_end - name_start);
    const size_t tag_end = html.find('>', i + 1);
    if (tag_end == absl::string_view::npos) break;
    i = tag_end + 1;
    if (name.empty() ||
        !absl::ascii_isalpha(static_cast<unsigned char>(name[0]))) {
      continue;
    }
    if (closing) {
      depth = std::max(depth - 1, 0);
      continue;
    }
    if (IsVoidElement(name) || html[tag_end - 1] == '/') continue;
    deepest = std::max(deepest, ++depth);
    if (absl::EqualsIgnoreCase(name, "script") ||
        absl::EqualsIgnoreCase(name, "style")) {
      const std::string close = absl::StrCat("</", absl::AsciiStrToLower(name));
      size_t end = i;
      while (end < html.size()) {
        end = html.find("</", end);
        if (end == absl::string_view::npos) break;
        if (absl::StartsWithIgnoreCase(html.substr(end), close)) break;
        end += 2;
      }
      if (end == absl::string_view::npos) break;
      i = end;
    }
  }
  return deepest;
}

}  // namespace frontline::telegram::internal
