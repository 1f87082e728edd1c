#include "libs/testing/seeds.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace frontline::seeds {

std::filesystem::path SeedsDir() {
  const char* shared = std::getenv("FRONTLINE_SHARED_DIR");
  return std::filesystem::path(shared != nullptr ? shared
                                                 : FRONTLINE_SHARED_DIR) /
         "seeds";
}

absl::StatusOr<std::vector<Seed>> ReadSeeds(const std::filesystem::path& dir) {
  std::vector<Seed> seeds;
  std::error_code error;
  if (!std::filesystem::is_directory(dir, error)) return seeds;
  std::vector<std::filesystem::path> paths;
  for (std::filesystem::directory_iterator it(dir, error);
       !error && it != std::filesystem::directory_iterator();
       it.increment(error)) {
    std::error_code not_regular;
    if (it->is_regular_file(not_regular) && it->path().extension() == ".txt") {
      paths.push_back(it->path());
    }
  }
  if (error) {
    return absl::NotFoundError(
        absl::StrCat("cannot list ", dir.string(), ": ", error.message()));
  }
  std::sort(paths.begin(), paths.end());
  for (const std::filesystem::path& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) {
      return absl::NotFoundError(absl::StrCat("cannot read ", path.string()));
    }
    seeds.push_back(Seed{path.filename().string(), text.str()});
  }
  return seeds;
}

}  // namespace frontline::seeds
