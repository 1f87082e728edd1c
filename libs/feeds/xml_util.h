// Internal to frontline_feeds: loading untrusted XML with pugixml and reading
// namespaced elements from it.
#ifndef FRONTLINE_LIBS_FEEDS_XML_UTIL_H_
#define FRONTLINE_LIBS_FEEDS_XML_UTIL_H_

#include <pugixml.hpp>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace frontline::feeds {

inline constexpr absl::string_view kAtomNs = "http://www.w3.org/2005/Atom";
inline constexpr absl::string_view kRdfNs =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr absl::string_view kRss1Ns = "http://purl.org/rss/1.0/";
inline constexpr absl::string_view kDcNs = "http://purl.org/dc/elements/1.1/";
inline constexpr absl::string_view kContentNs =
    "http://purl.org/rss/1.0/modules/content/";
inline constexpr absl::string_view kXhtmlNs = "http://www.w3.org/1999/xhtml";

// A loaded document and how loading went.
struct XmlDocument {
  pugi::xml_document doc;
  // OK, or InvalidArgument describing the first syntax error; on error `doc`
  // holds the tree parsed up to `error_offset`.
  absl::Status status;
  std::ptrdiff_t error_offset = -1;
};

// Parses UTF-8 `text` (pugixml copies it). The DTD is skipped unprocessed:
// no entity is declared, expanded or fetched.
void LoadXml(absl::string_view text, XmlDocument* out);

// True when `element` (parsed from `text`) was closed before the parse error
// at `error_offset`, i.e. its subtree is complete. Always true on success.
bool ClosedBeforeError(absl::string_view text, const XmlDocument& xml,
                       pugi::xml_node element);

// "item" for <item> and <rss:item>.
absl::string_view LocalName(pugi::xml_node node);

// The namespace URI bound to the node's prefix (the default namespace for an
// unprefixed name), found on the node or its ancestors; "" when unbound.
absl::string_view NamespaceUri(pugi::xml_node node);

// True when `node` is an element named `local` in namespace `ns`.
bool Is(pugi::xml_node node, absl::string_view ns, absl::string_view local);

// The first child element named `local` in namespace `ns`, or an empty node.
pugi::xml_node Child(pugi::xml_node parent, absl::string_view ns,
                     absl::string_view local);

// The value of attribute `name` (an exact qualified name), or "".
absl::string_view Attribute(pugi::xml_node node, const char* name);

// The element's content as a string: its text and CDATA when it has only
// those, its children serialized as XML when it has elements (raw HTML in an
// RSS description), with surrounding whitespace removed.
std::string Content(pugi::xml_node node);

// The children of `node` serialized as XML, e.g. an Atom xhtml <div>'s body.
std::string InnerXml(pugi::xml_node node);

// All text below `node`, markup dropped, whitespace at the ends removed.
std::string AllText(pugi::xml_node node);

}  // namespace frontline::feeds

#endif  // FRONTLINE_LIBS_FEEDS_XML_UTIL_H_
