// Deterministic synthetic documents for the dedup benchmark: text of a
// Zipf-distributed vocabulary (Latin or Cyrillic words made of syllables),
// with capitalized names, figures and now and then a quotation, so word
// shingles and name/figure anchors are spread over LSH buckets as in real
// reporting. The same arguments always give the same document.
#ifndef FRONTLINE_LIBS_DEDUP_SYNTHETIC_DOCS_H_
#define FRONTLINE_LIBS_DEDUP_SYNTHETIC_DOCS_H_

#include <cstddef>
#include <cstdint>

#include "frontline/v1/document.pb.h"

namespace frontline::dedup::bench {

// Document `n` with text of at least `min_bytes` (whole sentences),
// published at `t0_seconds` + 2 n, id 16 hex digits as the pipeline's.
v1::Document SyntheticDoc(uint64_t n, size_t min_bytes, int64_t t0_seconds);

// A near-duplicate of `doc` (id from `n`): one word in `every` replaced,
// a link and hashtags appended, published an hour later.
v1::Document NearCopy(const v1::Document& doc, uint64_t n, int every);

}  // namespace frontline::dedup::bench

#endif  // FRONTLINE_LIBS_DEDUP_SYNTHETIC_DOCS_H_
