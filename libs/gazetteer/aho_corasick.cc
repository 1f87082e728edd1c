#include "libs/gazetteer/aho_corasick.h"

#include <algorithm>
#include <deque>
#include <utility>

namespace frontline::gazetteer {

AhoCorasick::AhoCorasick(const std::vector<std::string>& patterns) {
  // The trie, with unsorted edges while it grows.
  std::vector<std::vector<std::pair<uint8_t, uint32_t>>> children(1);
  std::vector<std::vector<uint32_t>> ends(1);
  depth_.assign(1, 0);
  for (uint32_t p = 0; p < patterns.size(); ++p) {
    if (patterns[p].empty()) continue;
    uint32_t state = kRoot;
    for (char ch : patterns[p]) {
      const auto byte = static_cast<uint8_t>(ch);
      auto& edges = children[state];
      auto it = std::find_if(edges.begin(), edges.end(),
                             [byte](const auto& e) { return e.first == byte; });
      if (it != edges.end()) {
        state = it->second;
        continue;
      }
      const auto next = static_cast<uint32_t>(children.size());
      edges.emplace_back(byte, next);
      children.emplace_back();
      ends.emplace_back();
      depth_.push_back(depth_[state] + 1);
      state = next;
    }
    ends[state].push_back(p);
  }

  const auto n = static_cast<uint32_t>(children.size());
  edge_begin_.reserve(n + 1);
  for (uint32_t s = 0; s < n; ++s) {
    std::sort(children[s].begin(), children[s].end());
    edge_begin_.push_back(static_cast<uint32_t>(edge_bytes_.size()));
    for (const auto& [byte, target] : children[s]) {
      edge_bytes_.push_back(byte);
      edge_targets_.push_back(target);
    }
  }
  edge_begin_.push_back(static_cast<uint32_t>(edge_bytes_.size()));

  patterns_begin_.assign(n, 0);
  patterns_count_.assign(n, 0);
  for (uint32_t s = 0; s < n; ++s) {
    patterns_begin_[s] = static_cast<uint32_t>(output_patterns_.size());
    patterns_count_[s] = static_cast<uint32_t>(ends[s].size());
    output_patterns_.insert(output_patterns_.end(), ends[s].begin(),
                            ends[s].end());
  }

  root_next_.fill(kRoot);
  for (const auto& [byte, target] : children[kRoot]) root_next_[byte] = target;

  // Breadth first, so a state's fail target is final before its children's.
  fail_.assign(n, kRoot);
  output_.assign(n, kNone);
  std::deque<uint32_t> queue;
  for (const auto& [byte, target] : children[kRoot]) queue.push_back(target);
  while (!queue.empty()) {
    const uint32_t u = queue.front();
    queue.pop_front();
    output_[u] = patterns_count_[u] > 0 ? u : output_[fail_[u]];
    for (const auto& [byte, v] : children[u]) {
      uint32_t f = fail_[u];
      uint32_t target = kNone;
      while (true) {
        target = f == kRoot ? root_next_[byte] : Child(f, byte);
        if (target != kNone || f == kRoot) break;
        f = fail_[f];
      }
      fail_[v] = target == kNone ? kRoot : target;
      queue.push_back(v);
    }
  }
}

uint32_t AhoCorasick::Child(uint32_t state, uint8_t byte) const {
  const auto first = edge_bytes_.begin() + edge_begin_[state];
  const auto last = edge_bytes_.begin() + edge_begin_[state + 1];
  const auto it = std::lower_bound(first, last, byte);
  if (it == last || *it != byte) return kNone;
  return edge_targets_[it - edge_bytes_.begin()];
}

std::vector<AhoCorasick::Occurrence> AhoCorasick::FindAll(
    absl::string_view text) const {
  std::vector<Occurrence> found;
  uint32_t state = kRoot;
  for (uint32_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<uint8_t>(text[i]);
    while (true) {
      if (state == kRoot) {
        state = root_next_[byte];
        break;
      }
      const uint32_t next = Child(state, byte);
      if (next != kNone) {
        state = next;
        break;
      }
      state = fail_[state];
    }
    for (uint32_t o = output_[state]; o != kNone; o = output_[fail_[o]]) {
      const uint32_t begin = i + 1 - depth_[o];
      for (uint32_t k = 0; k < patterns_count_[o]; ++k) {
        found.push_back(
            {output_patterns_[patterns_begin_[o] + k], begin, i + 1});
      }
    }
  }
  return found;
}

}  // namespace frontline::gazetteer
