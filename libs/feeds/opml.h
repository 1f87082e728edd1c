// Importing feed subscription lists (OPML 1.0/2.0 outlines).
#ifndef FRONTLINE_LIBS_FEEDS_OPML_H_
#define FRONTLINE_LIBS_FEEDS_OPML_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "frontline/v1/source.pb.h"
#include "libs/feeds/feed_parser.h"

namespace frontline::feeds {

struct FeedSubscription {
  std::string title;     // title=, else text=
  std::string xml_url;   // xmlUrl=: the feed itself; never empty
  std::string html_url;  // htmlUrl=: the site
  std::string type;      // type= as written ("rss", "atom"...), may be empty
  std::string language;  // language=, may be empty
  // The titles of the enclosing outlines, outermost first, e.g.
  // {"Ukraine", "Independent media"}.
  std::vector<std::string> categories;
};

struct OpmlDocument {
  std::string title;  // head/title
  // In document order; an xmlUrl seen before is skipped with a problem.
  std::vector<FeedSubscription> feeds;
  ParseReport report;
};

// Parses an OPML document with the same promises as ParseFeed (no DTD, no
// fetching, size limit, encodings, UTF-8 output; options.max_items bounds the
// number of feeds). Every outline with an xmlUrl is a feed, at any depth;
// outlines without one are categories. InvalidArgument when the input is not
// XML or its root is not <opml>; ResourceExhausted when too large. Malformed
// XML keeps the feeds read before the error, with a DataLoss problem.
absl::StatusOr<OpmlDocument> ParseOpml(absl::string_view bytes,
                                       const ParseOptions& options = {});

// A Source for a subscription: id "feed:" + xml_url, kind SOURCE_KIND_FEED,
// name = title (xml_url when untitled), url = xml_url, language. Affiliation
// and trust are left unspecified: OPML does not carry them.
frontline::v1::Source ToSource(const FeedSubscription& feed);

}  // namespace frontline::feeds

#endif  // FRONTLINE_LIBS_FEEDS_OPML_H_
