// Which language a text is written in, from script counts, letters unique to
// a language, common words and letter trigrams (profiles in
// data/languages.txt, format in data/README.md).
#ifndef FRONTLINE_LIBS_TEXT_LANGUAGE_ID_H_
#define FRONTLINE_LIBS_TEXT_LANGUAGE_ID_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace frontline::text {

struct LanguageGuess {
  // A BCP-47 code from the profiles ("en", "uk", "ru"), or "und" when the
  // text has too few letters, no profile's script dominates it, or it looks
  // like none of the profiled languages.
  std::string code = "und";
  // In [0, 1]: the share of the best language's score the runner-up does
  // not reach, scaled down for texts under a dozen words and for weak word
  // and trigram evidence. 0 with "und".
  double confidence = 0;
};

// Immutable after loading; safe to share between threads.
class LanguageIdentifier {
 public:
  // kNotFound when the file is absent; kInvalidArgument naming the line for
  // an unknown field or script, or a profile without a script.
  static absl::StatusOr<LanguageIdentifier> Load(const std::string& path);
  static absl::StatusOr<LanguageIdentifier> Parse(absl::string_view contents);

  // Reads at most the first `kMaxScannedBytes` of `text` (a language does
  // not change mid-article); never fails.
  LanguageGuess Identify(absl::string_view text) const;

  static constexpr size_t kMaxScannedBytes = 4 << 10;

 private:
  struct Profile {
    std::string code;
    int script = -1;  // UScriptCode.
    absl::flat_hash_set<int32_t> letters;
    double letter_rate = 0;  // Share of the script's letters `letters` are.
    absl::flat_hash_set<std::string> words;
    absl::flat_hash_set<std::string> trigrams;
  };

  LanguageIdentifier() = default;

  std::vector<Profile> profiles_;
};

}  // namespace frontline::text

#endif  // FRONTLINE_LIBS_TEXT_LANGUAGE_ID_H_
