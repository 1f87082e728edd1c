// Post: one Telegram channel message as Frontline keeps it, whichever of the
// three readers (Desktop export, Bot API, t.me/s preview page) produced it.
#ifndef FRONTLINE_LIBS_TELEGRAM_POST_H_
#define FRONTLINE_LIBS_TELEGRAM_POST_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"

namespace frontline::telegram {

// Which reader produced a Post; maps onto RawFormat in the RawDocument.
enum class PostFormat { kDesktopExport, kBotApi, kPreviewPage };

// Where a forwarded post first appeared. Each format carries a different
// subset: Desktop exports only the display name; the Bot API the chat id,
// username and message id; preview pages the username and message id.
struct ForwardOrigin {
  // Bare numeric channel id (no -100 prefix), 0 when unknown.
  int64_t channel_id = 0;
  std::string channel_username;
  // Display name of the origin channel or user.
  std::string channel_name;
  // 0 when unknown.
  int64_t message_id = 0;
  std::optional<absl::Time> original_date;

  bool operator==(const ForwardOrigin&) const = default;
};

struct Post {
  PostFormat format = PostFormat::kDesktopExport;
  // Bare numeric channel id: Bot API ids "-100XXXXXXXXXX" are stored as
  // XXXXXXXXXX, the form Desktop exports use. 0 when unknown.
  int64_t channel_id = 0;
  // Public username without "@", as the source spells it; empty when unknown.
  std::string channel_username;
  std::string channel_title;
  int64_t message_id = 0;
  // UTC publication time.
  absl::Time date = absl::UnixEpoch();
  // UTC time of the last edit, when the source reports one.
  std::optional<absl::Time> edit_date;
  // 1 for the original text; each edit observed counts up by one.
  uint32_t version = 1;
  // Text (or media caption) with all entities flattened to plain UTF-8.
  // Always valid UTF-8: invalid input bytes become U+FFFD.
  std::string text;
  // In order of appearance, with the leading '#'; duplicates kept once.
  std::vector<std::string> hashtags;
  // URLs: visible links and the targets of text links; duplicates kept once.
  std::vector<std::string> links;
  std::optional<ForwardOrigin> forward_origin;
  // 0 when the post replies to nothing.
  int64_t reply_to_message_id = 0;
  // Only preview pages report views.
  std::optional<int64_t> views;
  // "photo", "video_file", "document", ...; empty when the post has no media.
  std::string media_type;
  // The caption when the post carries media (then equal to `text`).
  std::string media_caption;
  // Signature of the author, for channels that sign posts.
  std::string author;

  bool operator==(const Post&) const = default;
};

// The channel part of a post's external id: the lower-cased username when
// known (usernames are case-insensitive), else the decimal bare channel id.
// Empty when the post carries neither.
std::string ChannelKey(const Post& post);

// "<ChannelKey>/<message_id>", the post's id at its source. Edits keep it.
std::string ExternalId(const Post& post);

// Converts a Bot API chat id (-100XXXXXXXXXX for channels and supergroups)
// to the bare id Desktop exports and t.me/c links use. Other ids unchanged.
int64_t BareChannelId(int64_t chat_id);

// Appends `item` to `list` unless it is already there.
void AppendUnique(std::vector<std::string>& list, std::string item);

}  // namespace frontline::telegram

#endif  // FRONTLINE_LIBS_TELEGRAM_POST_H_
