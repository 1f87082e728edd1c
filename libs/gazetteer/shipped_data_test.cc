// The shipped data file: it loads, and it keeps the invariants other stages
// rely on.
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/gazetteer/gazetteer.h"

namespace frontline::gazetteer {
namespace {

class GazetteerShippedDataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<Gazetteer> loaded =
        Gazetteer::Load(FRONTLINE_GAZETTEER_DATA);
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    gazetteer_.emplace(*std::move(loaded));
  }
  std::optional<Gazetteer> gazetteer_;
};

TEST_F(GazetteerShippedDataTest, EveryRegionIdExistsAndIsARegion) {
  ASSERT_GE(gazetteer_->places().size(), 150u);
  for (const Place& place : gazetteer_->places()) {
    const Place* region = gazetteer_->FindById(place.region_id);
    ASSERT_NE(region, nullptr) << place.id;
    EXPECT_EQ(region->kind, PlaceKind::kRegion) << place.id;
    EXPECT_EQ(region->country, place.country) << place.id;
    EXPECT_EQ(place.region_name, region->name) << place.id;
  }
}

TEST_F(GazetteerShippedDataTest, IdsStartWithCountryAndRegion) {
  for (const Place& place : gazetteer_->places()) {
    if (place.kind == PlaceKind::kRegion) {
      EXPECT_TRUE(absl::StartsWith(place.id,
                                   absl::AsciiStrToLower(place.country) + "."))
          << place.id;
    } else {
      EXPECT_TRUE(absl::StartsWith(place.id, place.region_id + "."))
          << place.id;
    }
  }
}

TEST_F(GazetteerShippedDataTest, CoordinatesLieInTheTheatre) {
  // Ukraine and the three Russian border oblasts: 44-54 N, 22-41 E.
  for (const Place& place : gazetteer_->places()) {
    EXPECT_GE(place.latitude, 44.0) << place.id;
    EXPECT_LE(place.latitude, 54.0) << place.id;
    EXPECT_GE(place.longitude, 22.0) << place.id;
    EXPECT_LE(place.longitude, 41.0) << place.id;
  }
}

TEST_F(GazetteerShippedDataTest,
       CoversEveryUkrainianRegionAndTheRussianBorder) {
  std::set<std::string> regions;
  for (const Place& place : gazetteer_->places()) {
    if (place.kind == PlaceKind::kRegion) regions.insert(place.id);
  }
  // 24 oblasts, Crimea, Kyiv and Sevastopol; Kursk, Belgorod, Bryansk.
  EXPECT_EQ(regions.size(), 30u);
  for (absl::string_view id :
       {"ua.crimea", "ru.kursk", "ru.belgorod", "ru.bryansk", "ua.donetsk",
        "ua.zaporizhzhia", "ua.kherson", "ua.kharkiv", "ua.sumy"}) {
    EXPECT_TRUE(regions.contains(std::string(id))) << id;
  }
}

TEST_F(GazetteerShippedDataTest, EveryNameFindsItsPlace) {
  for (const Place& place : gazetteer_->places()) {
    std::vector<std::string> names = place.aliases;
    names.push_back(place.name);
    names.insert(names.end(), place.capitalized_aliases.begin(),
                 place.capitalized_aliases.end());
    for (const std::string& name : names) {
      EXPECT_THAT(gazetteer_->Find(name), ::testing::Contains(&place))
          << place.id << " / " << name;
    }
  }
}

}  // namespace
}  // namespace frontline::gazetteer
