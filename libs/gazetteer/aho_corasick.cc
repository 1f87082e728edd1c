#include "libs/gazetteer/aho_corasick.h"

#include <algorithm>
#include <deque>
#include <utility>

namespace frontline::gazetteer {

AhoCorasick::AhoCorasick(const std::vector<std::string>& patterns) {
  byte_class_.fill(0);
  for (const std::string& pattern : patterns) {
    for (char ch : pattern) {
      uint16_t& cls = byte_class_[static_cast<uint8_t>(ch)];
      if (cls == 0) cls = static_cast<uint16_t>(class_count_++);
    }
  }
  const uint32_t k = class_count_;

  // The trie, on byte classes.
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> children(1);
  std::vector<std::vector<uint32_t>> ends(1);
  depth_.assign(1, 0);
  for (uint32_t p = 0; p < patterns.size(); ++p) {
    if (patterns[p].empty()) continue;
    uint32_t state = kRoot;
    for (char ch : patterns[p]) {
      const uint32_t cls = byte_class_[static_cast<uint8_t>(ch)];
      auto& edges = children[state];
      auto it = std::find_if(edges.begin(), edges.end(),
                             [cls](const auto& e) { return e.first == cls; });
      if (it != edges.end()) {
        state = it->second;
        continue;
      }
      const auto next = static_cast<uint32_t>(children.size());
      edges.emplace_back(cls, next);
      children.emplace_back();
      ends.emplace_back();
      depth_.push_back(depth_[state] + 1);
      state = next;
    }
    ends[state].push_back(p);
  }

  const auto n = static_cast<uint32_t>(children.size());
  patterns_begin_.reserve(n + 1);
  for (uint32_t s = 0; s < n; ++s) {
    patterns_begin_.push_back(static_cast<uint32_t>(output_patterns_.size()));
    output_patterns_.insert(output_patterns_.end(), ends[s].begin(),
                            ends[s].end());
  }
  patterns_begin_.push_back(static_cast<uint32_t>(output_patterns_.size()));

  // Breadth first: a state's failure target is complete before the state, so
  // its missing transitions can be copied from there.
  next_.assign(static_cast<size_t>(n) * k, kRoot);
  output_.assign(n, kNone);
  next_output_.assign(n, kNone);
  std::vector<uint32_t> fail(n, kRoot);
  std::deque<uint32_t> queue;
  for (const auto& [cls, child] : children[kRoot]) {
    next_[cls] = child;
    queue.push_back(child);
  }
  while (!queue.empty()) {
    const uint32_t u = queue.front();
    queue.pop_front();
    const bool ends_here = patterns_begin_[u] != patterns_begin_[u + 1];
    output_[u] = ends_here ? u : output_[fail[u]];
    next_output_[u] = output_[fail[u]];
    std::copy_n(next_.begin() + static_cast<size_t>(fail[u]) * k, k,
                next_.begin() + static_cast<size_t>(u) * k);
    for (const auto& [cls, child] : children[u]) {
      fail[child] = next_[static_cast<size_t>(fail[u]) * k + cls];
      next_[static_cast<size_t>(u) * k + cls] = child;
      queue.push_back(child);
    }
  }
}

std::vector<AhoCorasick::Occurrence> AhoCorasick::FindAll(
    absl::string_view text) const {
  std::vector<Occurrence> found;
  const uint32_t k = class_count_;
  uint32_t state = kRoot;
  for (uint32_t i = 0; i < text.size(); ++i) {
    state = next_[static_cast<size_t>(state) * k +
                  byte_class_[static_cast<uint8_t>(text[i])]];
    for (uint32_t o = output_[state]; o != kNone; o = next_output_[o]) {
      const uint32_t begin = i + 1 - depth_[o];
      for (uint32_t j = patterns_begin_[o]; j < patterns_begin_[o + 1]; ++j) {
        found.push_back({output_patterns_[j], begin, i + 1});
      }
    }
  }
  return found;
}

}  // namespace frontline::gazetteer
