// Parser for Telegram Bot API `getUpdates` responses:
//   {"ok": true, "result": [{"update_id": N, "channel_post": Message}, ...]}
// Only channel_post and edited_channel_post updates become posts; an
// edited_channel_post is a new version of the post it edits (same external
// id), never a new post. Other update kinds are counted and skipped.
//
// Input is untrusted: invalid UTF-8 becomes U+FFFD, nesting is limited, and
// an unusable update is skipped and reported while the rest are kept. No
// exception escapes.
#ifndef FRONTLINE_LIBS_TELEGRAM_BOT_API_H_
#define FRONTLINE_LIBS_TELEGRAM_BOT_API_H_

#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "libs/telegram/post.h"
#include "libs/telegram/version_tracker.h"

namespace frontline::telegram {

struct BotApiOptions {
  int max_depth = 64;
  // Larger bodies are refused with kResourceExhausted (the Bot API returns at
  // most 100 updates per call, far below this).
  size_t max_body_bytes = 64 << 20;
  size_t max_recorded_errors = 100;
};

struct UpdatesBatch {
  // In update order; format kBotApi.
  std::vector<Post> posts;
  // The `offset` for the next getUpdates call: the largest update_id seen
  // plus one, counting skipped and rejected updates too; 0 when the
  // response held no update ids (keep the previous offset then).
  int64_t next_offset = 0;
  // Updates of other kinds (message, callback_query, ...).
  int64_t updates_skipped = 0;
  // Channel posts that could not be used; the first reasons are in errors.
  int64_t updates_rejected = 0;
  std::vector<absl::Status> errors;
};

// Parses one getUpdates response body. With `versions`, each post's version
// is numbered by it (see VersionTracker::Observe); without, originals get 1
// and edits 2. Errors: kInvalidArgument for malformed JSON, nesting past
// max_depth or a body that is not a getUpdates response; kResourceExhausted
// past max_body_bytes; for "ok": false, a status carrying the API's
// description (kUnauthenticated for 401, kPermissionDenied for 403,
// kResourceExhausted for 429, kFailedPrecondition otherwise).
absl::StatusOr<UpdatesBatch> ParseGetUpdates(absl::string_view body,
                                             VersionTracker* versions,
                                             const BotApiOptions& options = {});

}  // namespace frontline::telegram

#endif  // FRONTLINE_LIBS_TELEGRAM_BOT_API_H_
