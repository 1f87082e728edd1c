// The `normalize` stage's work on one RawDocument: its body to clean text
// (HTML without boilerplate, or plain text / a Telegram post), the language,
// the canonical URL, the places named (gazetteer) and the claims coded
// (extract), into a Document with the same id. Immutable once loaded and
// safe to use from many threads.
#ifndef FRONTLINE_LIBS_NORMALIZE_NORMALIZER_H_
#define FRONTLINE_LIBS_NORMALIZE_NORMALIZER_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "frontline/v1/document.pb.h"
#include "frontline/v1/raw_document.pb.h"

namespace frontline::normalize {

struct NormalizerData {
  std::string places_tsv = "libs/gazetteer/data/places.tsv";
  std::string extract_dir = "libs/extract/data";
  std::string text_dir = "libs/text/data";
};

class Normalizer {
 public:
  // kNotFound / kInvalidArgument naming the file for missing or malformed
  // data.
  static absl::StatusOr<std::unique_ptr<Normalizer>> Load(
      const NormalizerData& data);
  ~Normalizer();

  // kInvalidArgument, naming the document, when it has no id or no text can
  // be read from it (empty body, an unreadable format); kResourceExhausted
  // for a body past the HTML limits. The caller dead-letters those.
  absl::StatusOr<v1::Document> Normalize(const v1::RawDocument& raw) const;

 private:
  struct Parts;
  explicit Normalizer(std::unique_ptr<Parts> parts);
  std::unique_ptr<Parts> parts_;
};

}  // namespace frontline::normalize

#endif  // FRONTLINE_LIBS_NORMALIZE_NORMALIZER_H_
