// MinHash signatures over hashed features, and their LSH bands.
#ifndef FRONTLINE_LIBS_DEDUP_MINHASH_H_
#define FRONTLINE_LIBS_DEDUP_MINHASH_H_

#include <cstdint>
#include <string>
#include <vector>

namespace frontline::dedup {

// A signature of `size` minima by one-permutation hashing with
// densification (one hash per feature). Promises: the same feature set
// always gives the same signature (fixed constants, no random state), and the
// fraction of equal positions of two signatures estimates the Jaccard
// similarity of their feature sets. An empty feature set gives an empty
// signature.
std::vector<uint32_t> MinHashSignature(const std::vector<uint64_t>& features,
                                       int size);

// Fraction of positions where `a` and `b` agree; 0 when sizes differ or
// either is empty.
double EstimatedJaccard(const std::vector<uint32_t>& a,
                        const std::vector<uint32_t>& b);

// One key per band of `rows` consecutive minima (the trailing partial band
// is dropped): 8 bytes, the band number in the top byte. Two signatures
// sharing any band key are LSH candidates of each other.
std::vector<uint64_t> BandKeys(const std::vector<uint32_t>& signature,
                               int rows);

}  // namespace frontline::dedup

#endif  // FRONTLINE_LIBS_DEDUP_MINHASH_H_
