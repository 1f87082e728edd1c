// A byte-level Aho–Corasick automaton: finds every occurrence of every
// pattern in one left-to-right pass over the text, one table lookup per byte,
// in time linear in the text plus the number of occurrences reported.
// Immutable once built; FindAll is safe to call from many threads.
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

  size_t state_count() const { return output_.size(); }

 private:
  static constexpr uint32_t kRoot = 0;
  static constexpr uint32_t kNone = UINT32_MAX;

  // The complete transition function (goto and failure folded together) over
  // byte classes: bytes that occur in no pattern share class 0. Memory is
  // states x classes x 4 bytes (about 6 MB for the shipped gazetteer).
  std::array<uint16_t, 256> byte_class_;
  uint32_t class_count_ = 1;
  std::vector<uint32_t> next_;
  // Nearest state on the failure chain (itself included) ending a pattern;
  // kNone when there is none.
  std::vector<uint32_t> output_;
  // The next state ending a pattern down the failure chain of an output
  // state.
  std::vector<uint32_t> next_output_;
  // For a state ending patterns: its patterns are
  // output_patterns_[patterns_begin_[s], patterns_begin_[s + 1]).
  std::vector<uint32_t> patterns_begin_;
  std::vector<uint32_t> output_patterns_;
  std::vector<uint32_t> depth_;
};

}  // namespace frontline::gazetteer

#endif  // FRONTLINE_LIBS_GAZETTEER_AHO_CORASICK_H_
