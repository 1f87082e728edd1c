// Internal to frontline_feeds: one parser per feed format, and what they
// share. Each fills feed->format, feed->info and feed->items, and appends
// recoverable problems to feed->report.problems.
#ifndef FRONTLINE_LIBS_FEEDS_FORMAT_PARSERS_H_
#define FRONTLINE_LIBS_FEEDS_FORMAT_PARSERS_H_

#include <optional>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "libs/feeds/feed_item.h"
#include "libs/feeds/feed_parser.h"
#include "libs/feeds/xml_util.h"

namespace frontline::feeds {

// <rss> (RSS 0.9x/2.0) and <rdf:RDF> (RSS 1.0) documents. `text` is what
// `xml` was loaded from. Items after a parse error are not returned; the item
// the error cut short is dropped.
void ParseRssDocument(absl::string_view text, const XmlDocument& xml,
                      const ParseOptions& options, ParsedFeed* feed);

// Atom 1.0 <feed> documents; same contract as ParseRssDocument.
void ParseAtomDocument(absl::string_view text, const XmlDocument& xml,
                       const ParseOptions& options, ParsedFeed* feed);

// JSON Feed 1.0/1.1 from valid UTF-8 whose nesting depth was checked.
// InvalidArgument when it is not JSON or has no "items" array.
absl::Status ParseJsonFeedText(absl::string_view text,
                               const ParseOptions& options, ParsedFeed* feed);

// Adds `item` unless options.max_items is reached (then records the loss
// once and returns false: stop reading).
bool AppendItem(FeedItem item, const ParseOptions& options, ParsedFeed* feed);

// Parses a date field of item number `index` (0-based); a blank text gives
// nullopt silently, an unparseable one nullopt and a problem.
std::optional<absl::Time> ParseItemTime(absl::string_view text, size_t index,
                                        ParsedFeed* feed);

}  // namespace frontline::feeds

#endif  // FRONTLINE_LIBS_FEEDS_FORMAT_PARSERS_H_
