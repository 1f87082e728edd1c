#include "libs/dedup/minhash.h"

#include <xxhash.h>

#include <limits>

namespace frontline::dedup {
namespace {

// splitmix64: a bijective mixer, so each seed is a distinct permutation.
uint64_t Mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

}  // namespace

// One-permutation hashing: each feature is hashed once and lands in one of
// `size` bins, keeping the bin's minimum; empty bins borrow the value of the
// next non-empty bin (circularly), offset by the distance, so two sets still
// agree on a bin with probability close to their Jaccard similarity.
std::vector<uint32_t> MinHashSignature(const std::vector<uint64_t>& features,
                                       int size) {
  if (features.empty() || size <= 0) return {};
  constexpr uint32_t kEmpty = std::numeric_limits<uint32_t>::max();
  std::vector<uint32_t> sig(size, kEmpty);
  for (uint64_t f : features) {
    const uint64_t h = Mix(f);
    const size_t bin =
        static_cast<size_t>((h >> 32) % static_cast<uint64_t>(size));
    const uint32_t v = static_cast<uint32_t>(h) >> 1;  // never kEmpty
    if (v < sig[bin]) sig[bin] = v;
  }
  std::vector<uint32_t> out(sig);
  for (int i = 0; i < size; ++i) {
    if (sig[i] != kEmpty) continue;
    for (int d = 1; d < size; ++d) {
      const uint32_t v = sig[(i + d) % size];
      if (v != kEmpty) {
        out[i] = static_cast<uint32_t>(
            Mix(static_cast<uint64_t>(v) ^ (static_cast<uint64_t>(d) << 40)));
        break;
      }
    }
  }
  return out;
}

double EstimatedJaccard(const std::vector<uint32_t>& a,
                        const std::vector<uint32_t>& b) {
  if (a.empty() || a.size() != b.size()) return 0;
  size_t same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  return static_cast<double>(same) / static_cast<double>(a.size());
}

std::vector<uint64_t> BandKeys(const std::vector<uint32_t>& signature,
                               int rows) {
  std::vector<uint64_t> keys;
  if (rows <= 0) return keys;
  const size_t bands = signature.size() / rows;
  for (size_t b = 0; b < bands; ++b) {
    const uint64_t h =
        XXH3_64bits(signature.data() + b * rows, sizeof(uint32_t) * rows);
    keys.push_back((static_cast<uint64_t>(b) << 56) | (h >> 8));
  }
  return keys;
}

}  // namespace frontline::dedup
