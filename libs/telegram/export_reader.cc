#include "libs/telegram/export_reader.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "libs/telegram/entities.h"
#include "libs/telegram/json_util.h"
#include "libs/telegram/repairing_streambuf.h"

namespace frontline::telegram {
namespace {

using internal::GetInt;
using internal::GetString;
using internal::Json;

struct ChannelContext {
  const std::string& title;
  int64_t id;
  const std::string& username;
};

std::string MediaTypeOf(const Json& message) {
  std::string media_type = GetString(message, "media_type");
  if (!media_type.empty()) return media_type;
  if (internal::Find(message, "photo") != nullptr) return "photo";
  if (internal::Find(message, "file") != nullptr) return "document";
  return "";
}

// nullopt for a service message; an error for an unusable one.
absl::StatusOr<std::optional<Post>> ConvertMessage(
    const Json& message, const ChannelContext& channel) {
  const std::optional<int64_t> id = GetInt(message, "id");
  if (!id) {
    return absl::InvalidArgumentError("export message without a numeric id");
  }
  if (GetString(message, "type") == "service") return std::nullopt;
  const std::optional<int64_t> date = GetInt(message, "date_unixtime");
  if (!date) {
    return absl::InvalidArgumentError(
        absl::StrCat("export message ", *id, " has no date_unixtime"));
  }
  Post post;
  post.format = PostFormat::kDesktopExport;
  post.channel_id = channel.id;
  post.channel_title = channel.title;
  post.channel_username = channel.username;
  post.message_id = *id;
  post.date = absl::FromUnixSeconds(*date);
  if (const auto edited = GetInt(message, "edited_unixtime")) {
    post.edit_date = absl::FromUnixSeconds(*edited);
    post.version = 2;
  }
  // text_entities, when present, lists every piece with its type even where
  // `text` is a bare string; older exports have only `text`.
  const Json* entities = internal::Find(message, "text_entities");
  if (entities != nullptr && entities->is_array() && !entities->empty()) {
    internal::FlattenExportText(*entities, post);
  } else if (const Json* text = internal::Find(message, "text")) {
    internal::FlattenExportText(*text, post);
  }
  if (std::string origin = GetString(message, "forwarded_from");
      !origin.empty()) {
    post.forward_origin = ForwardOrigin{.channel_name = std::move(origin)};
  }
  post.reply_to_message_id = GetInt(message, "reply_to_message_id").value_or(0);
  post.media_type = MediaTypeOf(message);
  if (!post.media_type.empty()) post.media_caption = post.text;
  post.author = GetString(message, "author");
  return post;
}

// Drives the parse: tracks where in the export it is, captures the channel
// fields at the top level and hands each element of "messages" to a
// JsonDomBuilder, converting and delivering it once complete.
class ExportHandler {
 public:
  ExportHandler(const ExportOptions& options, const PostSink& on_post,
                internal::RepairingStreambuf& input, ExportSummary& summary)
      : options_(options),
        on_post_(on_post),
        input_(input),
        summary_(summary),
        message_(options.max_depth, /*outer_depth=*/2) {}

  const absl::Status& status() const { return status_; }
  bool saw_messages() const { return saw_messages_; }

  bool null() { return InMessage() ? Forward(message_.null()) : true; }
  bool boolean(bool v) {
    return InMessage() ? Forward(message_.boolean(v)) : true;
  }
  bool number_integer(Json::number_integer_t v) {
    if (InMessage()) return Forward(message_.number_integer(v));
    if (depth_ == 1 && root_key_ == "id") summary_.channel_id = v;
    return true;
  }
  bool number_unsigned(Json::number_unsigned_t v) {
    if (InMessage()) return Forward(message_.number_unsigned(v));
    if (depth_ == 1 && root_key_ == "id") {
      summary_.channel_id = static_cast<int64_t>(v);
    }
    return true;
  }
  bool number_float(Json::number_float_t v, const std::string& raw) {
    return InMessage() ? Forward(message_.number_float(v, raw)) : true;
  }
  bool string(std::string& v) {
    if (InMessage()) return Forward(message_.string(v));
    if (depth_ == 1 && root_key_ == "name") summary_.channel_title = v;
    if (depth_ == 1 && root_key_ == "type") summary_.chat_type = v;
    return true;
  }
  bool binary(Json::binary_t& v) {
    return InMessage() ? Forward(message_.binary(v)) : true;
  }
  bool key(std::string& k) {
    if (InMessage()) return Forward(message_.key(k));
    if (depth_ == 1) root_key_ = k;
    return true;
  }

