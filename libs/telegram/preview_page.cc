#include "libs/telegram/preview_page.h"

#include <gumbo.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "libs/telegram/html_depth.h"

namespace frontline::telegram {
namespace {

using NodePredicate = std::function<bool(const GumboNode*)>;

// Owns a gumbo parse tree.
class GumboDocument {
 public:
  explicit GumboDocument(absl::string_view html)
      : output_(gumbo_parse_with_options(&kGumboDefaultOptions, html.data(),
                                         html.size())) {}
  ~GumboDocument() { gumbo_destroy_output(&kGumboDefaultOptions, output_); }
  GumboDocument(const GumboDocument&) = delete;
  GumboDocument& operator=(const GumboDocument&) = delete;
  const GumboNode* root() const { return output_->root; }

 private:
  GumboOutput* output_;
};

bool IsElement(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

const char* Attribute(const GumboNode* node, const char* name) {
  if (!IsElement(node)) return nullptr;
  const GumboAttribute* attr =
      gumbo_get_attribute(&node->v.element.attributes, name);
  return attr == nullptr ? nullptr : attr->value;
}

bool HasClass(const GumboNode* node, absl::string_view name) {
  const char* classes = Attribute(node, "class");
  if (classes == nullptr) return false;
  for (absl::string_view token : absl::StrSplit(
           classes, absl::ByAnyChar(" \t\n\r\f"), absl::SkipEmpty())) {
    if (token == name) return true;
  }
  return false;
}

NodePredicate ClassIs(absl::string_view name) {
  return [name = std::string(name)](const GumboNode* node) {
    return HasClass(node, name);
  };
}

// Pre-order walk of the elements below `root` (not `root` itself), without
// recursion; subtrees matching `prune` are not entered. Stops when `visit`
// returns false.
void Walk(const GumboNode* root,
          const std::function<bool(const GumboNode*)>& visit,
          const NodePredicate& prune = nullptr) {
  std::vector<const GumboNode*> stack;
  auto push_children = [&stack](const GumboNode* node) {
    const GumboVector& children = node->v.element.children;
    for (unsigned i = children.length; i > 0; --i) {
      const auto* child = static_cast<const GumboNode*>(children.data[i - 1]);
      if (IsElement(child)) stack.push_back(child);
    }
  };
  push_children(root);
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (!visit(node)) return;
    if (prune && prune(node)) continue;
    push_children(node);
  }
}

const GumboNode* FindFirst(const GumboNode* root, const NodePredicate& match,
                           const NodePredicate& prune = nullptr) {
  const GumboNode* found = nullptr;
  Walk(
      root,
      [&](const GumboNode* node) {
        if (match(node)) found = node;
        return found == nullptr;
      },
      prune);
  return found;
}

// The text below `root`: text nodes in order, <br> as a newline. A post
// element below `root` (left there by broken markup) is not its text.
std::string TextOf(const GumboNode* root) {
  std::string text;
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        text += node->v.text.text;
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        if (node->v.element.tag == GUMBO_TAG_BR) {
          text += '\n';
          break;
        }
        if (node != root && HasClass(node, "tgme_widget_message")) break;
        const GumboVector& children = node->v.element.children;
        for (unsigned i = children.length; i > 0; --i) {
          stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
        }
        break;
      }
      default:
        break;
    }
  }
  return text;
}

std::string TrimmedTextOf(const GumboNode* node) {
  return std::string(absl::StripAsciiWhitespace(TextOf(node)));
}

struct TmeLink {
  std::string username;
  int64_t message_id = 0;
};

// "https://t.me/<username>/<id>" (also "t.me/s/..."), query ignored.
std::optional<TmeLink> ParseTmeLink(absl::string_view href) {
  href = href.substr(0, href.find_first_of("?#"));
  if (!absl::ConsumePrefix(&href, "https://") &&
      !absl::ConsumePrefix(&href, "http://")) {
    return std::nullopt;
  }
  if (!absl::ConsumePrefix(&href, "t.me/") &&
      !absl::ConsumePrefix(&href, "telegram.me/")) {
    return std::nullopt;
  }
  absl::ConsumePrefix(&href, "s/");
  std::vector<absl::string_view> parts = absl::StrSplit(href, '/');
  if (parts.size() != 2 || parts[0].empty() || parts[0] == "c") {
    return std::nullopt;
  }
  TmeLink link{std::string(parts[0]), 0};
  if (!absl::SimpleAtoi(parts[1], &link.message_id)) return std::nullopt;
  return link;
}

