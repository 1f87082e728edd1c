// Bot API getUpdates response bodies through ParseGetUpdates, every post
// through ToRawDocument.
#include <cstdint>

#include "libs/telegram/bot_api.h"
#include "libs/telegram/raw_document.h"
#include "libs/telegram/version_tracker.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace frontline;
  telegram::VersionTracker versions;
  telegram::BotApiOptions options;
  options.max_recorded_errors = 4;
  auto batch =
      telegram::ParseGetUpdates(fuzz::AsView(data, size), &versions, options);
  if (!batch.ok()) return 0;
  fuzz::Check(batch->errors.size() <= options.max_recorded_errors,
              "more errors recorded than allowed");
  for (const telegram::Post& post : batch->posts) {
    auto raw = telegram::ToRawDocument(post);
    if (raw.ok()) fuzz::CheckRoundTrip(*raw, "Bot API RawDocument");
  }
  return 0;
}