  bool start_object(std::size_t size) {
    if (InMessage()) return Forward(message_.start_object(size));
    if (!Enter()) return false;
    if (InMessagesArray(depth_ - 1)) {
      in_message_ = true;
      message_start_ = input_.position();
      input_.SetLimit(message_start_, options_.max_message_bytes);
      message_.Reset();
      --depth_;
      return Forward(message_.start_object(size));
    }
    return true;
  }
  bool end_object() {
    if (InMessage()) {
      if (!Forward(message_.end_object())) return false;
      return message_.done() ? FinishMessage() : true;
    }
    --depth_;
    return true;
  }
  bool start_array(std::size_t size) {
    if (InMessage()) return Forward(message_.start_array(size));
    if (!Enter()) return false;
    if (depth_ == 2 && root_key_ == "messages") {
      messages_depth_ = depth_;
      saw_messages_ = true;
    } else if (InMessagesArray(depth_ - 1)) {
      RejectMessage(absl::InvalidArgumentError(
          "export message is an array, not an object"));
    }
    return true;
  }
  bool end_array() {
    if (InMessage()) return Forward(message_.end_array());
    if (depth_ == messages_depth_) messages_depth_ = -1;
    --depth_;
    return true;
  }

  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& error) {
    if (input_.limit_hit()) {
      status_ = absl::ResourceExhaustedError(
          absl::StrCat("export message starting at byte ", message_start_,
                       " is larger than max_message_bytes (",
                       options_.max_message_bytes, ")"));
    } else {
      status_ = internal::JsonSyntaxError(position, error);
    }
    return false;
  }

 private:
  bool InMessage() const { return in_message_; }
  bool InMessagesArray(int depth) const {
    return messages_depth_ > 0 && depth == messages_depth_;
  }

  bool Enter() {
    if (++depth_ > options_.max_depth) {
      status_ = absl::InvalidArgumentError(absl::StrCat(
          "export JSON nested deeper than ", options_.max_depth, " levels"));
      return false;
    }
    return true;
  }

  bool Forward(bool ok) {
    if (!ok) {
      status_ = absl::InvalidArgumentError(
          absl::StrCat("export message starting at byte ", message_start_, ": ",
                       message_.status().message()));
    }
    return ok;
  }

  void RejectMessage(absl::Status error) {
    ++summary_.messages_rejected;
    if (summary_.message_errors.size() < options_.max_recorded_errors) {
      summary_.message_errors.push_back(std::move(error));
    }
  }

  bool FinishMessage() {
    in_message_ = false;
    input_.ClearLimit();
    summary_.largest_message_bytes = std::max(
        summary_.largest_message_bytes, input_.position() - message_start_ + 1);
    const ChannelContext channel{summary_.channel_title, summary_.channel_id,
                                 options_.channel_username};
    absl::StatusOr<std::optional<Post>> post =
        ConvertMessage(message_.value(), channel);
    message_.Reset();
    if (!post.ok()) {
      RejectMessage(post.status());
      return true;
    }
    if (!post->has_value()) {
      ++summary_.service_messages_skipped;
      return true;
    }
    absl::Status delivered = on_post_(std::move(**post));
    if (!delivered.ok()) {
      status_ = std::move(delivered);
      return false;
    }
    ++summary_.posts_delivered;
    return true;
  }

  const ExportOptions& options_;
  const PostSink& on_post_;
  internal::RepairingStreambuf& input_;
  ExportSummary& summary_;
  internal::JsonDomBuilder message_;
  absl::Status status_;
  int depth_ = 0;
  int messages_depth_ = -1;
  bool saw_messages_ = false;
  bool in_message_ = false;
  int64_t message_start_ = 0;
  std::string root_key_;
};

}  // namespace

absl::Status ReadDesktopExport(std::istream& in, const ExportOptions& options,
                               const PostSink& on_post,
                               const ProgressSink& on_progress,
                               ExportSummary* summary) {
  *summary = ExportSummary();
  internal::RepairingStreambuf input(in, options.progress_interval_bytes,
                                     on_progress);
  std::istream repaired(&input);
  ExportHandler handler(options, on_post, input, *summary);
  bool parsed = false;
  try {
    parsed = Json::sax_parse(repaired, &handler);
  } catch (const std::exception& e) {
    summary->bytes_read = input.bytes_read();
    return absl::InternalError(
        absl::StrCat("export parse failed unexpectedly: ", e.what()));
  }
  summary->bytes_read = input.bytes_read();
  summary->invalid_utf8_replaced = input.replacements();
  input.ReportFinalProgress();
  if (!parsed) {
    return handler.status().ok()
               ? absl::InvalidArgumentError("export parse stopped")
               : handler.status();
  }
  if (!handler.saw_messages()) {
    return absl::InvalidArgumentError(
        "not a Telegram Desktop export: no top-level \"messages\" array");
  }
  return absl::OkStatus();
}

}  // namespace frontline::telegram
