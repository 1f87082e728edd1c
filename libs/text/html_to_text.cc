#include "libs/text/html_to_text.h"

#include <gumbo.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "libs/text/html_depth.h"
#include "libs/text/paragraphs.h"
#include "libs/text/utf8.h"

namespace frontline::text {
namespace {

using internal::Block;

bool IsSkippedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_FIELDSET:
      return true;
    default:
      return false;
  }
}

bool IsListTag(GumboTag tag) {
  return tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_DL;
}

bool IsListItemTag(GumboTag tag) {
  return tag == GUMBO_TAG_LI || tag == GUMBO_TAG_DT || tag == GUMBO_TAG_DD;
}

absl::string_view Attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* attribute =
      gumbo_get_attribute(&element.attributes, name);
  return attribute == nullptr ? absl::string_view()
                              : absl::string_view(attribute->value);
}

bool IsSkippedElement(const GumboElement& element,
                      const BoilerplateFilter& filter) {
  if (IsSkippedTag(element.tag)) return true;
  if (gumbo_get_attribute(&element.attributes, "hidden") != nullptr) {
    return true;
  }
  if (absl::EqualsIgnoreCase(Attribute(element, "aria-hidden"), "true")) {
    return true;
  }
  const absl::string_view role = Attribute(element, "role");
  if (absl::EqualsIgnoreCase(role, "navigation") ||
      absl::EqualsIgnoreCase(role, "banner") ||
      absl::EqualsIgnoreCase(role, "contentinfo") ||
      absl::EqualsIgnoreCase(role, "complementary")) {
    return true;
  }
  // The content root itself is never a boilerplate container.
  if (element.tag == GUMBO_TAG_ARTICLE || element.tag == GUMBO_TAG_MAIN ||
      element.tag == GUMBO_TAG_BODY) {
    return false;
  }
  return filter.IsBoilerplateContainer(Attribute(element, "class")) ||
         filter.IsBoilerplateContainer(Attribute(element, "id"));
}

size_t NonSpaceBytes(absl::string_view s) {
  size_t n = 0;
  for (char c : s) n += !absl::ascii_isspace(static_cast<unsigned char>(c));
  return n;
}

// Collects blocks from one subtree, iteratively (no recursion on depth).
class BlockCollector {
 public:
  explicit BlockCollector(const BoilerplateFilter& filter) : filter_(filter) {}

  void Collect(const GumboNode* root) {
    struct Frame {
      const GumboNode* node;
      bool entered;
    };
    std::vector<Frame> stack = {{root, false}};
    while (!stack.empty()) {
      Frame frame = stack.back();
      stack.pop_back();
      const GumboNode* node = frame.node;
      if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
          node->type == GUMBO_NODE_WHITESPACE) {
        AppendText(node->v.text.text);
        continue;
      }
      if (node->type != GUMBO_NODE_ELEMENT &&
          node->type != GUMBO_NODE_DOCUMENT) {
        continue;
      }
      if (node->type == GUMBO_NODE_DOCUMENT) {
        PushChildren(node->v.document.children, stack);
        continue;
      }
      const GumboElement& element = node->v.element;
      if (!frame.entered) {
        if (node != root && IsSkippedElement(element, filter_)) continue;
        Enter(element.tag);
        stack.push_back({node, true});
        PushChildren(element.children, stack);
      } else {
        Exit(element.tag);
      }
    }
    Flush();
  }

  std::vector<Block> TakeBlocks() { return std::move(blocks_); }

 private:
  template <typename Stack>
  static void PushChildren(const GumboVector& children, Stack& stack) {
    for (unsigned i = children.length; i > 0; --i) {
      stack.push_back(
          {static_cast<const GumboNode*>(children.data[i - 1]), false});
    }
  }

  void Enter(GumboTag tag) {
    if (tag == GUMBO_TAG_BR) {
      current_.text.push_back('\n');
    } else if (tag == GUMBO_TAG_A) {
      ++link_depth_;
    } else if (tag == GUMBO_TAG_PRE) {
      Flush();
      ++pre_depth_;
    } else if (IsListTag(tag)) {
      Flush();
      ++list_depth_;
    } else if (IsListItemTag(tag) && list_depth_ > 0) {
      LineBreak();
    } else if (IsBlockTag(tag) || IsListItemTag(tag)) {
      Flush();
    }
  }

  void Exit(GumboTag tag) {
    if (tag == GUMBO_TAG_A) {
      --link_depth_;
    } else if (tag == GUMBO_TAG_PRE) {
      Flush();
      --pre_depth_;
    } else if (IsListTag(tag)) {
      Flush();
      --list_depth_;
    } else if (IsListItemTag(tag) && list_depth_ > 0) {
      LineBreak();
    } else if (tag == GUMBO_TAG_TR) {
      LineBreak();
    } else if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
      current_.text.push_back(' ');
    } else if (IsBlockTag(tag) || IsListItemTag(tag)) {
      Flush();
    }
  }

  void LineBreak() {
    if (!current_.text.empty() && current_.text.back() != '\n') {
      current_.text.push_back('\n');
    }
    if (list_depth_ > 0) current_.is_list = true;
  }

  void AppendText(absl::string_view text) {
    const size_t start = current_.text.size();
    if (pre_depth_ > 0) {
      current_.text.append(text.data(), text.size());
    } else {
      for (char c : text) {
        current_.text.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
      }
    }
    const size_t bytes =
        NonSpaceBytes(absl::string_view(current_.text).substr(start));
    current_.text_bytes += bytes;
    if (link_depth_ > 0) current_.link_bytes += bytes;
  }

  void Flush() {
    if (current_.text_bytes > 0) blocks_.push_back(std::move(current_));
    current_ = Block();
  }

  const BoilerplateFilter& filter_;
  std::vector<Block> blocks_;
  Block current_;
  int link_depth_ = 0;
  int pre_depth_ = 0;
  int list_depth_ = 0;
};

