// Where an input came from, and what the caller says about its documents.
#ifndef FRONTLINE_LIBS_INGEST_INPUT_ORIGIN_H_
#define FRONTLINE_LIBS_INGEST_INPUT_ORIGIN_H_

#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "frontline/v1/source.pb.h"

namespace frontline::ingest_input {

struct InputOrigin {
  // The path or URL as the caller gave it.
  std::string name;
  bool is_url = false;
  // Files: the absolute, lexically normal path.
  std::string path;
  // URLs: the URL given, and the one answered after redirects.
  std::string url;
  std::string final_url;
  // URLs: the Content-Type the server sent.
  std::string content_type;
};

// Applied to every document read.
struct DocumentStamp {
  // Replaces the source id derived from the input, when set.
  std::string source_id;
  // Set on every document's source, when specified.
  v1::Affiliation affiliation = v1::AFFILIATION_UNSPECIFIED;
  // provenance.fetcher, e.g. "frontlinectl/0.1.0".
  std::string fetcher;
  absl::Time fetched_time = absl::UnixEpoch();
};

// True for http:// and https:// URLs (scheme case-insensitive).
bool IsUrl(absl::string_view input);

// The host of `url`, lower-cased, without user info, port or a leading
// "www."; empty when `url` has no "scheme://".
std::string UrlHost(absl::string_view url);

// The origin of the local file `path` (made absolute against the current
// directory; the file need not exist).
InputOrigin FileOrigin(absl::string_view path);

// The origin of `url` before fetching; final_url starts equal to it.
InputOrigin UrlOrigin(absl::string_view url);

// The source id of a whole-input document: "url:<UrlHost>" for URLs,
// "file:<file name without directories>" for files.
std::string WholeInputSourceId(const InputOrigin& origin);

}  // namespace frontline::ingest_input

#endif  // FRONTLINE_LIBS_INGEST_INPUT_ORIGIN_H_
