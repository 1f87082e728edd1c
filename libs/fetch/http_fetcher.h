// HTTP(S) GET for the ingesters, on libcurl: conditional requests (ETag,
// Last-Modified), gzip/deflate decoding, a redirect limit, connect, total and
// stall timeouts, and a cap on the decoded body (which also stops gzip
// bombs). Only http and https are ever fetched, redirects included.
//
// An HTTP answer of any status is a value (FetchResponse); a Status error
// means no usable answer: kDeadlineExceeded (timeout or stalled transfer),
// kResourceExhausted (body over the cap), kUnavailable (cannot connect),
// kFailedPrecondition (too many redirects), kInvalidArgument (bad URL or
// scheme). An HttpFetcher is not thread-safe; use one per thread.
#ifndef FRONTLINE_LIBS_FETCH_HTTP_FETCHER_H_
#define FRONTLINE_LIBS_FETCH_HTTP_FETCHER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace frontline::fetch {

struct FetchRequest {
  std::string url;
  // How `url` appears in error messages when it holds a secret (a bot
  // token); `url` itself otherwise.
  std::string log_url;
  // Validators from the previous fetch; a 304 answer means "unchanged".
  std::string etag;
  std::string last_modified;
  absl::Duration connect_timeout = absl::Seconds(10);
  absl::Duration total_timeout = absl::Seconds(60);
  // A transfer slower than `min_bytes_per_second` for `stall_timeout` fails.
  int64_t min_bytes_per_second = 64;
  absl::Duration stall_timeout = absl::Seconds(20);
  int64_t max_body_bytes = 16 << 20;
  int max_redirects = 5;
  std::string user_agent =
      "Frontline/0.1 (+OSINT aggregation; feed and channel reader)";
};

struct FetchResponse {
  int http_status = 0;
  bool not_modified() const { return http_status == 304; }
  std::string body;  // decoded
  std::string content_type;
  std::string etag;
  std::string last_modified;
  // The Retry-After header as sent, for 429 and 503 answers.
  std::string retry_after;
  // After redirects.
  std::string final_url;
};

class HttpFetcher {
 public:
  HttpFetcher();
  ~HttpFetcher();
  HttpFetcher(const HttpFetcher&) = delete;
  HttpFetcher& operator=(const HttpFetcher&) = delete;

  absl::StatusOr<FetchResponse> Fetch(const FetchRequest& request);

 private:
  struct Handle;
  std::unique_ptr<Handle> handle_;
};

}  // namespace frontline::fetch

#endif  // FRONTLINE_LIBS_FETCH_HTTP_FETCHER_H_
