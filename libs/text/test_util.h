// Shared by frontline_text's tests: the shipped data loaded once, fixtures
// and seeds read from disk.
#ifndef FRONTLINE_LIBS_TEXT_TEST_UTIL_H_
#define FRONTLINE_LIBS_TEXT_TEST_UTIL_H_

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"
#include "libs/text/text_resources.h"

namespace frontline::text::testing {

inline std::string DataPath(const std::string& name) {
  return std::string(FRONTLINE_TEXT_DATA) + "/" + name;
}

inline std::string ReadTestFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot read " << path;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

inline std::string Fixture(const std::string& name) {
  return ReadTestFile(std::filesystem::path(FRONTLINE_TEXT_TESTDATA) / name);
}

// The shipped data, loaded once per test binary.
struct Shipped {
  static const TextResources& Get() {
    static const TextResources* shipped = [] {
      absl::StatusOr<std::unique_ptr<const TextResources>> resources =
          TextResources::Load(FRONTLINE_TEXT_DATA);
      if (!resources.ok()) {
        std::cerr << "shipped data: " << resources.status() << "\n";
        std::abort();
      }
      return resources->release();
    }();
    return *shipped;
  }
};

}  // namespace frontline::text::testing

#endif  // FRONTLINE_LIBS_TEXT_TEST_UTIL_H_
