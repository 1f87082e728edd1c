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

struct TextConstruct {
  std::string text;
  BodyType type = BodyType::kNone;
};

// An Atom text construct (content, summary) by its type attribute (RFC 4287
// 3.1 and 4.1.3). Out-of-line content (src=) and non-text media types give
// nothing.
TextConstruct ReadTextConstruct(pugi::xml_node node) {
  TextConstruct out;
  if (!node || !Attribute(node, "src").empty()) return out;
  const std::string type = absl::AsciiStrToLower(
      absl::StripAsciiWhitespace(Attribute(node, "type")));
  if (type == "xhtml" || type == "application/xhtml+xml") {
    pugi::xml_node div = Child(node, kXhtmlNs, "div");
    out.text = div ? InnerXml(div) : InnerXml(node);
    absl::StripAsciiWhitespace(&out.text);
    out.type = BodyType::kHtml;
  } else if (type == "html" || type == "text/html") {
    out.text = Content(node);
    out.type = BodyType::kHtml;
  } else if (type.empty() || type == "text" ||
             absl::StartsWith(type, "text/")) {
    out.text = AllText(node);
    out.type = BodyType::kText;
  }
  if (out.text.empty()) out.type = BodyType::kNone;
  return out;
}

std::vector<std::string> AuthorNames(pugi::xml_node parent,
                                     absl::string_view ns) {
  std::vector<std::string> names;
  for (pugi::xml_node child : parent.children()) {
    if (!Is(child, ns, "author")) continue;
    std::string name = AllText(Child(child, ns, "name"));
    if (!name.empty()) names.push_back(std::move(name));
  }
  return names;
}

// rel="alternate" (or no rel), preferring type text/html.
std::string AlternateLink(pugi::xml_node parent, absl::string_view ns) {
  std::string first;
  for (pugi::xml_node child : parent.children()) {
    if (!Is(child, ns, "link")) continue;
    absl::string_view rel = Attribute(child, "rel");
    if (!rel.empty() && rel != "alternate") continue;
    absl::string_view href =
        absl::StripAsciiWhitespace(Attribute(child, "href"));
    if (href.empty()) continue;
    absl::string_view type = Attribute(child, "type");
    if (type.empty() || absl::StartsWithIgnoreCase(type, "text/html")) {
      return std::string(href);
    }
    if (first.empty()) first = std::string(href);
  }
  return first;
}

FeedItem ReadEntry(pugi::xml_node entry, absl::string_view ns,
                   const std::vector<std::string>& feed_authors, size_t index,
                   ParsedFeed* feed) {
  FeedItem item;
  item.format = FeedFormat::kAtom;
  item.title = AllText(Child(entry, ns, "title"));
  item.url = AlternateLink(entry, ns);
  const std::string published_text = AllText(Child(entry, ns, "published"));
  const std::string updated_text = AllText(Child(entry, ns, "updated"));
  item.published = ParseItemTime(published_text, index, feed);
  item.updated = ParseItemTime(updated_text, index, feed);
  if (!item.published) item.published = item.updated;
  TextConstruct content = ReadTextConstruct(Child(entry, ns, "content"));
  if (content.type == BodyType::kNone) {
    content = ReadTextConstruct(Child(entry, ns, "summary"));
  }
  item.body = std::move(content.text);
  item.body_type = content.type;
  std::vector<std::string> authors = AuthorNames(entry, ns);
  item.author = absl::StrJoin(authors.empty() ? feed_authors : authors, ", ");
  for (pugi::xml_node child : entry.children()) {
    if (!Is(child, ns, "category")) continue;
    absl::string_view label = Attribute(child, "label");
    item.categories.emplace_back(label.empty() ? Attribute(child, "term")
                                               : label);
  }
  AssignExternalId(AllText(Child(entry, ns, "id")),
                   published_text.empty() ? updated_text : published_text,
                   &item);
  return item;
}

}  // namespace

void ParseAtomDocument(absl::string_view text, const XmlDocument& xml,
                       const ParseOptions& options, ParsedFeed* feed) {
  pugi::xml_node root = xml.doc.document_element();
  // Children are read in the root's namespace, whatever it is, so that
  // pre-standard Atom 0.3 feeds are read too.
  const absl::string_view ns = NamespaceUri(root);
  feed->format = FeedFormat::kAtom;
  feed->info.title = AllText(Child(root, ns, "title"));
  feed->info.link = AlternateLink(root, ns);
  feed->info.language = std::string(Attribute(root, "xml:lang"));
  const std::vector<std::string> feed_authors = AuthorNames(root, ns);
  size_t index = 0;
  for (pugi::xml_node child : root.children()) {
    if (!Is(child, ns, "entry")) continue;
    if (!ClosedBeforeError(text, xml, child)) {
      feed->report.problems.push_back(absl::DataLossError(
          absl::StrCat("entry ", index, " is cut off by a syntax error")));
      break;
    }
    FeedItem item = ReadEntry(child, ns, feed_authors, index, feed);
    if (!AppendItem(std::move(item), options, feed)) break;
    ++index;
  }
}

}  // namespace frontline::feeds
