// Fixture access for the ingest_input tests.
#ifndef FRONTLINE_LIBS_INGEST_INPUT_TEST_UTIL_H_
#define FRONTLINE_LIBS_INGEST_INPUT_TEST_UTIL_H_

#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"

namespace frontline::ingest_input {

inline std::string TelegramFixture(const std::string& name) {
  return absl::StrCat(FRONTLINE_TELEGRAM_TESTDATA, "/", name);
}
inline std::string FeedsFixture(const std::string& name) {
  return absl::StrCat(FRONTLINE_FEEDS_TESTDATA, "/", name);
}
inline std::string OwnFixture(const std::string& name) {
  return absl::StrCat(FRONTLINE_INGEST_INPUT_TESTDATA, "/", name);
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace frontline::ingest_input

#endif  // FRONTLINE_LIBS_INGEST_INPUT_TEST_UTIL_H_
