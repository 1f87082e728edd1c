#include "libs/extract/evaluation.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace frontline::extract {

double Score::precision() const {
  return predicted == 0 ? 1.0 : static_cast<double>(matched) / predicted;
}
double Score::recall() const {
  return expected == 0 ? 1.0 : static_cast<double>(matched) / expected;
}
double Score::f1() const {
  const double p = precision(), r = recall();
  return p + r == 0 ? 0 : 2 * p * r / (p + r);
}

std::string ClaimKey(const LabeledClaim& c) {
  return absl::StrCat(
      absl::StripPrefix(v1::ClaimType_Name(c.type), "CLAIM_TYPE_"), " ",
      c.place_id.empty() ? "-" : c.place_id, " ",
      absl::StripPrefix(v1::Side_Name(c.side), "SIDE_"), " ",
      c.claimant_id.empty() ? "-" : c.claimant_id, " ",
      absl::StripPrefix(v1::Polarity_Name(c.polarity), "POLARITY_"));
}

Evaluation Evaluate(const Extractor& extractor,
                    const std::vector<LabeledDocument>& documents) {
  Evaluation evaluation;
  for (const LabeledDocument& doc : documents) {
    std::multiset<std::string> expected;
    std::set<std::string> expected_places, predicted_places;
    for (const LabeledClaim& c : doc.claims) {
      expected.insert(ClaimKey(c));
      if (!c.place_id.empty()) expected_places.insert(c.place_id);
    }
    Score claims;
    claims.expected = expected.size();
    for (const v1::Claim& claim :
         extractor.Extract(doc.text, doc.published, doc.language)) {
      const std::string key = ClaimKey(ToLabeled(claim));
      ++claims.predicted;
      if (!claim.place_id().empty()) predicted_places.insert(claim.place_id());
      auto it = expected.find(key);
      if (it != expected.end()) {
        ++claims.matched;
        expected.erase(it);
        evaluation.matches.push_back(
            absl::StrCat(doc.id, " MATCHED ", key, "  | ", claim.sentence()));
      } else {
        evaluation.errors.push_back(
            absl::StrCat(doc.id, " SPURIOUS ", key, "  | ", claim.sentence()));
      }
    }
    for (const std::string& key : expected) {
      evaluation.errors.push_back(absl::StrCat(doc.id, " MISSED ", key));
    }
    Score places;
    places.expected = expected_places.size();
    places.predicted = predicted_places.size();
    for (const std::string& p : predicted_places) {
      places.matched += expected_places.count(p);
    }
    for (const std::string& bucket : {doc.language, std::string("all")}) {
      Score& c = evaluation.claims[bucket];
      c.matched += claims.matched;
      c.predicted += claims.predicted;
      c.expected += claims.expected;
      Score& p = evaluation.places[bucket];
      p.matched += places.matched;
      p.predicted += places.predicted;
      p.expected += places.expected;
    }
  }
  return evaluation;
}

}  // namespace frontline::extract
