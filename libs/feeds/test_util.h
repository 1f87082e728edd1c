// Test-only helpers for frontline_feeds tests.
#ifndef FRONTLINE_LIBS_FEEDS_TEST_UTIL_H_
#define FRONTLINE_LIBS_FEEDS_TEST_UTIL_H_

#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace frontline::feeds::testing {

// The bytes of libs/feeds/testdata/<name>; "" (and a failed test via the
// caller's expectations) when missing.
inline std::string ReadTestdata(const std::string& name) {
  std::ifstream in(absl::StrCat(FRONTLINE_FEEDS_TESTDATA, "/", name),
                   std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

inline absl::Time Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) {
  return absl::FromCivil(absl::CivilSecond(y, mo, d, h, mi, s),
                         absl::UTCTimeZone());
}

}  // namespace frontline::feeds::testing

#endif  // FRONTLINE_LIBS_FEEDS_TEST_UTIL_H_
