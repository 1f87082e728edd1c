#include "libs/text/paragraphs.h"

#include "absl/strings/str_replace.h"

namespace frontline::text::internal {
namespace {

// Link text making up at least this share of a block marks navigation...
constexpr double kNavigationLinkShare = 0.8;
// ...when the block is a list or has at most this many words.
constexpr int kNavigationMaxWords = 12;

int CountWords(absl::string_view s) {
  int words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool IsNavigation(const Block& block, absl::string_view clean) {
  if (block.text_bytes == 0) return false;
  const double share = static_cast<double>(block.link_bytes) / block.text_bytes;
  if (share < kNavigationLinkShare) return false;
  return block.is_list || CountWords(clean) <= kNavigationMaxWords;
}

}  // namespace

Paragraphs AssembleParagraphs(const std::vector<Block>& blocks,
                              const UnicodeNormalizer& normalizer,
                              const BoilerplateFilter* filter,
                              bool drop_link_lists) {
  Paragraphs out;
  bool drop_next_list = false;
  for (const Block& block : blocks) {
    std::string clean = normalizer.Clean(block.text, Layout::kParagraphs);
    if (clean.empty()) continue;
    while (clean.find("\n\n") != std::string::npos) {
      absl::StrReplaceAll({{"\n\n", "\n"}}, &clean);
    }
    if (drop_next_list) {
      drop_next_list = false;
      if (block.is_list) {
        ++out.dropped;
        continue;
      }
    }
    if (drop_link_lists && IsNavigation(block, clean)) {
      ++out.dropped;
      continue;
    }
    if (filter != nullptr) {
      const BoilerplateVerdict verdict = filter->Judge(normalizer.Key(clean));
      if (verdict != BoilerplateVerdict::kKeep) {
        ++out.dropped;
        drop_next_list = verdict == BoilerplateVerdict::kDropWithFollowingList;
        continue;
      }
    }
    if (!out.text.empty()) out.text.append("\n\n");
    out.text.append(clean);
  }
  return out;
}

}  // namespace frontline::text::internal
