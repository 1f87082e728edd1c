// Scores comparing two fingerprints, for verifying index candidates.
#ifndef FRONTLINE_LIBS_DEDUP_SIMILARITY_H_
#define FRONTLINE_LIBS_DEDUP_SIMILARITY_H_

#include "libs/dedup/fingerprint.h"

namespace frontline::dedup {

// Estimated Jaccard similarity of the word-shingle sets, in [0, 1], from
// the low kStoredMinHashBits bits of each MinHash value (so a decoded
// fingerprint compares with a fresh one; a chance agreement is 2^-16).
double NearSimilarity(const Fingerprint& a, const Fingerprint& b);

struct ParaphraseMatch {
  // Weighted Jaccard of the anchors (figures 2, quotes 3, names 1), [0, 1].
  double score = 0;
  // Figures shared plus quotations shared (a quotation of either document
  // whose trigrams are at least half present in the other's).
  int figures_and_quotes = 0;
  int names = 0;
};

// Symmetric: ParaphraseScore(a, b) equals ParaphraseScore(b, a).
ParaphraseMatch ParaphraseScore(const Anchors& a, const Anchors& b);

}  // namespace frontline::dedup

#endif  // FRONTLINE_LIBS_DEDUP_SIMILARITY_H_
