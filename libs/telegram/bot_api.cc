#include "libs/telegram/bot_api.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "libs/telegram/entities.h"
#include "libs/telegram/json_util.h"
#include "libs/telegram/utf8.h"

namespace frontline::telegram {
namespace {

using internal::Find;
using internal::GetInt;
using internal::GetString;
using internal::Json;

constexpr std::pair<const char*, const char*> kMediaFields[] = {
    {"photo", "photo"},         {"video", "video_file"},
    {"animation", "animation"}, {"document", "document"},
    {"audio", "audio_file"},    {"voice", "voice_message"},
    {"sticker", "sticker"},     {"video_note", "video_message"},
};

std::string UserName(const Json& user) {
  std::string name = GetString(user, "first_name");
  const std::string last = GetString(user, "last_name");
  if (!last.empty()) absl::StrAppend(&name, name.empty() ? "" : " ", last);
  return name;
}

void FillOriginChat(const Json& chat, ForwardOrigin& origin) {
  if (const auto id = GetInt(chat, "id"))
    origin.channel_id = BareChannelId(*id);
  origin.channel_username = GetString(chat, "username");
  origin.channel_name = GetString(chat, "title");
}

std::optional<ForwardOrigin> ForwardOriginOf(const Json& message) {
  ForwardOrigin origin;
  if (const Json* modern = Find(message, "forward_origin")) {
    const std::string type = GetString(*modern, "type");
    if (type == "channel") {
      if (const Json* chat = Find(*modern, "chat"))
        FillOriginChat(*chat, origin);
      origin.message_id = GetInt(*modern, "message_id").value_or(0);
    } else if (type == "chat") {
      if (const Json* chat = Find(*modern, "sender_chat")) {
        FillOriginChat(*chat, origin);
      }
    } else if (type == "user") {
      if (const Json* user = Find(*modern, "sender_user")) {
        origin.channel_name = UserName(*user);
        origin.channel_username = GetString(*user, "username");
      }
    } else if (type == "hidden_user") {
      origin.channel_name = GetString(*modern, "sender_user_name");
    }
    if (const auto date = GetInt(*modern, "date")) {
      origin.original_date = absl::FromUnixSeconds(*date);
    }
    return origin;
  }
  if (const Json* chat = Find(message, "forward_from_chat")) {
    FillOriginChat(*chat, origin);
    origin.message_id = GetInt(message, "forward_from_message_id").value_or(0);
  } else if (const Json* user = Find(message, "forward_from")) {
    origin.channel_name = UserName(*user);
    origin.channel_username = GetString(*user, "username");
  } else if (std::string name = GetString(message, "forward_sender_name");
             !name.empty()) {
    origin.channel_name = std::move(name);
  } else {
    return std::nullopt;
  }
  if (const auto date = GetInt(message, "forward_date")) {
    origin.original_date = absl::FromUnixSeconds(*date);
  }
  return origin;
}

absl::StatusOr<Post> ConvertMessage(const Json& message, bool edited,
                                    VersionTracker* versions) {
  const auto id = GetInt(message, "message_id");
  if (!id)
    return absl::InvalidArgumentError("Bot API message without message_id");
  const Json* chat = Find(message, "chat");
  const auto chat_id = chat ? GetInt(*chat, "id") : std::nullopt;
  if (!chat_id) {
    return absl::InvalidArgumentError(
        absl::StrCat("Bot API message ", *id, " has no chat id"));
  }
  const auto date = GetInt(message, "date");
  if (!date) {
    return absl::InvalidArgumentError(
        absl::StrCat("Bot API message ", *id, " has no date"));
  }
  Post post;
  post.format = PostFormat::kBotApi;
  post.channel_id = BareChannelId(*chat_id);
  post.channel_username = GetString(*chat, "username");
  post.channel_title = GetString(*chat, "title");
  post.message_id = *id;
  post.date = absl::FromUnixSeconds(*date);
  if (const auto edit = GetInt(message, "edit_date")) {
    post.edit_date = absl::FromUnixSeconds(*edit);
  }
  const bool has_text = Find(message, "text") != nullptr;
  internal::ApplyBotApiEntities(
      GetString(message, has_text ? "text" : "caption"),
      Find(message, has_text ? "entities" : "caption_entities"), post);
  for (const auto& [field, media_type] : kMediaFields) {
    if (Find(message, field) != nullptr) {
      post.media_type = media_type;
      post.media_caption = post.text;
      break;
    }
  }
  post.forward_origin = ForwardOriginOf(message);
  if (const Json* reply = Find(message, "reply_to_message")) {
    post.reply_to_message_id = GetInt(*reply, "message_id").value_or(0);
  }
  post.author = GetString(message, "author_signature");
  std::optional<absl::Time> edit_mark;
  if (edited) edit_mark = post.edit_date.value_or(post.date);
  if (versions != nullptr) {
    post.version = versions->Observe(ExternalId(post), edit_mark);
  } else {
    post.version = edited ? 2 : 1;
  }
  return post;
}

absl::Status ApiError(const Json& root) {
  const std::string description = GetString(root, "description");
  const int64_t code = GetInt(root, "error_code").value_or(0);
  const std::string message =
      absl::StrCat("Bot API error ", code, ": ", description);
  switch (code) {
    case 401:
      return absl::UnauthenticatedError(message);
    case 403:
      return absl::PermissionDeniedError(message);
    case 429:
      return absl::ResourceExhaustedError(message);
    default:
      return absl::FailedPreconditionError(message);
  }
}

}  // namespace

absl::StatusOr<UpdatesBatch> ParseGetUpdates(absl::string_view body,
                                             VersionTracker* versions,
                                             const BotApiOptions& options) {
  if (body.size() > options.max_body_bytes) {
    return absl::ResourceExhaustedError(
        absl::StrCat("getUpdates body of ", body.size(),
                     " bytes exceeds max_body_bytes ", options.max_body_bytes));
  }
  const std::string repaired = RepairUtf8(body);
  internal::JsonDomBuilder builder(options.max_depth);
  bool parsed = false;
  try {
    parsed = Json::sax_parse(repaired, &builder);
  } catch (const std::exception& e) {
    return absl::InternalError(
        absl::StrCat("getUpdates parse failed unexpectedly: ", e.what()));
  }
  if (!parsed) return builder.status();
  const Json& root = builder.value();
  if (!root.is_object() || !Find(root, "ok")) {
    return absl::InvalidArgumentError(
        "not a getUpdates response: no top-level \"ok\"");
  }
  if (!root["ok"].is_boolean() || !root["ok"].get<bool>())
    return ApiError(root);
  const Json* result = Find(root, "result");
  if (result == nullptr || !result->is_array()) {
    return absl::InvalidArgumentError(
        "getUpdates response without a \"result\" array");
  }
  UpdatesBatch batch;
  auto reject = [&](absl::Status error) {
    ++batch.updates_rejected;
    if (batch.errors.size() < options.max_recorded_errors) {
      batch.errors.push_back(std::move(error));
    }
  };
  for (const Json& update : *result) {
    const auto update_id = GetInt(update, "update_id");
    if (update_id)
      batch.next_offset = std::max(batch.next_offset, *update_id + 1);
    const Json* message = Find(update, "channel_post");
    const bool edited = message == nullptr;
    if (edited) message = Find(update, "edited_channel_post");
    if (message == nullptr) {
      if (update.is_object() && update_id) {
        ++batch.updates_skipped;
      } else {
        reject(absl::InvalidArgumentError("update without update_id"));
      }
      continue;
    }
    absl::StatusOr<Post> post = ConvertMessage(*message, edited, versions);
    if (!post.ok()) {
      reject(absl::InvalidArgumentError(absl::StrCat(
          "update ", update_id.value_or(0), ": ", post.status().message())));
      continue;
    }
    batch.posts.push_back(*std::move(post));
  }
  return batch;
}

}  // namespace frontline::telegram
