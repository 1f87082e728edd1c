// Which paragraphs of a page are boilerplate (navigation, "See also",
// subscribe footers, bylines, republication notes, cookie notices, share
// buttons), judged by the phrases in a data file (data/boilerplate.txt,
// format in data/README.md). Nothing about any language is in the code.
#ifndef FRONTLINE_LIBS_TEXT_BOILERPLATE_H_
#define FRONTLINE_LIBS_TEXT_BOILERPLATE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "libs/text/unicode_normalizer.h"

namespace frontline::text {

enum class BoilerplateVerdict {
  kKeep,
  kDrop,
  // Drop this paragraph and, when the next block is a list, that list too
  // ("Read more:" followed by links).
  kDropWithFollowingList,
};

// Immutable after loading; safe to share between threads.
class BoilerplateFilter {
 public:
  // Reads the rules file. kNotFound when absent; kInvalidArgument naming the
  // line when a line is not `kind<TAB>max_words<TAB>phrase` with a known
  // kind.
  static absl::StatusOr<BoilerplateFilter> Load(
      const std::string& path, const UnicodeNormalizer& normalizer);
  static absl::StatusOr<BoilerplateFilter> Parse(
      absl::string_view contents, const UnicodeNormalizer& normalizer);

  // Judges one paragraph given in key form (UnicodeNormalizer::Key). An empty
  // paragraph is kept (there is nothing to drop).
  BoilerplateVerdict Judge(absl::string_view paragraph_key) const;

  // True when an HTML element with this class or id attribute value holds
  // boilerplate (a share bar, a newsletter box). Compared case-insensitively
  // against every `class` rule as a substring.
  bool IsBoilerplateContainer(absl::string_view class_or_id) const;

  size_t rule_count() const { return rules_.size() + container_hints_.size(); }

 private:
  enum class Kind { kPrefix, kContains, kExact, kSection, kByline };
  struct Rule {
    Kind kind;
    int max_words;  // 0: any length.
    std::string phrase_key;
  };

  BoilerplateFilter() = default;

  std::vector<Rule> rules_;
  std::vector<std::string> container_hints_;  // ASCII lower case.
};

}  // namespace frontline::text

#endif  // FRONTLINE_LIBS_TEXT_BOILERPLATE_H_
