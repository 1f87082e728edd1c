#include <algorithm>
#include <exception>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "libs/feeds/format_parsers.h"
#include "libs/feeds/item_identity.h"

namespace frontline::feeds {
namespace {

using Json = nlohmann::json;

// The string at `key`, "" when absent or not a string.
std::string String(const Json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return "";
  return std::string(
      absl::StripAsciiWhitespace(it->get_ref<const std::string&>()));
}

// JSON Feed 1.1 "authors": [{"name": ...}], 1.0 "author": {"name": ...}.
std::vector<std::string> AuthorNames(const Json& object) {
  std::vector<std::string> names;
  auto authors = object.find("authors");
  if (authors != object.end() && authors->is_array()) {
    for (const Json& author : *authors) {
      if (!author.is_object()) continue;
      std::string name = String(author, "name");
      if (!name.empty()) names.push_back(std::move(name));
    }
  }
  auto author = object.find("author");
  if (names.empty() && author != object.end() && author->is_object()) {
    std::string name = String(*author, "name");
    if (!name.empty()) names.push_back(std::move(name));
  }
  return names;
}

FeedItem ReadItem(const Json& object,
                  const std::vector<std::string>& feed_authors, size_t index,
                  ParsedFeed* feed) {
  FeedItem item;
  item.format = FeedFormat::kJsonFeed;
  // The spec says string; feeds in the wild also write numbers.
  std::string id;
  auto id_it = object.find("id");
  if (id_it != object.end()) {
    if (id_it->is_string()) {
      id = id_it->get<std::string>();
    } else if (id_it->is_number()) {
      id = id_it->dump();
    }
  }
  item.url = String(object, "url");
  if (item.url.empty()) item.url = String(object, "external_url");
  item.title = String(object, "title");
  const std::string published_text = String(object, "date_published");
  const std::string modified_text = String(object, "date_modified");
  item.published = ParseItemTime(published_text, index, feed);
  item.updated = ParseItemTime(modified_text, index, feed);
  if (std::string html = String(object, "content_html"); !html.empty()) {
    item.body = std::move(html);
    item.body_type = BodyType::kHtml;
  } else if (std::string text = String(object, "content_text"); !text.empty()) {
    item.body = std::move(text);
    item.body_type = BodyType::kText;
  } else if (std::string summary = String(object, "summary");
             !summary.empty()) {
    item.body = std::move(summary);
    item.body_type = BodyType::kText;
  }
  std::vector<std::string> authors = AuthorNames(object);
  item.author = absl::StrJoin(authors.empty() ? feed_authors : authors, ", ");
  auto tags = object.find("tags");
  if (tags != object.end() && tags->is_array()) {
    for (const Json& tag : *tags) {
      if (tag.is_string()) item.categories.push_back(tag.get<std::string>());
    }
  }
  AssignExternalId(id, published_text.empty() ? modified_text : published_text,
                   &item);
  return item;
}

absl::Status ParseParsed(const Json& root, const ParseOptions& options,
                         ParsedFeed* feed) {
  if (!root.is_object()) {
    return absl::InvalidArgumentError("not a JSON Feed: not a JSON object");
  }
  auto items = root.find("items");
  if (items == root.end() || !items->is_array()) {
    return absl::InvalidArgumentError("not a JSON Feed: no \"items\" array");
  }
  feed->format = FeedFormat::kJsonFeed;
  feed->info.title = String(root, "title");
  feed->info.link = String(root, "home_page_url");
  feed->info.language = String(root, "language");
  const std::vector<std::string> feed_authors = AuthorNames(root);
  size_t index = 0;
  for (const Json& entry : *items) {
    if (!entry.is_object()) {
      feed->report.problems.push_back(absl::InvalidArgumentError(
          absl::StrCat("item ", index, " is not an object; skipped")));
    } else if (!AppendItem(ReadItem(entry, feed_authors, index, feed), options,
                           feed)) {
      break;
    }
    ++index;
  }
  return absl::OkStatus();
}

// Builds the DOM like nlohmann's own parser, but refuses nesting deeper than
// the limit before descending, and counts the elements of the top-level
// "items" array that were closed, so that a document broken off midway still
// yields its complete items.
class LimitedSax {
 public:
  LimitedSax(Json* root, int max_depth)
      : dom_(*root, false), max_depth_(max_depth) {}

