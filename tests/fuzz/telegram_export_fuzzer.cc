// Telegram Desktop export (result.json) through the streaming reader, every
// delivered post through ToRawDocument.
#include <cstdint>
#include <sstream>
#include <string>

#include "libs/telegram/export_reader.h"
#include "libs/telegram/raw_document.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace frontline;
  std::istringstream in(std::string(fuzz::AsView(data, size)));
  telegram::ExportOptions options;
  options.channel_username = "fuzz";
  options.max_message_bytes = 64 << 10;
  options.progress_interval_bytes = 512;
  options.max_recorded_errors = 4;
  telegram::ExportSummary summary;
  int64_t delivered = 0;
  int64_t last_progress = 0;
  const absl::Status status = telegram::ReadDesktopExport(
      in, options,
      [&](telegram::Post post) {
        ++delivered;
        auto raw = telegram::ToRawDocument(post);
        if (raw.ok()) fuzz::CheckRoundTrip(*raw, "export RawDocument");
        return absl::OkStatus();
      },
      [&](int64_t bytes) {
        fuzz::Check(bytes >= last_progress, "progress goes backwards");
        last_progress = bytes;
      },
      &summary);
  fuzz::Check(delivered == summary.posts_delivered,
              "posts_delivered differs from the posts delivered");
  fuzz::Check(summary.bytes_read <= static_cast<int64_t>(size),
              "bytes_read past the input");
  fuzz::Check(summary.message_errors.size() <= options.max_recorded_errors,
              "more message errors recorded than allowed");
  (void)status;
  return 0;
}
