// Plain text and Telegram post text to clean text.
#ifndef FRONTLINE_LIBS_TEXT_PLAIN_TEXT_H_
#define FRONTLINE_LIBS_TEXT_PLAIN_TEXT_H_

#include <string>

#include "absl/strings/string_view.h"
#include "libs/text/boilerplate.h"
#include "libs/text/unicode_normalizer.h"

namespace frontline::text {

// Holds references to the normalizer and filter, which must outlive it.
// Immutable; safe to share between threads. Never fails on any input.
class PlainTextCleaner {
 public:
  PlainTextCleaner(const UnicodeNormalizer& normalizer,
                   const BoilerplateFilter& filter)
      : normalizer_(normalizer), filter_(filter) {}

  // Plain text (feed summaries, text/plain bodies, extracted articles):
  // comes out in stored form (UnicodeNormalizer::Clean), paragraphs
  // separated by one blank line, line breaks inside a paragraph kept. Every
  // line is judged by the filter on its own (plain text commonly puts one
  // paragraph a line, bylines and "See also" links included) and dropped
  // when it is boilerplate.
  std::string Clean(absl::string_view bytes) const;

  // The text of a Telegram post: as Clean, and trailing lines made only of
  // hashtags, @mentions, links and symbols (a channel's signature, "👉
  // @channel | t.me/channel") are dropped.
  std::string CleanTelegramPost(absl::string_view bytes) const;

 private:
  std::string CleanLines(absl::string_view bytes, bool drop_signature) const;

  const UnicodeNormalizer& normalizer_;
  const BoilerplateFilter& filter_;
};

}  // namespace frontline::text

#endif  // FRONTLINE_LIBS_TEXT_PLAIN_TEXT_H_