constexpr std::pair<const char*, const char*> kMediaClasses[] = {
    {"tgme_widget_message_photo_wrap", "photo"},
    {"tgme_widget_message_video_player", "video_file"},
    {"tgme_widget_message_document", "document"},
    {"tgme_widget_message_voice", "voice_message"},
    {"tgme_widget_message_sticker", "sticker"},
};

void ReadText(const GumboNode* text_node, Post& post) {
  post.text = TrimmedTextOf(text_node);
  Walk(
      text_node,
      [&post](const GumboNode* node) {
        if (node->v.element.tag != GUMBO_TAG_A) return true;
        std::string anchor = TrimmedTextOf(node);
        const char* href = Attribute(node, "href");
        if (absl::StartsWith(anchor, "#") && anchor.size() > 1) {
          AppendUnique(post.hashtags, std::move(anchor));
        } else if (href != nullptr && (absl::StartsWith(href, "https://") ||
                                       absl::StartsWith(href, "http://"))) {
          AppendUnique(post.links, href);
        }
        return true;
      },
      ClassIs("tgme_widget_message"));
}

void ReadForward(const GumboNode* message, const NodePredicate& nested,
                 Post& post) {
  const GumboNode* from = FindFirst(
      message, ClassIs("tgme_widget_message_forwarded_from_name"), nested);
  if (from == nullptr) return;
  ForwardOrigin origin;
  origin.channel_name = TrimmedTextOf(from);
  if (const char* href = Attribute(from, "href")) {
    if (auto link = ParseTmeLink(href)) {
      origin.channel_username = std::move(link->username);
      origin.message_id = link->message_id;
    }
  }
  post.forward_origin = std::move(origin);
}

// Reads the post element `message`. Broken markup can leave later posts
// nested inside it; searches do not enter them.
absl::StatusOr<Post> ReadPost(const GumboNode* message,
                              absl::string_view page_title) {
  const NodePredicate nested = ClassIs("tgme_widget_message");
  auto find = [&](const GumboNode* root, const NodePredicate& match) {
    return FindFirst(root, match, nested);
  };
  const char* data_post = Attribute(message, "data-post");
  if (data_post == nullptr) {
    return absl::InvalidArgumentError("preview post without data-post");
  }
  const absl::string_view id_text(data_post);
  const size_t slash = id_text.rfind('/');
  Post post;
  post.format = PostFormat::kPreviewPage;
  if (slash == absl::string_view::npos || slash == 0 ||
      !absl::SimpleAtoi(id_text.substr(slash + 1), &post.message_id) ||
      post.message_id <= 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("preview post with malformed data-post \"",
                     absl::CHexEscape(id_text), "\""));
  }
  post.channel_username = std::string(id_text.substr(0, slash));

  const GumboNode* date = find(message, ClassIs("tgme_widget_message_date"));
  const GumboNode* time = FindFirst(
      date ? date : message,
      [](const GumboNode* n) {
        return n->v.element.tag == GUMBO_TAG_TIME && Attribute(n, "datetime");
      },
      nested);
  std::string time_error;
  if (time == nullptr ||
      !absl::ParseTime(absl::RFC3339_full, Attribute(time, "datetime"),
                       &post.date, &time_error)) {
    return absl::InvalidArgumentError(
        absl::StrCat("preview post ", id_text, " has no valid <time datetime>",
                     time_error.empty() ? "" : ": ", time_error));
  }

  const NodePredicate in_reply = ClassIs("tgme_widget_message_reply");
  if (const GumboNode* text = FindFirst(
          message, ClassIs("tgme_widget_message_text"),
          [&](const GumboNode* n) { return nested(n) || in_reply(n); })) {
    ReadText(text, post);
  }
  if (const GumboNode* views =
          find(message, ClassIs("tgme_widget_message_views"))) {
    if (auto count = ParseViewCount(TrimmedTextOf(views)); count.ok()) {
      post.views = *count;
    }
  }
  if (const GumboNode* owner =
          find(message, ClassIs("tgme_widget_message_owner_name"))) {
    post.channel_title = TrimmedTextOf(owner);
  }
  if (post.channel_title.empty()) post.channel_title = std::string(page_title);
  if (const GumboNode* author =
          find(message, ClassIs("tgme_widget_message_from_author"))) {
    post.author = TrimmedTextOf(author);
  }
  ReadForward(message, nested, post);
  if (const GumboNode* reply = find(message, in_reply)) {
    if (const char* href = Attribute(reply, "href")) {
      if (auto link = ParseTmeLink(href)) {
        post.reply_to_message_id = link->message_id;
      }
    }
  }
  for (const auto& [css_class, media_type] : kMediaClasses) {
    if (find(message, ClassIs(css_class)) != nullptr) {
      post.media_type = media_type;
      post.media_caption = post.text;
      break;
    }
  }
  if (const GumboNode* meta =
          find(message, ClassIs("tgme_widget_message_meta"))) {
    if (absl::StrContains(TextOf(meta), "edited")) post.version = 2;
  }
  return post;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

