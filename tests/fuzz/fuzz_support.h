// What the fuzz targets share: where the project's data files are, a scratch
// directory for stores, and a check that aborts (a finding for libFuzzer,
// a failure for the corpus replay).
#ifndef FRONTLINE_TESTS_FUZZ_FUZZ_SUPPORT_H_
#define FRONTLINE_TESTS_FUZZ_FUZZ_SUPPORT_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "google/protobuf/message_lite.h"

namespace frontline::fuzz {

// `relative` under the source tree (e.g. "libs/text/data").
std::string SourcePath(absl::string_view relative);

// Prints `what` and aborts unless `ok`.
void Check(bool ok, absl::string_view what);

// Aborts when `message` does not survive serialization and parsing (e.g. a
// string field holding invalid UTF-8, which proto3 parsers reject).
void CheckRoundTrip(const google::protobuf::MessageLite& message,
                    absl::string_view what);

// Turns protobuf's logging off: every mutated record with invalid UTF-8 in
// a string field would otherwise log a line, slowing the fuzzer down.
void QuietProtobufLogs();

inline absl::string_view AsView(const uint8_t* data, size_t size) {
  return absl::string_view(reinterpret_cast<const char*>(data), size);
}

// A fresh directory under $TMPDIR (or /tmp), removed with its content on
// destruction.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace frontline::fuzz

#endif  // FRONTLINE_TESTS_FUZZ_FUZZ_SUPPORT_H_
