#include "tests/fuzz/fuzz_support.h"

#include <stdlib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "google/protobuf/stubs/logging.h"

namespace frontline::fuzz {

std::string SourcePath(absl::string_view relative) {
  return absl::StrCat(FRONTLINE_SOURCE_DIR, "/", relative);
}

void Check(bool ok, absl::string_view what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz check failed: %.*s\n",
               static_cast<int>(what.size()), what.data());
  std::abort();
}

void CheckRoundTrip(const google::protobuf::MessageLite& message,
                    absl::string_view what) {
  std::string bytes;
  Check(message.SerializeToString(&bytes),
        absl::StrCat(what, ": does not serialize"));
  std::unique_ptr<google::protobuf::MessageLite> copy(message.New());
  Check(copy->ParseFromString(bytes),
        absl::StrCat(what, ": serialized form does not parse"));
}

void QuietProtobufLogs() { google::protobuf::SetLogHandler(nullptr); }

ScratchDir::ScratchDir() {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = absl::StrCat(
      tmp != nullptr && *tmp != '\0' ? tmp : "/tmp", "/frontline-fuzz-XXXXXX");
  Check(mkdtemp(pattern.data()) != nullptr, "mkdtemp");
  path_ = pattern;
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace frontline::fuzz
