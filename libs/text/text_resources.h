// Everything frontline_text reads from its data directory (data/ in the
// source tree; README.md there documents each file), loaded in one call.
#ifndef FRONTLINE_LIBS_TEXT_TEXT_RESOURCES_H_
#define FRONTLINE_LIBS_TEXT_TEXT_RESOURCES_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "libs/text/boilerplate.h"
#include "libs/text/canonical_url.h"
#include "libs/text/html_to_text.h"
#include "libs/text/language_id.h"
#include "libs/text/plain_text.h"
#include "libs/text/relative_date.h"
#include "libs/text/unicode_normalizer.h"

namespace frontline::text {

// Immutable once loaded; safe to share between threads. Held by pointer
// because the extractors it hands out refer to its members.
struct TextResources {
  // Reads boilerplate.txt, languages.txt, calendar.txt and
  // tracking_params.txt from `data_dir`. The first failure is returned,
  // naming the file (kNotFound, kInvalidArgument with the line).
  static absl::StatusOr<std::unique_ptr<const TextResources>> Load(
      const std::string& data_dir);

  HtmlToText html() const { return HtmlToText(normalizer, boilerplate); }
  PlainTextCleaner plain() const {
    return PlainTextCleaner(normalizer, boilerplate);
  }

  UnicodeNormalizer normalizer;
  BoilerplateFilter boilerplate;
  LanguageIdentifier languages;
  RelativeDateResolver dates;
  UrlCanonicalizer urls;
};

}  // namespace frontline::text

#endif  // FRONTLINE_LIBS_TEXT_TEXT_RESOURCES_H_
