#include "libs/telegram/entities.h"

#include <string>

namespace frontline::telegram::internal {
namespace {

void CollectExportEntity(const Json& entity, Post& post) {
  const std::string type = GetString(entity, "type");
  const std::string text = GetString(entity, "text");
  post.text += text;
  if (type == "hashtag" && !text.empty()) {
    AppendUnique(post.hashtags, text);
  } else if (type == "link" && !text.empty()) {
    AppendUnique(post.links, text);
  } else if (type == "text_link") {
    std::string href = GetString(entity, "href");
    if (!href.empty()) AppendUnique(post.links, std::move(href));
  }
}

// UTF-16 units of the code point whose UTF-8 lead byte is `lead`.
int Utf16Units(unsigned char lead) { return lead >= 0xF0 ? 2 : 1; }

// Byte offset in `text` of UTF-16 unit `units`, or npos past the end or
// inside a surrogate pair.
size_t ByteOffsetOfUnit(absl::string_view text, int64_t units) {
  size_t i = 0;
  int64_t seen = 0;
  while (seen < units) {
    if (i >= text.size()) return absl::string_view::npos;
    const auto lead = static_cast<unsigned char>(text[i]);
    seen += Utf16Units(lead);
    ++i;
    while (i < text.size() &&
           (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) {
      ++i;
    }
  }
  return seen == units ? i : absl::string_view::npos;
}

}  // namespace

void FlattenExportText(const Json& text, Post& post) {
  if (text.is_string()) {
    post.text += text.get_ref<const std::string&>();
    return;
  }
  if (!text.is_array()) return;
  for (const Json& part : text) {
    if (part.is_string()) {
      post.text += part.get_ref<const std::string&>();
    } else if (part.is_object()) {
      CollectExportEntity(part, post);
    }
  }
}

absl::string_view Utf16Slice(absl::string_view text, int64_t offset,
                             int64_t length) {
  if (offset < 0 || length < 0) return {};
  const size_t begin = ByteOffsetOfUnit(text, offset);
  if (begin == absl::string_view::npos) return {};
  const size_t size = ByteOffsetOfUnit(text.substr(begin), length);
  if (size == absl::string_view::npos) return {};
  return text.substr(begin, size);
}

void ApplyBotApiEntities(absl::string_view text, const Json* entities,
                         Post& post) {
  post.text = std::string(text);
  if (entities == nullptr || !entities->is_array()) return;
  for (const Json& entity : *entities) {
    const std::string type = GetString(entity, "type");
    const auto offset = GetInt(entity, "offset");
    const auto length = GetInt(entity, "length");
    if (!offset || !length) continue;
    const absl::string_view covered = Utf16Slice(text, *offset, *length);
    if (type == "hashtag" && !covered.empty()) {
      AppendUnique(post.hashtags, std::string(covered));
    } else if (type == "url" && !covered.empty()) {
      AppendUnique(post.links, std::string(covered));
    } else if (type == "text_link") {
      std::string url = GetString(entity, "url");
      if (!url.empty()) AppendUnique(post.links, std::move(url));
    }
  }
}

}  // namespace frontline::telegram::internal