  bool null() { return Value(dom_.null()); }
  bool boolean(bool v) { return Value(dom_.boolean(v)); }
  bool number_integer(Json::number_integer_t v) {
    return Value(dom_.number_integer(v));
  }
  bool number_unsigned(Json::number_unsigned_t v) {
    return Value(dom_.number_unsigned(v));
  }
  bool number_float(Json::number_float_t v, const Json::string_t& s) {
    return Value(dom_.number_float(v, s));
  }
  bool string(Json::string_t& v) { return Value(dom_.string(v)); }
  bool binary(Json::binary_t& v) { return Value(dom_.binary(v)); }
  bool start_object(std::size_t n) { return Enter() && dom_.start_object(n); }
  bool end_object() { return Leave(dom_.end_object()); }
  bool start_array(std::size_t n) {
    if (!Enter()) return false;
    if (depth_ == 2 && items_key_) {
      // A repeated "items" replaces the earlier one in the DOM: count afresh.
      in_items_ = true;
      complete_items_ = 0;
    }
    return dom_.start_array(n);
  }
  bool end_array() { return Leave(dom_.end_array()); }
  bool key(Json::string_t& k) {
    if (depth_ == 1) items_key_ = k == "items";
    return dom_.key(k);
  }
  template <typename Exception>
  bool parse_error(std::size_t, const std::string&, const Exception& e) {
    error_ = e.what();
    return false;
  }

  bool too_deep() const { return too_deep_; }
  const std::string& error() const { return error_; }
  std::size_t complete_items() const { return complete_items_; }

 private:
  bool Enter() {
    if (++depth_ > max_depth_) {
      too_deep_ = true;
      return false;
    }
    return true;
  }
  bool Leave(bool ok) {
    --depth_;
    if (depth_ < 2) in_items_ = false;
    return Value(ok);
  }
  bool Value(bool ok) {
    if (in_items_ && depth_ == 2) ++complete_items_;
    return ok;
  }

  nlohmann::detail::json_sax_dom_parser<Json> dom_;
  const int max_depth_;
  int depth_ = 0;
  bool items_key_ = false;
  bool in_items_ = false;
  bool too_deep_ = false;
  std::size_t complete_items_ = 0;
  std::string error_;
};

}  // namespace

absl::Status ParseJsonFeedText(absl::string_view text,
                               const ParseOptions& options, ParsedFeed* feed) {
  // nlohmann reports some errors by exception; none may leave this library.
  try {
    Json root;
    LimitedSax sax(&root, options.max_json_depth);
    const bool ok = Json::sax_parse(text.begin(), text.end(), &sax);
    if (sax.too_deep()) {
      return absl::ResourceExhaustedError(absl::StrCat(
          "JSON nested deeper than ", options.max_json_depth, " levels"));
    }
    if (ok) return ParseParsed(root, options, feed);
    const std::string error = absl::StrCat("malformed JSON: ", sax.error());
    auto items = root.is_object() ? root.find("items") : root.end();
    if (sax.complete_items() == 0 || items == root.end() ||
        !items->is_array()) {
      return absl::InvalidArgumentError(error);
    }
    const std::size_t kept = std::min(sax.complete_items(), items->size());
    items->erase(items->begin() + kept, items->end());
    absl::Status status = ParseParsed(root, options, feed);
    feed->report.problems.push_back(absl::DataLossError(
        absl::StrCat(error, "; kept the ", kept, " items before it")));
    return status;
  } catch (const std::exception& e) {
    return absl::InternalError(absl::StrCat("JSON Feed: ", e.what()));
  }
}

}  // namespace frontline::feeds
