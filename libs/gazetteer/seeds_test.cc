// The matcher over the project's seed reports (../shared/seeds): each names
// places under the spellings real reporting uses.
#include "libs/testing/seeds.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

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
  absl::StatusOr<std::vector<seeds::Seed>> loaded =
      seeds::ReadSeeds(seeds::SeedsDir());
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  if (loaded->empty()) GTEST_SKIP() << seeds::SeedsDir() << " has no seeds";
  absl::StatusOr<Gazetteer> gazetteer =
      Gazetteer::Load(FRONTLINE_GAZETTEER_DATA);
  ASSERT_TRUE(gazetteer.ok()) << gazetteer.status();

  for (const auto& [file, expected] : Expected()) {
    const auto seed = std::find_if(
        loaded->begin(), loaded->end(),
        [&file = file](const seeds::Seed& s) { return s.name == file; });
    ASSERT_NE(seed, loaded->end()) << "no seed " << file;
    std::set<std::string> found;
    for (const Mention& mention : gazetteer->Match(seed->text)) {
      found.insert(mention.place().id);
    }
    EXPECT_THAT(found, IsSupersetOf(expected)) << file;
  }
}

}  // namespace
}  // namespace frontline::gazetteer
