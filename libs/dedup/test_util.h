// Helpers shared by this library's tests: temporary directories and
// documents.
#ifndef FRONTLINE_LIBS_DEDUP_TEST_UTIL_H_
#define FRONTLINE_LIBS_DEDUP_TEST_UTIL_H_

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>

#include "frontline/v1/document.pb.h"

namespace frontline::dedup::testing {

// A fresh directory, removed with the object.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> n{0};
    path_ = (std::filesystem::temp_directory_path() /
             ("dedup_test_" + std::to_string(::getpid()) + "_" +
              std::to_string(n++)))
                .string();
    std::filesystem::remove_all(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline v1::Document MakeDoc(const std::string& id, const std::string& source,
                            int64_t seconds, const std::string& text) {
  v1::Document d;
  d.set_id(id);
  d.mutable_source()->set_id(source);
  d.set_external_id(id);
  d.set_version(1);
  d.mutable_published_time()->set_seconds(seconds);
  d.set_text(text);
  return d;
}

}  // namespace frontline::dedup::testing

#endif  // FRONTLINE_LIBS_DEDUP_TEST_UTIL_H_
