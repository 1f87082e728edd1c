// The input formats `frontlinectl ingest` understands, and their names.
#ifndef FRONTLINE_LIBS_INGEST_INPUT_INPUT_FORMAT_H_
#define FRONTLINE_LIBS_INGEST_INPUT_INPUT_FORMAT_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "frontline/v1/source.pb.h"

namespace frontline::ingest_input {

enum class InputFormat {
  kUnknown,
  kTelegramExport,  // Telegram Desktop export, result.json
  kBotApi,          // Bot API getUpdates response
  kRss,             // RSS 0.9x / 2.0
  kAtom,            // Atom 1.0
  kRdf,             // RSS 1.0 / RDF
  kJsonFeed,        // JSON Feed 1.x
  kPreview,         // t.me/s/<channel> preview page
  kHtml,            // any other HTML page: one document
  kText,            // plain text: one document
};

// Stable names, as the command line spells them: "telegram-export",
// "bot-api", "rss", "atom", "rdf", "json-feed", "preview", "html", "text";
// "unknown" for kUnknown.
absl::string_view FormatName(InputFormat format);

// The inverse of FormatName. kInvalidArgument, listing the valid names, for
// anything else (including "unknown").
absl::StatusOr<InputFormat> ParseFormatName(absl::string_view name);

// An affiliation by the name of its enum value, case-insensitive, with or
// without the "AFFILIATION_" prefix and with '-' for '_':
// "ukrainian-monitoring", "UKRAINIAN_MONITORING" and
// "AFFILIATION_UKRAINIAN_MONITORING" are one value. kInvalidArgument, listing
// the valid names, for anything else.
absl::StatusOr<v1::Affiliation> ParseAffiliation(absl::string_view name);

}  // namespace frontline::ingest_input

#endif  // FRONTLINE_LIBS_INGEST_INPUT_INPUT_FORMAT_H_
