// Reads figures out of a tokenized sentence: numerals ("11,000", "3,8 тис.",
// "eleven thousand"), vague amounts ("hundreds", "a battalion"), modifiers
// ("more than", "nearly"), ranges ("10,000 to 12,000") and units ("square
// miles", "військових"), normalized to the canonical unit of their kind.
#ifndef FRONTLINE_LIBS_EXTRACT_QUANTITY_READER_H_
#define FRONTLINE_LIBS_EXTRACT_QUANTITY_READER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "frontline/v1/claim.pb.h"
#include "libs/extract/dictionary.h"
#include "libs/extract/phrase_matcher.h"

namespace frontline::extract {

// A quantity word found in the tokens: tokens [first_token, end_token).
struct QuantityWord {
  const QuantityEntry* entry = nullptr;
  uint32_t first_token = 0;
  uint32_t end_token = 0;
};

class QuantityReader {
 public:
  // `range_symbols`: connectors without letters ("-", "–") that join two
  // numerals into a range when they are all that separates them.
  explicit QuantityReader(std::vector<std::string> range_symbols);

  // The figures with a known kind (a unit follows within three words, or a
  // vague amount implies one), in text order. Figures of no kind (years,
  // dates, percentages) are not reported. `tokens` carry byte offsets into
  // `text`; spans and surfaces in the result are taken from `text`.
  std::vector<v1::Quantity> Read(absl::string_view text,
                                 const std::vector<Token>& tokens,
                                 const std::vector<QuantityWord>& words) const;

 private:
  std::vector<std::string> range_symbols_;
};

}  // namespace frontline::extract

#endif  // FRONTLINE_LIBS_EXTRACT_QUANTITY_READER_H_
