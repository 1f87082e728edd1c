// One item of a news feed, format-neutral, as the parsers in feed_parser.h
// produce it.
#ifndef FRONTLINE_LIBS_FEEDS_FEED_ITEM_H_
#define FRONTLINE_LIBS_FEEDS_FEED_ITEM_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"

namespace frontline::feeds {

enum class FeedFormat {
  kUnknown,
  kRss2,      // RSS 0.9x / 2.0: <rss><channel><item>
  kAtom,      // Atom 1.0: <feed xmlns="http://www.w3.org/2005/Atom"><entry>
  kRdf,       // RSS 1.0: <rdf:RDF><item rdf:about=...>
  kJsonFeed,  // JSON Feed 1.0 / 1.1: {"version": ..., "items": [...]}
};

// Stable lowercase name: "rss", "atom", "rdf", "jsonfeed", "unknown".
const char* FeedFormatName(FeedFormat format);

// Where FeedItem::external_id came from, most to least trustworthy.
enum class ExternalIdOrigin {
  kNative,  // RSS <guid>, Atom <id>, RDF rdf:about, JSON Feed "id"
  kLink,    // the item had no id; its link stands in
  kHash,    // no id and no link: "xxh3:" + hex hash of title and date text
};

enum class BodyType {
  kNone,  // the item carries no content at all
  kText,  // plain text
  kHtml,  // HTML (RSS description/content:encoded, Atom html/xhtml,
          // JSON content_html)
};

struct FeedItem {
  FeedFormat format = FeedFormat::kUnknown;
  // Never empty on items returned by the parsers (see ExternalIdOrigin).
  std::string external_id;
  ExternalIdOrigin external_id_origin = ExternalIdOrigin::kNative;
  // Absolute or as the feed wrote it; empty when the item has no link.
  std::string url;
  // Absent when the item carries no parseable date. Atom entries without
  // <published> use <updated> here.
  std::optional<absl::Time> published;
  // The last modification the feed reports (Atom <updated>, JSON
  // date_modified), absent when there is none or it is unparseable.
  std::optional<absl::Time> updated;
  std::string title;
  // Display name; several authors are joined with ", ".
  std::string author;
  // The richest content the item offers: RSS content:encoded > description;
  // Atom content > summary; JSON content_html > content_text > summary.
  std::string body;
  BodyType body_type = BodyType::kNone;
  std::vector<std::string> categories;
};

}  // namespace frontline::feeds

#endif  // FRONTLINE_LIBS_FEEDS_FEED_ITEM_H_
