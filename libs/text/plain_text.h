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

  // Plain text (feed summaries, text/plain bodies): paragraphs are separated
  // by blank lines and come out in stored form (UnicodeNormalizer::Clean),
  // one blank line between them, line breaks inside a paragraph kept.
  // Paragraphs the filter judges boilerplate are dropped.
  std::string Clean(absl::string_view bytes) const;

  // The text of a Telegram post: as Clean, but every line is judged on its
  // own (posts put one statement a line), and trailing lines made only of
  // hashtags, @mentions, links and symbols (a channel's signature, "👉
  // @channel | t.me/channel") are dropped.
  std::string CleanTelegramPost(absl::string_view bytes) const;

 private:
  const UnicodeNormalizer& normalizer_;
  const BoilerplateFilter& filter_;
};

}  // namespace frontline::text

#endif  // FRONTLINE_LIBS_TEXT_PLAIN_TEXT_H_
