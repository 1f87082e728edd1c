// Shared fixtures of the extract tests: the shipped gazetteer and coder,
// loaded once per test binary.
#ifndef FRONTLINE_LIBS_EXTRACT_TEST_UTIL_H_
#define FRONTLINE_LIBS_EXTRACT_TEST_UTIL_H_

#include <string>
#include <vector>

#include "libs/extract/extractor.h"
#include "libs/gazetteer/gazetteer.h"

namespace frontline::extract {

// Aborts the test binary when the shipped data do not load.
const Extractor& ShippedExtractor();

// The publication time the tests code against unless they say otherwise:
// 2025-01-06 11:43 UTC, the day of the seed reports.
absl::Time TestPublished();

// The shipped coder's claims of `text`.
std::vector<v1::Claim> ExtractShipped(absl::string_view text,
                                      absl::string_view language = "en",
                                      absl::Time published = TestPublished());

// "CLAIM_TYPE_X place SIDE_Y claimant POLARITY_Z" of every claim, in order.
std::vector<std::string> ClaimKeys(const std::vector<v1::Claim>& claims);
// Whether one of `claims` has that key.
bool HasClaim(const std::vector<v1::Claim>& claims, const std::string& key);

}  // namespace frontline::extract

#endif  // FRONTLINE_LIBS_EXTRACT_TEST_UTIL_H_
