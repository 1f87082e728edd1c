// A record of the raw topic as the normalize stage handles it: the bytes
// parsed as a RawDocument, then Normalizer::Normalize (shipped data loaded
// once); the Document it makes must serialize for the docs topic.
#include <cstdint>
#include <memory>

#include "frontline/v1/raw_document.pb.h"
#include "libs/normalize/normalizer.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

const frontline::normalize::Normalizer& TheNormalizer() {
  using frontline::fuzz::SourcePath;
  static const frontline::normalize::Normalizer* normalizer = [] {
    auto loaded = frontline::normalize::Normalizer::Load(
        {.places_tsv = SourcePath("libs/gazetteer/data/places.tsv"),
         .extract_dir = SourcePath("libs/extract/data"),
         .text_dir = SourcePath("libs/text/data")});
    frontline::fuzz::Check(loaded.ok(), "normalizer load");
    return loaded->release();
  }();
  return *normalizer;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace frontline;
  static const bool quiet = (fuzz::QuietProtobufLogs(), true);
  (void)quiet;
  const normalize::Normalizer& normalizer = TheNormalizer();
  v1::RawDocument raw;
  if (!raw.ParseFromArray(data, static_cast<int>(size))) return 0;
  auto doc = normalizer.Normalize(raw);
  if (!doc.ok()) return 0;
  fuzz::Check(doc->id() == raw.id(), "Document id differs from the raw id");
  fuzz::CheckRoundTrip(*doc, "Document");
  return 0;
}
