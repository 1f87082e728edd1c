// Shared fixtures of the extract tests: the shipped gazetteer and coder,
// loaded once per test binary.
#ifndef FRONTLINE_LIBS_EXTRACT_TEST_UTIL_H_
#define FRONTLINE_LIBS_EXTRACT_TEST_UTIL_H_

#include "libs/extract/extractor.h"
#include "libs/gazetteer/gazetteer.h"

namespace frontline::extract {

// Aborts the test binary when the shipped data do not load.
const Extractor& ShippedExtractor();

}  // namespace frontline::extract

#endif  // FRONTLINE_LIBS_EXTRACT_TEST_UTIL_H_
