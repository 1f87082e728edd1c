// HTML pages through HtmlToText (both content choices), and the same bytes
// through the plain-text cleaners and the language identifier.
#include <cstdint>
#include <memory>

#include "libs/text/text_resources.h"
#include "libs/text/utf8.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

const frontline::text::TextResources& Resources() {
  static const auto* resources = [] {
    auto loaded = frontline::text::TextResources::Load(
        frontline::fuzz::SourcePath("libs/text/data"));
    frontline::fuzz::Check(loaded.ok(), "text resources load");
    return loaded->release();
  }();
  return *resources;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace frontline;
  const text::TextResources& resources = Resources();
  const absl::string_view input = fuzz::AsView(data, size);
  text::HtmlToTextOptions options;
  options.prefer_main_content = size % 2 == 0;
  auto extracted = resources.html().Extract(input, options);
  if (extracted.ok()) {
    fuzz::Check(text::IsValidUtf8(extracted->title), "title not UTF-8");
    fuzz::Check(text::IsValidUtf8(extracted->text), "text not UTF-8");
    (void)resources.languages.Identify(extracted->text);
  }
  const text::PlainTextCleaner plain = resources.plain();
  fuzz::Check(text::IsValidUtf8(plain.Clean(input)), "plain text not UTF-8");
  fuzz::Check(text::IsValidUtf8(plain.CleanTelegramPost(input)),
              "Telegram post text not UTF-8");
  return 0;
}
