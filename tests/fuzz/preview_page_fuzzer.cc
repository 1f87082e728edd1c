// t.me/s/<channel> preview pages through ParsePreviewPage, every post
// through ToRawDocument; view counters through ParseViewCount.
#include <algorithm>
#include <cstdint>

#include "libs/telegram/preview_page.h"
#include "libs/telegram/raw_document.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace frontline;
  const absl::string_view input = fuzz::AsView(data, size);
  (void)telegram::ParseViewCount(input.substr(0, std::min<size_t>(size, 24)));
  telegram::PreviewOptions options;
  options.max_recorded_errors = 4;
  auto page = telegram::ParsePreviewPage(input, options);
  if (!page.ok()) return 0;
  fuzz::Check(page->errors.size() <= options.max_recorded_errors,
              "more errors recorded than allowed");
  for (const telegram::Post& post : page->posts) {
    auto raw = telegram::ToRawDocument(post);
    if (raw.ok()) fuzz::CheckRoundTrip(*raw, "preview RawDocument");
  }
  return 0;
}
