// Reading a file or URL in any InputFormat as a stream of RawDocuments.
//
// Telegram Desktop exports are streamed (memory bounded by the largest
// message, not the file); every other format is read whole, up to
// ReadOptions::max_document_bytes. URLs are fetched first with
// fetch::HttpFetcher under ReadOptions::fetch's limits.
//
// Every document delivered has its pipeline::RawDocumentId and carries the
// ReadOptions::stamp. Documents are delivered in input order, as soon as
// they are read; an error stops the read after every document before it has
// been delivered. No exception escapes. Not thread-safe per call; calls on
// different threads are independent.
#ifndef FRONTLINE_LIBS_INGEST_INPUT_READER_H_
#define FRONTLINE_LIBS_INGEST_INPUT_READER_H_

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "frontline/v1/raw_document.pb.h"
#include "libs/fetch/http_fetcher.h"
#include "libs/ingest_input/input_format.h"
#include "libs/ingest_input/origin.h"

namespace frontline::ingest_input {

struct ReadOptions {
  // Detected with DetectFormat when unset.
  std::optional<InputFormat> format;
  DocumentStamp stamp;
  // Largest input read whole (every format but Telegram exports); past it
  // the read fails with kResourceExhausted.
  int64_t max_document_bytes = 64 << 20;
  // How often the progress callback runs, in bytes read.
  int64_t progress_interval_bytes = 1 << 20;
  // For URLs: timeouts and the body cap; `url` is ignored.
  fetch::FetchRequest fetch;
};

struct ReadSummary {
  InputFormat format = InputFormat::kUnknown;
  // Total size of the input; -1 when unknown.
  int64_t bytes_total = -1;
  int64_t bytes_read = 0;
  // Documents handed to the sink (including one the sink refused).
  int64_t documents = 0;
  // Items the parser found unusable (no id, no date, not an object, ...)
  // and skipped; the first reasons are in `problems`.
  int64_t skipped = 0;
  std::vector<absl::Status> problems;
};

// Receives each document; a non-OK status stops the read and is returned
// unchanged.
using DocumentSink = std::function<absl::Status(v1::RawDocument doc)>;
// Receives bytes read so far and the total (-1 when unknown), every
// progress_interval_bytes and once at the end.
using ReadProgress = std::function<void(int64_t bytes_read, int64_t total)>;

// Reads `input`, a local path or an http(s) URL (see IsUrl). `summary`
// (required) is filled whether or not the read succeeds; `on_progress` may
// be empty. Errors, each naming the format and, for malformed input, the
// byte position:
//  - kNotFound / kPermissionDenied: the file cannot be opened;
//  - the fetcher's error for a URL, kUnavailable for an HTTP error status;
//  - kInvalidArgument: the format cannot be detected, or the input is
//    malformed (a parser error, or nothing usable in it);
//  - kDataLoss: the input breaks off after some documents (those were
//    delivered);
//  - kResourceExhausted: over a size limit;
//  - whatever `on_document` returns.
absl::Status ReadInput(absl::string_view input, const ReadOptions& options,
                       const DocumentSink& on_document,
                       const ReadProgress& on_progress, ReadSummary* summary);

// As ReadInput, from an open stream, which must be seekable back to its
// start. `origin` says where the bytes came from; `total_bytes` may be -1.
absl::Status ReadStream(std::istream& in, const InputOrigin& origin,
                        int64_t total_bytes, const ReadOptions& options,
                        const DocumentSink& on_document,
                        const ReadProgress& on_progress, ReadSummary* summary);

}  // namespace frontline::ingest_input

#endif  // FRONTLINE_LIBS_INGEST_INPUT_READER_H_
