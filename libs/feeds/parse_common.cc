#include <optional>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "libs/feeds/feed_time.h"
#include "libs/feeds/format_parsers.h"

namespace frontline::feeds {

bool AppendItem(FeedItem item, const ParseOptions& options, ParsedFeed* feed) {
  if (feed->items.size() >= options.max_items) {
    feed->report.problems.push_back(absl::ResourceExhaustedError(absl::StrCat(
        "more than ", options.max_items, " items; the rest are dropped")));
    return false;
  }
  feed->items.push_back(std::move(item));
  return true;
}

std::optional<absl::Time> ParseItemTime(absl::string_view text, size_t index,
                                        ParsedFeed* feed) {
  text = absl::StripAsciiWhitespace(text);
  if (text.empty()) return std::nullopt;
  absl::StatusOr<absl::Time> time = ParseFeedTime(text);
  if (time.ok()) return *time;
  feed->report.problems.push_back(absl::InvalidArgumentError(
      absl::StrCat("item ", index, ": ", time.status().message())));
  return std::nullopt;
}

}  // namespace frontline::feeds
