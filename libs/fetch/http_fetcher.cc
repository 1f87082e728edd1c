#include "libs/fetch/http_fetcher.h"

#include <curl/curl.h>

#include <algorithm>
#include <mutex>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace frontline::fetch {
namespace {

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Transfer {
  FetchResponse* response;
  int64_t max_body_bytes;
  bool too_large = false;
};

size_t OnBody(char* data, size_t size, size_t count, void* opaque) {
  auto* t = static_cast<Transfer*>(opaque);
  const size_t n = size * count;
  if (int64_t(t->response->body.size() + n) > t->max_body_bytes) {
    t->too_large = true;
    return 0;  // aborts the transfer
  }
  t->response->body.append(data, n);
  return n;
}

size_t OnHeader(char* data, size_t size, size_t count, void* opaque) {
  auto* t = static_cast<Transfer*>(opaque);
  const size_t n = size * count;
  absl::string_view line(data, n);
  // A new response (after a redirect) starts with its status line.
  if (absl::StartsWith(line, "HTTP/")) {
    t->response->etag.clear();
    t->response->last_modified.clear();
    t->response->retry_after.clear();
    t->response->content_type.clear();
    return n;
  }
  const size_t colon = line.find(':');
  if (colon == absl::string_view::npos) return n;
  const std::string name = absl::AsciiStrToLower(line.substr(0, colon));
  const std::string value(absl::StripAsciiWhitespace(line.substr(colon + 1)));
  if (name == "etag") t->response->etag = value;
  if (name == "last-modified") t->response->last_modified = value;
  if (name == "retry-after") t->response->retry_after = value;
  if (name == "content-type") t->response->content_type = value;
  return n;
}

long Millis(absl::Duration d) {
  return static_cast<long>(std::max<int64_t>(1, absl::ToInt64Milliseconds(d)));
}

}  // namespace

struct HttpFetcher::Handle {
  CURL* curl = nullptr;
  ~Handle() {
    if (curl != nullptr) curl_easy_cleanup(curl);
  }
};

HttpFetcher::HttpFetcher() : handle_(std::make_unique<Handle>()) {
  GlobalInit();
  handle_->curl = curl_easy_init();
}

HttpFetcher::~HttpFetcher() = default;

absl::StatusOr<FetchResponse> HttpFetcher::Fetch(const FetchRequest& request) {
  CURL* curl = handle_->curl;
  if (curl == nullptr) return absl::InternalError("libcurl: no handle");
  const std::string& shown =
      request.log_url.empty() ? request.url : request.log_url;
  const std::string scheme =
      absl::AsciiStrToLower(request.url.substr(0, request.url.find("://") + 3));
  if (scheme != "http://" && scheme != "https://") {
    return absl::InvalidArgumentError(
        absl::StrCat("fetch: only http and https URLs: ", shown));
  }
  curl_easy_reset(curl);
  FetchResponse response;
  Transfer transfer{&response, request.max_body_bytes};
  char error[CURL_ERROR_SIZE] = {0};
  curl_slist* headers = nullptr;
  if (!request.etag.empty()) {
    headers = curl_slist_append(
        headers, absl::StrCat("If-None-Match: ", request.etag).c_str());
  }
  if (!request.last_modified.empty()) {
    headers = curl_slist_append(
        headers,
        absl::StrCat("If-Modified-Since: ", request.last_modified).c_str());
  }
  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, long(request.max_redirects));
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                   Millis(request.connect_timeout));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, Millis(request.total_timeout));
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT,
                   long(request.min_bytes_per_second));
  curl_easy_setopt(
      curl, CURLOPT_LOW_SPEED_TIME,
      long(std::max<int64_t>(1, absl::ToInt64Seconds(request.stall_timeout))));
  curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE,
                   curl_off_t(request.max_body_bytes));
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
  curl_easy_setopt(curl, CURLOPT_USERAGENT, request.user_agent.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
  const CURLcode code = curl_easy_perform(curl);
  curl_slist_free_all(headers);

  std::string detail = error[0] ? error : curl_easy_strerror(code);
  // libcurl's messages may quote the URL.
  if (!request.log_url.empty()) {
    for (size_t at = detail.find(request.url); at != std::string::npos;
         at = detail.find(request.url, at + request.log_url.size())) {
      detail.replace(at, request.url.size(), request.log_url);
    }
  }
  const std::string what = absl::StrCat("fetch ", shown, ": ", detail);
  if (transfer.too_large || code == CURLE_FILESIZE_EXCEEDED) {
    return absl::ResourceExhaustedError(absl::StrCat(
        "fetch ", shown, ": body exceeds ", request.max_body_bytes, " bytes"));
  }
  switch (code) {
    case CURLE_OK:
      break;
    case CURLE_OPERATION_TIMEDOUT:
      return absl::DeadlineExceededError(what);
    case CURLE_TOO_MANY_REDIRECTS:
      return absl::FailedPreconditionError(what);
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
      return absl::InvalidArgumentError(what);
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
      return absl::UnavailableError(what);
    case CURLE_BAD_CONTENT_ENCODING:
      return absl::DataLossError(what);
    default:
      return absl::UnknownError(what);
  }
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  response.http_status = static_cast<int>(status);
  char* final_url = nullptr;
  curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, &final_url);
  if (final_url != nullptr) response.final_url = final_url;
  return response;
}

}  // namespace frontline::fetch
