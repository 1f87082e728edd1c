#include "libs/ingest_input/input_format.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"

namespace frontline::ingest_input {
namespace {

constexpr std::pair<InputFormat, absl::string_view> kNames[] = {
    {InputFormat::kTelegramExport, "telegram-export"},
    {InputFormat::kBotApi, "bot-api"},
    {InputFormat::kRss, "rss"},
    {InputFormat::kAtom, "atom"},
    {InputFormat::kRdf, "rdf"},
    {InputFormat::kJsonFeed, "json-feed"},
    {InputFormat::kPreview, "preview"},
    {InputFormat::kHtml, "html"},
    {InputFormat::kText, "text"},
};

constexpr absl::string_view kAffiliationPrefix = "AFFILIATION_";

}  // namespace

absl::string_view FormatName(InputFormat format) {
  for (const auto& [value, name] : kNames) {
    if (value == format) return name;
  }
  return "unknown";
}

absl::StatusOr<InputFormat> ParseFormatName(absl::string_view name) {
  std::vector<absl::string_view> valid;
  for (const auto& [value, known] : kNames) {
    if (known == name) return value;
    valid.push_back(known);
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown format \"", name, "\"; one of ", absl::StrJoin(valid, ", ")));
}

absl::StatusOr<v1::Affiliation> ParseAffiliation(absl::string_view name) {
  std::string upper =
      absl::StrReplaceAll(absl::AsciiStrToUpper(name), {{"-", "_"}});
  if (!absl::StartsWith(upper, kAffiliationPrefix)) {
    upper = absl::StrCat(kAffiliationPrefix, upper);
  }
  v1::Affiliation affiliation;
  if (upper != "AFFILIATION_UNSPECIFIED" &&
      v1::Affiliation_Parse(upper, &affiliation)) {
    return affiliation;
  }
  std::vector<std::string> valid;
  for (int i = v1::Affiliation_MIN + 1; i <= v1::Affiliation_MAX; ++i) {
    if (!v1::Affiliation_IsValid(i)) continue;
    std::string known = absl::AsciiStrToLower(
        v1::Affiliation_Name(static_cast<v1::Affiliation>(i))
            .substr(kAffiliationPrefix.size()));
    valid.push_back(absl::StrReplaceAll(known, {{"_", "-"}}));
  }
  return absl::InvalidArgumentError(absl::StrCat("unknown affiliation \"", name,
                                                 "\"; one of ",
                                                 absl::StrJoin(valid, ", ")));
}

}  // namespace frontline::ingest_input
