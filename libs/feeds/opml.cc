#include "libs/feeds/opml.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "libs/feeds/encoding.h"
#include "libs/feeds/xml_util.h"

namespace frontline::feeds {
namespace {

std::string Trimmed(absl::string_view text) {
  return std::string(absl::StripAsciiWhitespace(text));
}

std::string OutlineTitle(pugi::xml_node outline) {
  std::string title = Trimmed(Attribute(outline, "title"));
  return title.empty() ? Trimmed(Attribute(outline, "text")) : title;
}

}  // namespace

absl::StatusOr<OpmlDocument> ParseOpml(absl::string_view bytes,
                                       const ParseOptions& options) {
  if (bytes.size() > options.max_document_bytes) {
    return absl::ResourceExhaustedError(
        absl::StrCat("OPML of ", bytes.size(), " bytes exceeds the limit of ",
                     options.max_document_bytes));
  }
  OpmlDocument out;
  const Utf8Text decoded = DecodeXml(bytes);
  out.report.source_encoding = decoded.source_encoding;
  out.report.invalid_utf8_replaced = decoded.replaced;
  if (!decoded.problem.ok()) out.report.problems.push_back(decoded.problem);
  XmlDocument xml;
  LoadXml(decoded.text, &xml);
  pugi::xml_node root = xml.doc.document_element();
  if (!root) {
    return xml.status.ok() ? absl::InvalidArgumentError("no XML element")
                           : xml.status;
  }
  if (LocalName(root) != "opml") {
    return absl::InvalidArgumentError(
        "not OPML: the root element is not <opml>");
  }
  out.title = AllText(root.child("head").child("title"));
  absl::flat_hash_set<std::string> seen;
  std::vector<std::string> path;
  // Depth-first over outlines without recursion: hostile input nests deep.
  pugi::xml_node body = root.child("body");
  pugi::xml_node node = body.first_child();
  while (node && node != body) {
    const bool is_outline =
        node.type() == pugi::node_element && LocalName(node) == "outline";
    if (is_outline) {
      std::string xml_url = Trimmed(Attribute(node, "xmlUrl"));
      if (!xml_url.empty()) {
        if (!seen.insert(xml_url).second) {
          out.report.problems.push_back(absl::AlreadyExistsError(absl::StrCat(
              "duplicate feed ", xml_url.substr(0, 200), "; skipped")));
        } else if (out.feeds.size() >= options.max_items) {
          out.report.problems.push_back(absl::ResourceExhaustedError(
              absl::StrCat("more than ", options.max_items, " feeds")));
          break;
        } else {
          FeedSubscription feed;
          feed.title = OutlineTitle(node);
          feed.xml_url = std::move(xml_url);
          feed.html_url = Trimmed(Attribute(node, "htmlUrl"));
          feed.type = Trimmed(Attribute(node, "type"));
          feed.language = Trimmed(Attribute(node, "language"));
          feed.categories = path;
          out.feeds.push_back(std::move(feed));
        }
      } else if (node.first_child()) {
        path.push_back(OutlineTitle(node));
        node = node.first_child();
        continue;
      }
    }
    while (node != body && !node.next_sibling()) {
      node = node.parent();
      if (node != body && !path.empty()) path.pop_back();
    }
    if (node != body) node = node.next_sibling();
  }
  if (!xml.status.ok()) {
    if (out.feeds.empty()) return xml.status;
    out.report.problems.push_back(absl::DataLossError(
        absl::StrCat(xml.status.message(), "; kept the ", out.feeds.size(),
                     " feeds before it")));
  }
  return out;
}

frontline::v1::Source ToSource(const FeedSubscription& feed) {
  frontline::v1::Source source;
  source.set_id(absl::StrCat("feed:", feed.xml_url));
  source.set_kind(frontline::v1::SOURCE_KIND_FEED);
  source.set_name(feed.title.empty() ? feed.xml_url : feed.title);
  source.set_url(feed.xml_url);
  source.set_language(feed.language);
  return source;
}

}  // namespace frontline::feeds
