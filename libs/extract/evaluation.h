// Scores the coder against a labeled set: precision, recall and F1 of claims
// (a coded claim counts when type, place, side, claimant and polarity all
// equal a labeled one's, each labeled claim matched at most once) and of
// claim places (per document, the set of place ids the claims name).
#ifndef FRONTLINE_LIBS_EXTRACT_EVALUATION_H_
#define FRONTLINE_LIBS_EXTRACT_EVALUATION_H_

#include <map>
#include <string>
#include <vector>

#include "libs/extract/extractor.h"
#include "libs/extract/labeled_set.h"

namespace frontline::extract {

struct Score {
  int matched = 0;
  int predicted = 0;
  int expected = 0;
  // 1 when the denominator is 0 (nothing predicted / nothing expected).
  double precision() const;
  double recall() const;
  double f1() const;
};

struct Evaluation {
  // By language ("en", "uk", "ru") and "all".
  std::map<std::string, Score> claims;
  std::map<std::string, Score> places;
  // One line per missed or spurious claim: "<doc id> MISSED|SPURIOUS <key>".
  std::vector<std::string> errors;
  // One line per coded claim that matched: "<doc id> MATCHED <key> | ...".
  std::vector<std::string> matches;
};

Evaluation Evaluate(const Extractor& extractor,
                    const std::vector<LabeledDocument>& documents);

// "TYPE place side claimant POLARITY", for reports.
std::string ClaimKey(const LabeledClaim& claim);

}  // namespace frontline::extract

#endif  // FRONTLINE_LIBS_EXTRACT_EVALUATION_H_
