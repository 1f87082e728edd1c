// Internal to frontline_text: a cheap upper bound on how deep a tree parser
// would nest a page, so absurd nesting is refused before gumbo (whose tree
// teardown recurses) sees it. Not a public header.
#ifndef FRONTLINE_LIBS_TEXT_HTML_DEPTH_H_
#define FRONTLINE_LIBS_TEXT_HTML_DEPTH_H_

#include "absl/strings/string_view.h"

namespace frontline::text::internal {

// The deepest nesting of start tags not yet closed. Void elements,
// self-closing tags, comments, doctype, the content of script/style/
// textarea/title, and elements whose end tag HTML lets a sibling imply
// (p, li, dt, dd, tr, td, th, option) do not count: the parser closes those
// itself, so its tree is never deeper than this estimate (plus html/body).
int EstimateHtmlDepth(absl::string_view html);

}  // namespace frontline::text::internal

#endif  // FRONTLINE_LIBS_TEXT_HTML_DEPTH_H_
