// The labeled set of testdata/labeled/ (format: README.md there) and the
// shared seeds, as documents with their labels.
#ifndef FRONTLINE_LIBS_DEDUP_LABELED_SET_H_
#define FRONTLINE_LIBS_DEDUP_LABELED_SET_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "frontline/v1/document.pb.h"

namespace frontline::dedup {

struct LabeledDocument {
  v1::Document doc;
  // Documents of one cluster report the same thing; every other pair is a
  // negative.
  std::string cluster;
  // "original", "exact", "near", "paraphrase", "forward" or "edit".
  std::string kind;
  // "tune" or "heldout" ("seed" for the shared seeds).
  std::string split;
  // Clusters of one group are about the same day, places and figures.
  std::string group;
};

// Reads a JSON-lines file. kNotFound when missing; kInvalidArgument naming
// the line for a malformed one.
absl::StatusOr<std::vector<LabeledDocument>> ReadLabeledSet(
    const std::string& path);

// Reads every *.txt of `dir` as one original document of its own cluster
// (all of group "seed", published 2025-01-06, ids "seed-<file stem>").
absl::StatusOr<std::vector<LabeledDocument>> ReadSeeds(const std::string& dir);

}  // namespace frontline::dedup

#endif  // FRONTLINE_LIBS_DEDUP_LABELED_SET_H_
