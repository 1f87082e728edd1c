// Test-only helpers shared by the telegram tests.
#ifndef FRONTLINE_LIBS_TELEGRAM_TEST_UTIL_H_
#define FRONTLINE_LIBS_TELEGRAM_TEST_UTIL_H_

#include <fstream>
#include <sstream>
#include <string>

namespace frontline::telegram::testing {

inline std::string TestdataPath(const std::string& name) {
  return std::string(FRONTLINE_TELEGRAM_TESTDATA) + "/" + name;
}

inline std::string ReadTestdata(const std::string& name) {
  std::ifstream in(TestdataPath(name), std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace frontline::telegram::testing

#endif  // FRONTLINE_LIBS_TELEGRAM_TEST_UTIL_H_
