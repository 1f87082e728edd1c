// The matcher over the project's seed reports (../shared/seeds): each names
// places under the spellings real reporting uses.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/gazetteer/gazetteer.h"

namespace frontline::gazetteer {
namespace {

using ::testing::IsSupersetOf;

// What each seed names, read off the text by hand.
const std::map<std::string, std::set<std::string>>& Expected() {
  static const auto* expected =
      new std::map<std::string, std::set<std::string>>{
          {"000_257d79e16fde2f9d.txt",
           {"ru.kursk", "ua.donetsk", "ua.donetsk.kurakhove",
            "ua.donetsk.pokrovsk", "ua.kyiv_city.kyiv", "ua.kharkiv.kharkiv",
            "ua.kherson.kherson", "ua.zaporizhzhia.enerhodar",
            "ua.zaporizhzhia.znpp"}},
          {"001_d687fe27b1e49cff.txt",
           {"ru.kursk", "ua.donetsk.kurakhove", "ua.donetsk.pokrovsk",
            "ru.kursk.makhnovka"}},
          {"002_1f73206d7a4e740f.txt",
           {"ru.kursk", "ua.donetsk", "ua.donetsk.kurakhove",
            "ua.donetsk.pokrovsk", "ua.donetsk.dachenske", "ru.kursk.berdin"}},
          {"003_d28b3fcd5c709a27.txt",
           {"ru.kursk", "ru.kursk.sudzha", "ru.kursk.berdin",
            "ru.kursk.bolshoye_soldatskoye", "ua.donetsk",
            "ua.donetsk.kurakhove", "ua.donetsk.pokrovsk"}},
          {"004_c9cfb28ba0ac9ed6.txt",
           {"ru.kursk", "ua.donetsk.kurakhove", "ua.sumy", "ua.sumy.yunakivka",
            "ua.kyiv_city.kyiv"}},
      };
  return *expected;
}

TEST(GazetteerSeedsTest, FindsThePlacesEachSeedNames) {
  const char* shared = std::getenv("FRONTLINE_SHARED_DIR");
  if (shared == nullptr) GTEST_SKIP() << "FRONTLINE_SHARED_DIR is not set";
  const std::filesystem::path seeds = std::filesystem::path(shared) / "seeds";
  if (!std::filesystem::is_directory(seeds)) {
    GTEST_SKIP() << seeds << " is absent";
  }
  absl::StatusOr<Gazetteer> gazetteer =
      Gazetteer::Load(FRONTLINE_GAZETTEER_DATA);
  ASSERT_TRUE(gazetteer.ok()) << gazetteer.status();

  for (const auto& [file, expected] : Expected()) {
    std::ifstream in(seeds / file, std::ios::binary);
    ASSERT_TRUE(in) << "cannot read " << (seeds / file);
    std::stringstream text;
    text << in.rdbuf();
    std::set<std::string> found;
    for (const Mention& mention : gazetteer->Match(text.str())) {
      found.insert(mention.place().id);
    }
    EXPECT_THAT(found, IsSupersetOf(expected)) << file;
  }
}

}  // namespace
}  // namespace frontline::gazetteer
