#include "libs/telegram/raw_document.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "libs/pipeline/raw_documents.h"

namespace frontline::telegram {
namespace {

using frontline::v1::RawDocument;

void SetTime(absl::Time time, google::protobuf::Timestamp* out) {
  const int64_t seconds = absl::ToUnixSeconds(time);
  out->set_seconds(seconds);
  out->set_nanos(static_cast<int32_t>(
      absl::ToInt64Nanoseconds(time - absl::FromUnixSeconds(seconds))));
}

frontline::v1::RawFormat FormatOf(PostFormat format) {
  switch (format) {
    case PostFormat::kDesktopExport:
      return frontline::v1::RAW_FORMAT_TELEGRAM_EXPORT_MESSAGE;
    case PostFormat::kBotApi:
      return frontline::v1::RAW_FORMAT_TELEGRAM_BOT_API_MESSAGE;
    case PostFormat::kPreviewPage:
      return frontline::v1::RAW_FORMAT_TELEGRAM_PREVIEW_POST;
  }
  return frontline::v1::RAW_FORMAT_UNSPECIFIED;
}

std::string PostUrl(const Post& post) {
  if (!post.channel_username.empty()) {
    return absl::StrCat("https://t.me/", post.channel_username, "/",
                        post.message_id);
  }
  return absl::StrCat("https://t.me/c/", post.channel_id, "/", post.message_id);
}

void FillForwardOrigin(const ForwardOrigin& origin,
                       frontline::v1::ForwardOrigin* out) {
  if (!origin.channel_username.empty()) {
    out->set_channel_id(absl::AsciiStrToLower(origin.channel_username));
  } else if (origin.channel_id != 0) {
    out->set_channel_id(absl::StrCat(origin.channel_id));
  }
  out->set_channel_name(origin.channel_name);
  if (origin.message_id != 0) {
    out->set_message_id(absl::StrCat(origin.message_id));
  }
  if (origin.original_date) {
    SetTime(*origin.original_date, out->mutable_original_time());
  }
}

}  // namespace

absl::StatusOr<RawDocument> ToRawDocument(const Post& post,
                                          const RawDocumentOptions& options) {
  const std::string channel = ChannelKey(post);
  if (channel.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "post ", post.message_id, " has neither channel username nor id"));
  }
  if (post.message_id <= 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("post of channel ", channel, " has no message id"));
  }
  RawDocument doc;
  frontline::v1::Source* source = doc.mutable_source();
  *source = options.source;
  if (source->id().empty()) source->set_id(absl::StrCat("telegram:", channel));
  source->set_kind(frontline::v1::SOURCE_KIND_TELEGRAM);
  if (source->name().empty()) source->set_name(post.channel_title);
  if (source->url().empty() && !post.channel_username.empty()) {
    source->set_url(absl::StrCat("https://t.me/", post.channel_username));
  }
  doc.set_external_id(ExternalId(post));
  doc.set_version(post.version);
  doc.set_id(pipeline::RawDocumentId(doc));
  doc.set_url(PostUrl(post));
  if (options.fetched_time != absl::InfinitePast()) {
    SetTime(options.fetched_time, doc.mutable_fetched_time());
  }
  SetTime(post.date, doc.mutable_published_time());
  if (post.edit_date) SetTime(*post.edit_date, doc.mutable_edited_time());
  doc.set_content_type("text/plain; charset=utf-8");
  doc.set_format(FormatOf(post.format));
  doc.set_body(post.text);
  doc.set_author(post.author);

  frontline::v1::Provenance* provenance = doc.mutable_provenance();
  provenance->set_fetcher(options.fetcher);
  provenance->set_fetch_url(options.fetch_url);
  provenance->set_import_file(options.import_file);
  if (post.forward_origin) {
    FillForwardOrigin(*post.forward_origin,
                      provenance->mutable_forward_origin());
  }
  if (post.reply_to_message_id != 0) {
    provenance->set_reply_to_external_id(
        absl::StrCat(channel, "/", post.reply_to_message_id));
  }

  auto& attributes = *doc.mutable_attributes();
  if (post.views) attributes["views"] = absl::StrCat(*post.views);
  if (!post.hashtags.empty()) {
    attributes["hashtags"] = absl::StrJoin(post.hashtags, " ");
  }
  if (!post.links.empty()) attributes["links"] = absl::StrJoin(post.links, " ");
  if (!post.media_type.empty()) attributes["media_type"] = post.media_type;
  if (!post.media_caption.empty()) {
    attributes["media_caption"] = post.media_caption;
  }
  if (!post.channel_title.empty()) {
    attributes["channel_title"] = post.channel_title;
  }
  return doc;
}

}  // namespace frontline::telegram
