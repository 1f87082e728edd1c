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

std::vector<uint32_t> MinHashSignature(const std::vector<uint64_t>& features,
                                       int size) {
  if (features.empty() || size <= 0) return {};
  std::vector<uint32_t> sig(size, std::numeric_limits<uint32_t>::max());
  for (uint64_t f : features) {
    for (int i = 0; i < size; ++i) {
      const uint32_t h = static_cast<uint32_t>(
          Mix(f ^ (0xA24BAED4963EE407ULL * static_cast<uint64_t>(i + 1))) >>
          32);
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
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