absl::StatusOr<int64_t> ParseViewCount(absl::string_view text) {
  absl::string_view digits = absl::StripAsciiWhitespace(text);
  int64_t scale = 1;
  if (absl::ConsumeSuffix(&digits, "K")) {
    scale = 1'000;
  } else if (absl::ConsumeSuffix(&digits, "M")) {
    scale = 1'000'000;
  } else if (absl::ConsumeSuffix(&digits, "B")) {
    scale = 1'000'000'000;
  }
  const size_t dot = digits.find('.');
  const absl::string_view whole = digits.substr(0, dot);
  const absl::string_view fraction = dot == absl::string_view::npos
                                         ? absl::string_view()
                                         : digits.substr(dot + 1);
  int64_t whole_value = 0;
  int64_t fraction_value = 0;
  const bool valid = !whole.empty() && whole.size() <= 12 &&
                     absl::c_all_of(whole, IsDigit) &&
                     absl::SimpleAtoi(whole, &whole_value) &&
                     (dot == absl::string_view::npos ||
                      (!fraction.empty() && fraction.size() <= 3 &&
                       absl::c_all_of(fraction, IsDigit) &&
                       absl::SimpleAtoi(fraction, &fraction_value)));
  if (!valid || (scale == 1 && dot != absl::string_view::npos)) {
    return absl::InvalidArgumentError(
        absl::StrCat("not a view count: \"", absl::CHexEscape(text), "\""));
  }
  int64_t fraction_scale = scale;
  for (size_t i = 0; i < fraction.size(); ++i) fraction_scale /= 10;
  return whole_value * scale + fraction_value * fraction_scale;
}

absl::StatusOr<PreviewPage> ParsePreviewPage(absl::string_view html,
                                             const PreviewOptions& options) {
  if (html.size() > options.max_page_bytes) {
    return absl::ResourceExhaustedError(
        absl::StrCat("preview page of ", html.size(),
                     " bytes exceeds max_page_bytes ", options.max_page_bytes));
  }
  if (const int depth = internal::EstimateHtmlDepth(html);
      depth > options.max_depth) {
    return absl::InvalidArgumentError(
        absl::StrCat("preview page nests elements ", depth,
                     " deep, past max_depth ", options.max_depth));
  }
  GumboDocument document(html);
  std::string page_title;
  if (const GumboNode* title = FindFirst(
          document.root(), ClassIs("tgme_channel_info_header_title"))) {
    page_title = TrimmedTextOf(title);
  }
  PreviewPage page;
  int64_t found = 0;
  const NodePredicate is_message = ClassIs("tgme_widget_message");
  Walk(document.root(), [&](const GumboNode* node) {
    if (!is_message(node)) return true;
    ++found;
    absl::StatusOr<Post> post = ReadPost(node, page_title);
    if (!post.ok()) {
      ++page.posts_rejected;
      if (page.errors.size() < options.max_recorded_errors) {
        page.errors.push_back(post.status());
      }
      return true;
    }
    page.before = page.before == 0 ? post->message_id
                                   : std::min(page.before, post->message_id);
    page.posts.push_back(*std::move(post));
    return true;
  });
  if (found == 0) {
    return absl::NotFoundError(
        "preview page holds no tgme_widget_message posts");
  }
  if (page.posts.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "preview page holds ", found,
        " posts, none usable; first: ", page.errors.front().message()));
  }
  return page;
}

}  // namespace frontline::telegram
