// Parser for public channel preview pages, https://t.me/s/<channel>: the
// HTML Telegram serves without login, about 20 posts per page.
//
// Input is untrusted: markup may be broken (gumbo repairs it as browsers do),
// posts may lack fields. A post without an id or a date is skipped and
// reported; the rest are kept. Pages past the size or nesting limit are
// refused before parsing. No exception escapes.
#ifndef FRONTLINE_LIBS_TELEGRAM_PREVIEW_PAGE_H_
#define FRONTLINE_LIBS_TELEGRAM_PREVIEW_PAGE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "libs/telegram/post.h"

namespace frontline::telegram {

struct PreviewOptions {
  // Real pages are a few hundred KiB.
  size_t max_page_bytes = 4 << 20;
  // Deepest element nesting accepted (estimated from the tags before
  // parsing, counting unclosed tags as open).
  int max_depth = 512;
  size_t max_recorded_errors = 100;
};

struct PreviewPage {
  // In page order (t.me lists oldest first); format kPreviewPage, version 2
  // for posts marked "edited" (the page shows no edit time), else 1.
  std::vector<Post> posts;
  // The smallest post id on the page: request
  // https://t.me/s/<channel>?before=<before> for the posts older than it.
  int64_t before = 0;
  // Posts that could not be used; the first reasons are in errors.
  int64_t posts_rejected = 0;
  std::vector<absl::Status> errors;
};

// Parses one preview page. Errors: kNotFound when the page holds no post
// elements at all (a missing channel, a changed layout, a block page);
// kInvalidArgument when it holds some but none is usable, or when nesting
// exceeds max_depth; kResourceExhausted past max_page_bytes.
absl::StatusOr<PreviewPage> ParsePreviewPage(
    absl::string_view html, const PreviewOptions& options = {});

// Parses a view counter as the page shows it: "987" -> 987, "12.3K" ->
// 12300, "1.2M" -> 1200000. kInvalidArgument for anything else.
absl::StatusOr<int64_t> ParseViewCount(absl::string_view text);

}  // namespace frontline::telegram

#endif  // FRONTLINE_LIBS_TELEGRAM_PREVIEW_PAGE_H_
