// Conversion of a Post into the `raw` topic's frontline.v1.RawDocument.
#ifndef FRONTLINE_LIBS_TELEGRAM_RAW_DOCUMENT_H_
#define FRONTLINE_LIBS_TELEGRAM_RAW_DOCUMENT_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "frontline/v1/raw_document.pb.h"
#include "libs/telegram/post.h"

namespace frontline::telegram {

struct RawDocumentOptions {
  // The configured source. Empty fields are derived from the post: id
  // "telegram:<ChannelKey>", kind SOURCE_KIND_TELEGRAM, name the channel
  // title, url https://t.me/<username>.
  frontline::v1::Source source;
  absl::Time fetched_time = absl::InfinitePast();  // unset when infinite
  std::string fetcher;      // e.g. "telegram-ingest/0.1.0"
  std::string fetch_url;    // the page or API URL read
  std::string import_file;  // the export file read
};

// Builds the RawDocument for `post`:
//  - external_id "<ChannelKey>/<message_id>" (the same for every version);
//  - id: pipeline::RawDocumentId (source id, external id, version), so the
//    same post at the same version always gets the same id and an edit gets
//    a new one;
//  - body the post text, content_type "text/plain; charset=utf-8", format
//    RAW_FORMAT_TELEGRAM_{EXPORT_MESSAGE,BOT_API_MESSAGE,PREVIEW_POST};
//  - url https://t.me/<username>/<id> (https://t.me/c/<id>/<id> without a
//    username); published, edited time and version from the post;
//  - provenance.forward_origin and reply_to_external_id when present;
//  - attributes "views", "hashtags" and "links" (space-separated),
//    "media_type", "media_caption", "channel_title", each only when known.
// kInvalidArgument when the post has no channel identity or no message id.
absl::StatusOr<frontline::v1::RawDocument> ToRawDocument(
    const Post& post, const RawDocumentOptions& options = {});

}  // namespace frontline::telegram

#endif  // FRONTLINE_LIBS_TELEGRAM_RAW_DOCUMENT_H_