// Depth-first search for elements with `tag`, iteratively, not entering
// skipped subtrees.
std::vector<const GumboNode*> FindElements(const GumboNode* root, GumboTag tag,
                                           const BoilerplateFilter& filter,
                                           bool main_role) {
  std::vector<const GumboNode*> found;
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    const GumboVector* children = nullptr;
    if (node->type == GUMBO_NODE_DOCUMENT) {
      children = &node->v.document.children;
    } else if (node->type == GUMBO_NODE_ELEMENT) {
      const GumboElement& element = node->v.element;
      if (element.tag == GUMBO_TAG_HEAD) continue;
      if (element.tag == tag ||
          (main_role &&
           absl::EqualsIgnoreCase(Attribute(element, "role"), "main"))) {
        found.push_back(node);
        continue;
      }
      if (IsSkippedElement(element, filter)) continue;
      children = &element.children;
    } else {
      continue;
    }
    for (unsigned i = children->length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(children->data[i - 1]));
    }
  }
  return found;
}

size_t TextBytes(const GumboNode* node, const BoilerplateFilter& filter) {
  BlockCollector collector(filter);
  collector.Collect(node);
  size_t bytes = 0;
  for (const Block& block : collector.TakeBlocks()) bytes += block.text_bytes;
  return bytes;
}

const GumboNode* ContentRoot(const GumboOutput& output,
                             const BoilerplateFilter& filter) {
  std::vector<const GumboNode*> articles =
      FindElements(output.root, GUMBO_TAG_ARTICLE, filter, false);
  if (!articles.empty()) {
    const GumboNode* best = nullptr;
    size_t best_bytes = 0;
    for (const GumboNode* article : articles) {
      const size_t bytes = TextBytes(article, filter);
      if (best == nullptr || bytes > best_bytes) {
        best = article;
        best_bytes = bytes;
      }
    }
    if (best_bytes > 0) return best;
  }
  std::vector<const GumboNode*> mains =
      FindElements(output.root, GUMBO_TAG_MAIN, filter, true);
  if (!mains.empty()) return mains.front();
  return output.root;
}

// The text of the first `tag` element under `root`, all of it.
std::string FirstElementText(const GumboNode* root, GumboTag tag) {
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) {
      continue;
    }
    const GumboVector& children = node->type == GUMBO_NODE_DOCUMENT
                                      ? node->v.document.children
                                      : node->v.element.children;
    if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag) {
      std::string text;
      std::vector<const GumboNode*> inner = {node};
      while (!inner.empty()) {
        const GumboNode* n = inner.back();
        inner.pop_back();
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
            n->type == GUMBO_NODE_CDATA) {
          absl::StrAppend(&text, n->v.text.text, " ");
        } else if (n->type == GUMBO_NODE_ELEMENT) {
          const GumboVector& c = n->v.element.children;
          for (unsigned i = c.length; i > 0; --i) {
            inner.push_back(static_cast<const GumboNode*>(c.data[i - 1]));
          }
        }
      }
      return text;
    }
    for (unsigned i = children.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
  }
  return "";
}

}  // namespace

absl::StatusOr<ExtractedText> HtmlToText::Extract(
    absl::string_view html, const HtmlToTextOptions& options) const {
  if (html.size() > options.max_input_bytes) {
    return absl::ResourceExhaustedError(
        absl::StrCat("HTML of ", html.size(), " bytes exceeds the limit of ",
                     options.max_input_bytes));
  }
  const int depth = internal::EstimateHtmlDepth(html);
  if (depth > options.max_depth) {
    return absl::ResourceExhaustedError(absl::StrCat(
        "HTML nests ", depth, " deep, past the limit of ", options.max_depth));
  }
  std::string repaired;
  if (!IsValidUtf8(html)) {
    repaired = RepairUtf8(html);
    html = repaired;
  }
  GumboOptions gumbo_options = kGumboDefaultOptions;
  gumbo_options.max_errors = 0;
  GumboOutput* output =
      gumbo_parse_with_options(&gumbo_options, html.data(), html.size());
  const GumboNode* root = options.prefer_main_content
                              ? ContentRoot(*output, filter_)
                              : output->root;
  BlockCollector collector(filter_);
  collector.Collect(root);
  internal::Paragraphs paragraphs = internal::AssembleParagraphs(
      collector.TakeBlocks(), normalizer_, &filter_, /*drop_link_lists=*/true);

  ExtractedText out;
  out.text = std::move(paragraphs.text);
  out.paragraphs_dropped = paragraphs.dropped;
  out.title = normalizer_.Clean(FirstElementText(root, GUMBO_TAG_H1),
                                Layout::kSingleLine);
  if (out.title.empty()) {
    out.title = normalizer_.Clean(FirstElementText(output->root, GUMBO_TAG_H1),
                                  Layout::kSingleLine);
  }
  if (out.title.empty()) {
    out.title = normalizer_.Clean(
        FirstElementText(output->root, GUMBO_TAG_TITLE), Layout::kSingleLine);
  }
  gumbo_destroy_output(&gumbo_options, output);
  if (!out.title.empty() && absl::StartsWith(out.text, out.title) &&
      (out.text.size() == out.title.size() ||
       out.text.compare(out.title.size(), 2, "\n\n") == 0)) {
    out.text.erase(0, std::min(out.text.size(), out.title.size() + 2));
  }
  return out;
}

}  // namespace frontline::text
