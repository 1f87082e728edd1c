// The labeled set: documents with the claims a careful analyst codes in them.
// Format (JSON lines) in testdata/labeled/README.md.
#ifndef FRONTLINE_LIBS_EXTRACT_LABELED_SET_H_
#define FRONTLINE_LIBS_EXTRACT_LABELED_SET_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "frontline/v1/claim.pb.h"

namespace frontline::extract {

// The fields a claim is judged on.
struct LabeledClaim {
  v1::ClaimType type = v1::CLAIM_TYPE_UNSPECIFIED;
  std::string place_id;  // Empty: no place (a figure anchors the claim).
  v1::Side side = v1::SIDE_UNSPECIFIED;
  std::string claimant_id;  // Empty: no claimant in the text.
  v1::Polarity polarity = v1::POLARITY_ASSERTED;
};

struct LabeledDocument {
  std::string id;
  std::string language;
  absl::Time published;
  std::string text;
  // Instead of text: a seed file name, read from <shared dir>/seeds/.
  std::string file;
  std::vector<LabeledClaim> claims;
};

// Reads a JSON-lines file. Errors name the file and line: kNotFound when it
// cannot be read, kInvalidArgument for a malformed line or an unknown enum
// name.
absl::StatusOr<std::vector<LabeledDocument>> LoadLabeledSet(
    const std::string& path);
absl::StatusOr<std::vector<LabeledDocument>> ParseLabeledSet(
    absl::string_view contents, absl::string_view source_name);

// Reads the seed labels at `path` and each document's text from
// `<shared_dir>/seeds/<file>`. Empty (not an error) when that directory is
// absent: the seeds live outside the repository.
absl::StatusOr<std::vector<LabeledDocument>> LoadSeedSet(
    const std::string& path, const std::string& shared_dir);

// The judged fields of a coded claim.
LabeledClaim ToLabeled(const v1::Claim& claim);

}  // namespace frontline::extract

#endif  // FRONTLINE_LIBS_EXTRACT_LABELED_SET_H_
