#include "libs/feeds/xml_util.h"

#include <cstring>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace frontline::feeds {
namespace {

class StringWriter : public pugi::xml_writer {
 public:
  explicit StringWriter(std::string* out) : out_(out) {}
  void write(const void* data, size_t size) override {
    out_->append(static_cast<const char*>(data), size);
  }

 private:
  std::string* out_;
};

// Iterative: hostile documents nest deeper than the stack allows.
void AppendText(pugi::xml_node root, std::string* out) {
  pugi::xml_node node = root.first_child();
  while (node && node != root) {
    if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
      out->append(node.value());
    }
    if (node.type() == pugi::node_element && node.first_child()) {
      node = node.first_child();
      continue;
    }
    while (node != root && !node.next_sibling()) node = node.parent();
    if (node != root) node = node.next_sibling();
  }
}

}  // namespace

void LoadXml(absl::string_view text, XmlDocument* out) {
  // parse_default leaves out parse_doctype: the DTD is skipped as a block,
  // and only the five predefined entities and character references are
  // decoded; any other &name; stays as written.
  const pugi::xml_parse_result result = out->doc.load_buffer(
      text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (result) {
    out->status = absl::OkStatus();
    out->error_offset = -1;
    return;
  }
  out->error_offset = result.offset;
  out->status = absl::InvalidArgumentError(absl::StrCat(
      "malformed XML: ", result.description(), " at byte ", result.offset));
}

bool ClosedBeforeError(absl::string_view text, const XmlDocument& xml,
                       pugi::xml_node element) {
  if (xml.status.ok()) return true;
  const std::ptrdiff_t start = element.offset_debug();
  if (start < 0 || xml.error_offset < start ||
      static_cast<size_t>(xml.error_offset) > text.size()) {
    return false;
  }
  const std::string end_tag = absl::StrCat("</", element.name());
  absl::string_view span = text.substr(start, xml.error_offset - start);
  return span.find(end_tag) != absl::string_view::npos;
}

absl::string_view LocalName(pugi::xml_node node) {
  absl::string_view name = node.name();
  const size_t colon = name.find(':');
  return colon == absl::string_view::npos ? name : name.substr(colon + 1);
}

absl::string_view NamespaceUri(pugi::xml_node node) {
  absl::string_view name = node.name();
  const size_t colon = name.find(':');
  std::string attribute = "xmlns";
  if (colon != absl::string_view::npos) {
    absl::StrAppend(&attribute, ":", name.substr(0, colon));
  }
  for (pugi::xml_node n = node; n; n = n.parent()) {
    if (n.type() != pugi::node_element) continue;
    pugi::xml_attribute a = n.attribute(attribute.c_str());
    if (a) return a.value();
  }
  return "";
}

bool Is(pugi::xml_node node, absl::string_view ns, absl::string_view local) {
  return node.type() == pugi::node_element && LocalName(node) == local &&
         NamespaceUri(node) == ns;
}

pugi::xml_node Child(pugi::xml_node parent, absl::string_view ns,
                     absl::string_view local) {
  for (pugi::xml_node child : parent.children()) {
    if (Is(child, ns, local)) return child;
  }
  return pugi::xml_node();
}

absl::string_view Attribute(pugi::xml_node node, const char* name) {
  return node.attribute(name).value();
}

std::string Content(pugi::xml_node node) {
  std::string out;
  bool has_elements = false;
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_element) {
      has_elements = true;
      break;
    }
  }
  if (has_elements) {
    out = InnerXml(node);
  } else {
    for (pugi::xml_node child : node.children()) {
      out.append(child.value());
    }
  }
  absl::StripAsciiWhitespace(&out);
  return out;
}

std::string InnerXml(pugi::xml_node node) {
  std::string out;
  StringWriter writer(&out);
  for (pugi::xml_node child : node.children()) {
    child.print(writer, "", pugi::format_raw, pugi::encoding_utf8);
  }
  return out;
}

std::string AllText(pugi::xml_node node) {
  std::string out;
  AppendText(node, &out);
  absl::StripAsciiWhitespace(&out);
  return out;
}

}  // namespace frontline::feeds
