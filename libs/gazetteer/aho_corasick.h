// A byte-level Aho–Corasick automaton: finds every occurrence of every
// pattern in one left-to-right pass over the text, in time linear in the text
// plus the number of occurrences reported.
#ifndef FRONTLINE_LIBS_GAZETTEER_AHO_CORASICK_H_
#define FRONTLINE_LIBS_GAZETTEER_AHO_CORASICK_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace frontline::gazetteer {

class AhoCorasick {
 public:
  struct Occurrence {
    uint32_t pattern;  // Index into the patterns given to Build.
    uint32_t begin;    // Byte offsets into the text: [begin, end).
    uint32_t end;
  };

  // Patterns are byte strings; an empty pattern is never reported. Duplicate
  // patterns are reported under each of their indices.
  explicit AhoCorasick(const std::vector<std::string>& patterns);

  // Every occurrence, ordered by end offset, then by decreasing length.
  // Overlapping occurrences are all reported.
  std::vector<Occurrence> FindAll(absl::string_view text) const;

  size_t state_count() const { return edge_begin_.size() - 1; }

 private:
  static constexpr uint32_t kRoot = 0;
  static constexpr uint32_t kNone = UINT32_MAX;

  // The transition from `state` on `byte` in the trie; kNone when absent.
  uint32_t Child(uint32_t state, uint8_t byte) const;

  // Trie edges of state s: edge_bytes_/edge_targets_[edge_begin_[s],
  // edge_begin_[s + 1]), sorted by byte.
  std::vector<uint32_t> edge_begin_;
  std::vector<uint8_t> edge_bytes_;
  std::vector<uint32_t> edge_targets_;
  // The complete transition function of the root.
  std::array<uint32_t, 256> root_next_;
  // Longest proper suffix of the state's string that is a trie state.
  std::vector<uint32_t> fail_;
  // Nearest state on the fail chain (itself included) ending a pattern.
  std::vector<uint32_t> output_;
  // For a state ending patterns: the first index into output_patterns_ and
  // the count; the next state down the chain is output_[fail_[state]].
  std::vector<uint32_t> patterns_begin_;
  std::vector<uint32_t> patterns_count_;
  std::vector<uint32_t> output_patterns_;
  std::vector<uint32_t> depth_;
};

}  // namespace frontline::gazetteer

#endif  // FRONTLINE_LIBS_GAZETTEER_AHO_CORASICK_H_
