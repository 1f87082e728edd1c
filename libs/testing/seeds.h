// The project's seed reports (the *.txt files of ../shared/seeds), for tests
// and benchmarks. The seeds live outside the repository and may be absent:
// callers get an empty list then, and must skip or fall back.
#ifndef FRONTLINE_LIBS_TESTING_SEEDS_H_
#define FRONTLINE_LIBS_TESTING_SEEDS_H_

#include <filesystem>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace frontline::seeds {

struct Seed {
  std::string name;  // The file name, e.g. "000_257d79e16fde2f9d.txt".
  std::string text;
};

// $FRONTLINE_SHARED_DIR/seeds when that variable is set, else the seeds
// directory beside this checkout (../shared/seeds).
std::filesystem::path SeedsDir();

// Every *.txt file directly in `dir`, in file-name order. Empty when `dir`
// does not exist; kNotFound naming the file when one cannot be read.
absl::StatusOr<std::vector<Seed>> ReadSeeds(const std::filesystem::path& dir);

}  // namespace frontline::seeds

#endif  // FRONTLINE_LIBS_TESTING_SEEDS_H_
