// Text through the claim coder, with the shipped gazetteer and dictionaries
// loaded once. The first byte picks the language ("en", "uk", "ru", or one
// that selects every language's patterns); the rest is the text.
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "libs/extract/extractor.h"
#include "libs/gazetteer/gazetteer.h"
#include "libs/text/relative_date.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

const frontline::extract::Extractor& TheExtractor() {
  using namespace frontline;
  static const gazetteer::Gazetteer* places = [] {
    auto loaded = gazetteer::Gazetteer::Load(
        fuzz::SourcePath("libs/gazetteer/data/places.tsv"));
    fuzz::Check(loaded.ok(), "gazetteer load");
    return new gazetteer::Gazetteer(*std::move(loaded));
  }();
  static const text::RelativeDateResolver* dates = [] {
    auto loaded = text::RelativeDateResolver::Load(
        fuzz::SourcePath("libs/text/data/calendar.txt"));
    fuzz::Check(loaded.ok(), "calendar load");
    return new text::RelativeDateResolver(*std::move(loaded));
  }();
  static const extract::Extractor* extractor = [] {
    auto loaded = extract::Extractor::Load(
        fuzz::SourcePath("libs/extract/data"), *places, dates);
    fuzz::Check(loaded.ok(), "extractor load");
    return new extract::Extractor(*std::move(loaded));
  }();
  return *extractor;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace frontline;
  if (size == 0) return 0;
  static constexpr absl::string_view kLanguages[] = {"en", "uk", "ru", "*"};
  const absl::string_view language = kLanguages[data[0] % 4];
  const absl::string_view text = fuzz::AsView(data + 1, size - 1);
  const absl::Time published = absl::FromUnixSeconds(1736164800);
  const auto claims = TheExtractor().Extract(text, published, language);
  for (size_t i = 0; i < claims.size(); ++i) {
    const v1::Claim& claim = claims[i];
    fuzz::Check(claim.id() == absl::StrCat(i), "claim id is not its index");
    fuzz::Check(claim.span().begin() <= claim.span().end() &&
                    claim.span().end() <= text.size(),
                "claim span outside the text");
    fuzz::CheckRoundTrip(claim, "Claim");
  }
  return 0;
}
