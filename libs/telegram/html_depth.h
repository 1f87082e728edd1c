// Internal to frontline_telegram: a cheap bound on HTML nesting, so pages
// that would nest absurdly deep are refused before a tree parser sees them.
// Not a public header.
#ifndef FRONTLINE_LIBS_TELEGRAM_HTML_DEPTH_H_
#define FRONTLINE_LIBS_TELEGRAM_HTML_DEPTH_H_

#include "absl/strings/string_view.h"

namespace frontline::telegram::internal {

// The deepest nesting of start tags not yet closed, scanning tags only:
// void elements, self-closing tags, comments, doctype and the content of
// script and style do not count. Parsers close some tags implicitly, so the
// tree is never deeper than this.
int EstimateHtmlDepth(absl::string_view html);

}  // namespace frontline::telegram::internal

#endif  // FRONTLINE_LIBS_TELEGRAM_HTML_DEPTH_H_
