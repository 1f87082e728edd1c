#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "libs/feeds/format_parsers.h"
#include "libs/feeds/item_identity.h"

namespace frontline::feeds {
namespace {

// RSS 2.0 elements carry no namespace, RSS 1.0 elements the RSS 1.0 one.
bool IsCore(pugi::xml_node node, absl::string_view local) {
  if (LocalName(node) != local) return false;
  absl::string_view ns = NamespaceUri(node);
  return ns.empty() || ns == kRss1Ns;
}

// "editor@example.org (Olena Kovalenko)" -> "Olena Kovalenko".
std::string AuthorName(absl::string_view author) {
  author = absl::StripAsciiWhitespace(author);
  const size_t open = author.find('(');
  const size_t close = author.rfind(')');
  if (open != absl::string_view::npos && close != absl::string_view::npos &&
      close > open + 1) {
    return std::string(
        absl::StripAsciiWhitespace(author.substr(open + 1, close - open - 1)));
  }
  return std::string(author);
}

std::string RdfAbout(pugi::xml_node item) {
  for (pugi::xml_attribute attribute : item.attributes()) {
    absl::string_view name = attribute.name();
    if (name == "about" || absl::EndsWith(name, ":about")) {
      return attribute.value();
    }
  }
  return "";
}

bool LooksLikeUrl(absl::string_view text) {
  return absl::StartsWithIgnoreCase(text, "http://") ||
         absl::StartsWithIgnoreCase(text, "https://");
}

FeedItem ReadItem(pugi::xml_node node, bool rdf, size_t index,
                  ParsedFeed* feed) {
  FeedItem item;
  item.format = rdf ? FeedFormat::kRdf : FeedFormat::kRss2;
  std::string guid;
  bool guid_is_permalink = false;
  std::string description;
  std::string encoded;
  std::string date_text;
  std::string rss_author;
  std::vector<std::string> creators;
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    if (IsCore(child, "title")) {
      item.title = AllText(child);
    } else if (IsCore(child, "link")) {
      item.url = AllText(child);
    } else if (IsCore(child, "description")) {
      description = Content(child);
    } else if (IsCore(child, "guid")) {
      guid = AllText(child);
      guid_is_permalink = !absl::EqualsIgnoreCase(
          absl::StripAsciiWhitespace(Attribute(child, "isPermaLink")), "false");
    } else if (IsCore(child, "pubDate")) {
      date_text = AllText(child);
    } else if (IsCore(child, "author")) {
      rss_author = AuthorName(AllText(child));
    } else if (IsCore(child, "category")) {
      item.categories.push_back(AllText(child));
    } else if (Is(child, kContentNs, "encoded")) {
      encoded = Content(child);
    } else if (Is(child, kDcNs, "creator")) {
      creators.push_back(AllText(child));
    } else if (Is(child, kDcNs, "date")) {
      if (date_text.empty()) date_text = AllText(child);
    } else if (Is(child, kDcNs, "subject")) {
      item.categories.push_back(AllText(child));
    }
  }
  if (item.url.empty() && guid_is_permalink && LooksLikeUrl(guid)) {
    item.url = guid;
  }
  item.published = ParseItemTime(date_text, index, feed);
  if (!encoded.empty()) {
    item.body = std::move(encoded);
  } else {
    item.body = std::move(description);
  }
  item.body_type = item.body.empty() ? BodyType::kNone : BodyType::kHtml;
  std::erase(creators, "");
  item.author = creators.empty() ? rss_author : absl::StrJoin(creators, ", ");
  AssignExternalId(rdf ? RdfAbout(node) : guid, date_text, &item);
  return item;
}

}  // namespace

void ParseRssDocument(absl::string_view text, const XmlDocument& xml,
                      const ParseOptions& options, ParsedFeed* feed) {
  pugi::xml_node root = xml.doc.document_element();
  const bool rdf = LocalName(root) == "RDF";
  feed->format = rdf ? FeedFormat::kRdf : FeedFormat::kRss2;
  pugi::xml_node channel;
  for (pugi::xml_node child : root.children()) {
    if (IsCore(child, "channel")) {
      channel = child;
      break;
    }
  }
  for (pugi::xml_node child : channel.children()) {
    if (IsCore(child, "title")) {
      feed->info.title = AllText(child);
    } else if (IsCore(child, "link")) {
      feed->info.link = AllText(child);
    } else if (IsCore(child, "language") || Is(child, kDcNs, "language")) {
      feed->info.language = AllText(child);
    }
  }
  // RSS 2.0 nests items in the channel; RSS 1.0 (and 0.90) beside it.
  pugi::xml_node container = rdf || !channel ? root : channel;
  size_t index = 0;
  for (pugi::xml_node child : container.children()) {
    if (!IsCore(child, "item")) continue;
    if (!ClosedBeforeError(text, xml, child)) {
      feed->report.problems.push_back(absl::DataLossError(
          absl::StrCat("item ", index, " is cut off by a syntax error")));
      break;
    }
    if (!AppendItem(ReadItem(child, rdf, index, feed), options, feed)) break;
    ++index;
  }
}

}  // namespace frontline::feeds
