// Scoring the deduplicator's verdicts against a labeled set.
#ifndef FRONTLINE_LIBS_DEDUP_EVALUATION_H_
#define FRONTLINE_LIBS_DEDUP_EVALUATION_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "libs/dedup/deduplicator.h"
#include "libs/dedup/labeled_set.h"

namespace frontline::dedup {

// Pairwise figures of one kind. A pair is (document, the original it is
// judged a duplicate of); it is correct when both are in one cluster.
struct KindFigures {
  int labeled = 0;    // documents labeled with this kind
  int recalled = 0;   // of those, judged a duplicate within their cluster
  int predicted = 0;  // documents judged a duplicate of this kind
  int correct = 0;    // of those, within their cluster
  double precision() const { return predicted ? 1.0 * correct / predicted : 1; }
  double recall() const { return labeled ? 1.0 * recalled / labeled : 1; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct EvalReport {
  // "exact", "near", "paraphrase", "forward", and "all" (any duplicate kind).
  std::map<std::string, KindFigures> kinds;
  int edits = 0;
  int edits_recognized = 0;  // VERDICT_NEW_VERSION of their cluster
  // Duplicate verdicts pointing into another cluster.
  int false_merges = 0;
  // Of those, between clusters of one group.
  int hard_negative_false_merges = 0;
  // Cross-cluster pairs within groups (the hard negatives examined).
  int hard_negative_pairs = 0;
  std::vector<std::string> mistakes;
};

// Judges `docs` in publication order (then id) with a fresh Deduplicator on
// `options` (options.dir must be an empty or missing directory) and scores
// the final verdicts, revisions included.
absl::StatusOr<EvalReport> Evaluate(std::vector<LabeledDocument> docs,
                                    const DedupOptions& options);

// A fixed-width table of the report, one line per kind.
std::string FormatReport(const EvalReport& report);

}  // namespace frontline::dedup

#endif  // FRONTLINE_LIBS_DEDUP_EVALUATION_H_
