#include "libs/extract/test_util.h"

#include <cstdio>
#include <cstdlib>

namespace frontline::extract {

const Extractor& ShippedExtractor() {
  static const gazetteer::Gazetteer* gazetteer = [] {
    auto loaded = gazetteer::Gazetteer::Load(FRONTLINE_GAZETTEER_DATA);
    if (!loaded.ok()) {
      std::fprintf(stderr, "%s\n", loaded.status().ToString().c_str());
      std::abort();
    }
    return new gazetteer::Gazetteer(*std::move(loaded));
  }();
  static const Extractor* extractor = [] {
    auto loaded = Extractor::Load(FRONTLINE_EXTRACT_DATA, *gazetteer);
    if (!loaded.ok()) {
      std::fprintf(stderr, "%s\n", loaded.status().ToString().c_str());
      std::abort();
    }
    return new Extractor(*std::move(loaded));
  }();
  return *extractor;
}

}  // namespace frontline::extract
