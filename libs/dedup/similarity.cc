#include "libs/dedup/similarity.h"

#include <algorithm>
#include <iterator>

namespace frontline::dedup {
namespace {

size_t Intersection(const std::vector<uint64_t>& a,
                    const std::vector<uint64_t>& b) {
  size_t n = 0;
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++n;
      ++i;
      ++j;
    }
  }
  return n;
}

std::vector<uint64_t> Flatten(const std::vector<std::vector<uint64_t>>& qs) {
  std::vector<uint64_t> all;
  for (const auto& q : qs) all.insert(all.end(), q.begin(), q.end());
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  return all;
}

// Quotations of `qs` at least half of whose trigrams are in `other`.
int QuotesFound(const std::vector<std::vector<uint64_t>>& qs,
                const std::vector<uint64_t>& other) {
  int n = 0;
  for (const auto& q : qs) {
    if (!q.empty() && 2 * Intersection(q, other) >= q.size()) ++n;
  }
  return n;
}

}  // namespace

double NearSimilarity(const Fingerprint& a, const Fingerprint& b) {
  if (a.minhash.empty() || a.minhash.size() != b.minhash.size()) return 0;
  constexpr uint32_t kMask = (1u << kStoredMinHashBits) - 1;
  size_t same = 0;
  for (size_t i = 0; i < a.minhash.size(); ++i) {
    same += ((a.minhash[i] ^ b.minhash[i]) & kMask) == 0;
  }
  return static_cast<double>(same) / static_cast<double>(a.minhash.size());
}

ParaphraseMatch ParaphraseScore(const Anchors& a, const Anchors& b) {
  const size_t nums = Intersection(a.numbers, b.numbers);
  const size_t names = Intersection(a.names, b.names);
  const int quotes = std::min(QuotesFound(a.quotes, Flatten(b.quotes)),
                              QuotesFound(b.quotes, Flatten(a.quotes)));
  const double shared = 2.0 * nums + 3.0 * quotes + 1.0 * names;
  const double all = 2.0 * (a.numbers.size() + b.numbers.size() - nums) +
                     3.0 * (a.quotes.size() + b.quotes.size() - quotes) +
                     1.0 * (a.names.size() + b.names.size() - names);
  ParaphraseMatch m;
  m.score = all > 0 ? shared / all : 0;
  m.figures_and_quotes = static_cast<int>(nums) + quotes;
  m.names = static_cast<int>(names);
  return m;
}

}  // namespace frontline::dedup
