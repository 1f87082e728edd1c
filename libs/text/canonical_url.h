// One spelling for every URL that names the same document, so documents are
// keyed and deduplicated by what they are, not how a link was written.
#ifndef FRONTLINE_LIBS_TEXT_CANONICAL_URL_H_
#define FRONTLINE_LIBS_TEXT_CANONICAL_URL_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace frontline::text {

// Immutable after loading; safe to share between threads.
class UrlCanonicalizer {
 public:
  // Reads the tracking-parameter list (data/tracking_params.txt).
  // kNotFound when absent.
  static absl::StatusOr<UrlCanonicalizer> Load(const std::string& path);
  static absl::StatusOr<UrlCanonicalizer> Parse(absl::string_view contents);

  // For absolute http(s) URLs:
  //   - scheme and host in lower case, a trailing dot of the host dropped;
  //     user info kept as written;
  //   - default ports (80 for http, 443 for https) dropped;
  //   - an empty path becomes "/"; "." and ".." segments resolved (RFC 3986
  //     5.2.4); percent escapes in upper-case hex;
  //   - the fragment dropped;
  //   - tracking parameters (the list) dropped, case-insensitively; the rest
  //     sorted by name then value (byte order), empty parameters ("&&")
  //     dropped, an empty query with its '?' dropped;
  //   - Telegram posts: t.me, telegram.me and www. forms, /s/<channel>/<id>
  //     and /<channel>/<id>, any query, all become
  //     https://t.me/<channel in lower case>/<id>.
  // Surrounding white space is ignored. kInvalidArgument for anything that
  // is not an absolute http or https URL with a host, or that holds spaces
  // or control characters inside.
  absl::StatusOr<std::string> Canonicalize(absl::string_view url) const;

 private:
  UrlCanonicalizer() = default;
  bool IsTracking(absl::string_view name) const;

  std::vector<std::string> exact_;     // Lower case.
  std::vector<std::string> prefixes_;  // Lower case, '*' removed.
};

}  // namespace frontline::text

#endif  // FRONTLINE_LIBS_TEXT_CANONICAL_URL_H_
