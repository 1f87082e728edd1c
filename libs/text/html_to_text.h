// HTML pages to clean text: the article's paragraphs, without markup,
// navigation or boilerplate.
#ifndef FRONTLINE_LIBS_TEXT_HTML_TO_TEXT_H_
#define FRONTLINE_LIBS_TEXT_HTML_TO_TEXT_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "libs/text/boilerplate.h"
#include "libs/text/unicode_normalizer.h"

namespace frontline::text {

struct HtmlToTextOptions {
  // Larger inputs are refused (kResourceExhausted) before parsing: gumbo
  // holds the whole tree, roughly ten times the input, in memory.
  size_t max_input_bytes = 8 << 20;
  // Pages nesting elements deeper than this are refused (kResourceExhausted)
  // before parsing. Gumbo 0.10 has no depth limit of its own.
  int max_depth = 512;
  // When the page has <article> elements, only the one with the most text is
  // read; otherwise <main> (or role="main"); otherwise <body>.
  bool prefer_main_content = true;
};

struct ExtractedText {
  // The first <h1> of the content (else of the page), else <title>; stored
  // form on one line; may be empty.
  std::string title;
  // Paragraphs in stored form (UnicodeNormalizer::Clean) separated by one
  // blank line: every block element (p, div, h1-h6, blockquote, pre, table,
  // figcaption...) is a paragraph, <br> a line break, a list one paragraph
  // with an item a line, table rows lines. Character references decoded.
  // Does not begin with the title: a first paragraph equal to it is left
  // out, so pages that put the headline inside or outside their <header>
  // give the same text.
  std::string text;
  // Blocks dropped as boilerplate or navigation.
  int paragraphs_dropped = 0;
};

// Never reads outside the content subtrees: script, style, template,
// noscript, nav, header, footer, aside, form, iframe, svg, button and the
// like, elements marked hidden/aria-hidden, elements with role navigation,
// banner, contentinfo or complementary, and elements whose class or id the
// filter names as boilerplate containers are skipped with all they hold.
// Within the content, blocks that are mostly link text and short are
// navigation and dropped, and the filter judges every block.
//
// Holds references to the normalizer and filter, which must outlive it.
// Immutable; safe to share between threads.
class HtmlToText {
 public:
  HtmlToText(const UnicodeNormalizer& normalizer,
             const BoilerplateFilter& filter)
      : normalizer_(normalizer), filter_(filter) {}

  // Any bytes are accepted (ill-formed UTF-8 becomes U+FFFD, NUL is
  // dropped); fails only with kResourceExhausted for input past the limits
  // of `options`.
  absl::StatusOr<ExtractedText> Extract(
      absl::string_view html, const HtmlToTextOptions& options = {}) const;

 private:
  const UnicodeNormalizer& normalizer_;
  const BoilerplateFilter& filter_;
};

}  // namespace frontline::text

#endif  // FRONTLINE_LIBS_TEXT_HTML_TO_TEXT_H_
