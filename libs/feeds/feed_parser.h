// Parsing news feeds (RSS 2.0, Atom 1.0, RSS 1.0/RDF, JSON Feed 1.x) from
// untrusted bytes into FeedItems.
//
// Promises, for any input whatsoever:
//  - No exception leaves these functions and no input crashes them.
//  - Nothing is fetched: no network, no file access. XML DTDs are never
//    processed, so internal entities (billion laughs) are not expanded and
//    external entities (SYSTEM "file:///...") are not resolved; an entity
//    reference in text stays in the output literally, e.g. "&lol9;".
//  - Input larger than ParseOptions::max_document_bytes is rejected before
//    any parsing, JSON nested deeper than max_json_depth before it is parsed.
//  - All strings in the result are valid UTF-8: a legacy encoding declared in
//    the XML prolog (windows-1251, KOI8-R, ISO-8859-x...) or signalled by a
//    UTF-16 byte order mark is converted; invalid bytes become U+FFFD and are
//    counted in ParseReport::invalid_utf8_replaced.
//  - All times are absolute (absl::Time); zones in the feed are applied.
//
// Thread-safe: the functions keep no state.
#ifndef FRONTLINE_LIBS_FEEDS_FEED_PARSER_H_
#define FRONTLINE_LIBS_FEEDS_FEED_PARSER_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "libs/feeds/feed_item.h"

namespace frontline::feeds {

struct ParseOptions {
  // Larger input is rejected with ResourceExhausted before parsing.
  std::size_t max_document_bytes = 16 * 1024 * 1024;
  // JSON nested deeper than this ({ and [ levels) is rejected with
  // ResourceExhausted before parsing. A JSON Feed needs 4.
  int max_json_depth = 32;
  // Items past this many are dropped and reported in ParseReport::problems.
  std::size_t max_items = 100000;
};

// What went wrong without making the whole feed unusable.
struct ParseReport {
  // The encoding the bytes were converted from ("UTF-8" when none was needed).
  std::string source_encoding = "UTF-8";
  // Invalid byte sequences replaced by U+FFFD.
  std::size_t invalid_utf8_replaced = 0;
  // One entry per recoverable problem, in document order: the XML broke off
  // after some items (DataLoss), an item was skipped (InvalidArgument), an
  // unparseable date was ignored (InvalidArgument), an encoding is unknown to
  // the converter (Unimplemented; the bytes are then read as UTF-8).
  std::vector<absl::Status> problems;
};

struct FeedInfo {
  std::string title;
  std::string link;      // the site, not the feed
  std::string language;  // as declared, e.g. "uk", "ru-RU"; may be empty
};

struct ParsedFeed {
  FeedFormat format = FeedFormat::kUnknown;
  FeedInfo info;
  // In document order. Every item has a non-empty external_id.
  std::vector<FeedItem> items;
  ParseReport report;
};

// Sniffs the format from the first bytes, without parsing: a '{' opens a
// JSON Feed, otherwise the first XML element's name decides (rss, feed,
// rdf:RDF). Returns kUnknown for anything else. UTF-8 and UTF-16 BOMs are
// skipped.
FeedFormat DetectFeedFormat(absl::string_view bytes);

// Parses a whole feed. Errors, when nothing usable comes out:
//  - ResourceExhausted: larger than max_document_bytes; JSON deeper than
//    max_json_depth.
//  - InvalidArgument: not a feed (unknown format or root element), malformed
//    XML or JSON with no item recoverable, a JSON Feed without "items".
// Malformed XML that breaks off after complete items returns those items and
// a DataLoss entry in report.problems. An item that cannot be read (not an
// object in JSON) is skipped with an entry in report.problems; the others are
// returned.
//
// External id fallback when an item has no id: its link; failing that
// "xxh3:" + 16 hex digits of XXH3-64 over the item's title and date text as
// written (and its body, when title and date are both empty). Such an id
// changes when the title is edited: those items cannot be tracked across
// edits.
absl::StatusOr<ParsedFeed> ParseFeed(absl::string_view bytes,
                                     const ParseOptions& options = {});

}  // namespace frontline::feeds

#endif  // FRONTLINE_LIBS_FEEDS_FEED_PARSER_H_
