#include "libs/feeds/item_identity.h"

#include <xxhash.h>

#include <cstring>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace frontline::feeds {

uint64_t HashFields(std::initializer_list<absl::string_view> fields) {
  std::string buffer;
  size_t total = 0;
  for (absl::string_view field : fields) total += field.size() + 8;
  buffer.reserve(total);
  for (absl::string_view field : fields) {
    const uint64_t size = field.size();
    char size_bytes[8];
    for (int i = 0; i < 8; ++i)
      size_bytes[i] = static_cast<char>(size >> (8 * i));
    buffer.append(size_bytes, 8);
    buffer.append(field.data(), field.size());
  }
  return XXH3_64bits(buffer.data(), buffer.size());
}

std::string Hex64(uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[i] = kDigits[value & 0xF];
    value >>= 4;
  }
  return out;
}

void AssignExternalId(absl::string_view native_id, absl::string_view date_text,
                      FeedItem* item) {
  native_id = absl::StripAsciiWhitespace(native_id);
  if (!native_id.empty()) {
    item->external_id = std::string(native_id);
    item->external_id_origin = ExternalIdOrigin::kNative;
    return;
  }
  if (!item->url.empty()) {
    item->external_id = item->url;
    item->external_id_origin = ExternalIdOrigin::kLink;
    return;
  }
  date_text = absl::StripAsciiWhitespace(date_text);
  const uint64_t hash = item->title.empty() && date_text.empty()
                            ? HashFields({item->title, date_text, item->body})
                            : HashFields({item->title, date_text});
  item->external_id = absl::StrCat("xxh3:", Hex64(hash));
  item->external_id_origin = ExternalIdOrigin::kHash;
}

}  // namespace frontline::feeds
