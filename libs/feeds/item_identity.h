// Internal to frontline_feeds: stable hashes and the external id fallback.
#ifndef FRONTLINE_LIBS_FEEDS_ITEM_IDENTITY_H_
#define FRONTLINE_LIBS_FEEDS_ITEM_IDENTITY_H_

#include <cstdint>
#include <initializer_list>
#include <string>

#include "absl/strings/string_view.h"
#include "libs/feeds/feed_item.h"

namespace frontline::feeds {

// XXH3-64 (seed 0) over the fields, each preceded by its length, so that
// ("ab", "c") and ("a", "bc") differ. Stable across runs and machines.
uint64_t HashFields(std::initializer_list<absl::string_view> fields);

// 16 lowercase hex digits.
std::string Hex64(uint64_t value);

// Sets item->external_id and external_id_origin: the native id when not
// blank, else item->url, else "xxh3:" + Hex64(HashFields({title, date_text}))
// (with the body added when title and date_text are both empty).
void AssignExternalId(absl::string_view native_id, absl::string_view date_text,
                      FeedItem* item);

}  // namespace frontline::feeds

#endif  // FRONTLINE_LIBS_FEEDS_ITEM_IDENTITY_H_
