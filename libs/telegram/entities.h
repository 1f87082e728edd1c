// Internal to frontline_telegram: turning Telegram's formatted text into a
// Post's plain text, hashtags and links. Not a public header.
#ifndef FRONTLINE_LIBS_TELEGRAM_ENTITIES_H_
#define FRONTLINE_LIBS_TELEGRAM_ENTITIES_H_

#include <cstdint>

#include "absl/strings/string_view.h"
#include "libs/telegram/json_util.h"
#include "libs/telegram/post.h"

namespace frontline::telegram::internal {

// Desktop export `text`: a string, or an array of strings and entity objects
// ({"type": ..., "text": ..., "href": ...}). Appends the flattened text to
// post.text and collects hashtags ("hashtag") and links ("link" text,
// "text_link" href). Entities of unknown types contribute their text.
void FlattenExportText(const Json& text, Post& post);

// Bot API text with `entities` whose offsets and lengths count UTF-16 code
// units. Sets post.text and collects hashtags ("hashtag") and links ("url"
// text, "text_link" url). Entities outside the text are ignored.
void ApplyBotApiEntities(absl::string_view text, const Json* entities,
                         Post& post);

// The bytes of `text` covering UTF-16 units [offset, offset + length);
// empty when out of range.
absl::string_view Utf16Slice(absl::string_view text, int64_t offset,
                             int64_t length);

}  // namespace frontline::telegram::internal

#endif  // FRONTLINE_LIBS_TELEGRAM_ENTITIES_H_
