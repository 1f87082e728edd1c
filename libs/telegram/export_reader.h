// Streaming reader for Telegram Desktop exports: the `result.json` that
// "Export chat history" writes for one channel or chat, in JSON format.
//
// The file is read in one pass through nlohmann::json's SAX parser and
// messages are delivered one at a time as they complete, so memory is bounded
// by the largest single message (capped by ExportOptions::max_message_bytes),
// never by the file: exports of many hundreds of MB are fine.
//
// Input is untrusted. Invalid UTF-8 anywhere is replaced by U+FFFD before
// parsing. A message that cannot be used (no id, no date_unixtime) is skipped
// and reported in the summary; the rest is delivered. A fatal error (malformed
// or truncated JSON, nesting past the limit, an oversized message) stops the
// read: every message completed before it has already been delivered, and
// the returned status says what and where. No exception escapes.
#ifndef FRONTLINE_LIBS_TELEGRAM_EXPORT_READER_H_
#define FRONTLINE_LIBS_TELEGRAM_EXPORT_READER_H_

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "libs/telegram/post.h"

namespace frontline::telegram {

struct ExportOptions {
  // Exports name the channel but carry no username. When set, posts are keyed
  // by it (as Bot API and preview posts of the same channel are).
  std::string channel_username;
  // Deepest nesting of arrays and objects accepted anywhere in the file.
  int max_depth = 64;
  // Largest single message, in bytes of JSON; past it the read fails with
  // kResourceExhausted. Bounds memory together with the 64 KiB read buffer.
  int64_t max_message_bytes = 16 << 20;
  // How often the progress callback runs, in bytes read.
  int64_t progress_interval_bytes = 1 << 20;
  // How many per-message errors ExportSummary keeps (all are counted).
  size_t max_recorded_errors = 100;
};

struct ExportSummary {
  // From the top level of the export ("name", "id", "type").
  std::string channel_title;
  int64_t channel_id = 0;
  std::string chat_type;
  int64_t posts_delivered = 0;
  // "type": "service" entries (joins, pins, title changes): never delivered.
  int64_t service_messages_skipped = 0;
  // Messages skipped as unusable; the first few reasons are in
  // message_errors, each kInvalidArgument naming the message.
  int64_t messages_rejected = 0;
  std::vector<absl::Status> message_errors;
  // Bytes consumed from the stream.
  int64_t bytes_read = 0;
  // JSON bytes of the largest message held at once: the reader's memory
  // high-water mark, since it never holds two messages.
  int64_t largest_message_bytes = 0;
  // Ill-formed UTF-8 sequences replaced by U+FFFD.
  int64_t invalid_utf8_replaced = 0;
};

// Receives each post; a non-OK status stops the read and is returned.
using PostSink = std::function<absl::Status(Post post)>;
// Receives the bytes read so far, every progress_interval_bytes and at the end.
using ProgressSink = std::function<void(int64_t bytes_read)>;

// Reads a Desktop export from `in`, calling `on_post` for each message in
// file order. Posts carry format kDesktopExport, version 1, or 2 when the
// message was edited (an export holds only the final text). `on_progress`
// may be empty. `summary` (required) is filled whether or not the read
// succeeds. Errors: kInvalidArgument for malformed JSON, nesting past
// max_depth or a file that is not an export; kResourceExhausted for a message
// past max_message_bytes; whatever `on_post` returns.
absl::Status ReadDesktopExport(std::istream& in, const ExportOptions& options,
                               const PostSink& on_post,
                               const ProgressSink& on_progress,
                               ExportSummary* summary);

}  // namespace frontline::telegram

#endif  // FRONTLINE_LIBS_TELEGRAM_EXPORT_READER_H_
