#include "libs/gazetteer/place_proto.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/gazetteer/gazetteer.h"

namespace frontline::gazetteer {
namespace {

using ::testing::ElementsAre;

TEST(GazetteerPlaceProtoTest, FillsEveryField) {
  absl::StatusOr<Gazetteer> g = Gazetteer::LoadFromString(
      "ua.donetsk\tregion\tDonetsk Oblast\tUA\tua.donetsk\t48.00\t37.80\t\n"
      "ua.donetsk.hirnyk\ttown\tHirnyk\tUA\tua.donetsk\t48.05\t37.37\t"
      "Gornyak|^Гірник\n");
  ASSERT_TRUE(g.ok()) << g.status();
  frontline::v1::Place proto = ToProto(*g->FindById("ua.donetsk.hirnyk"));
  EXPECT_EQ(proto.id(), "ua.donetsk.hirnyk");
  EXPECT_EQ(proto.name(), "Hirnyk");
  EXPECT_THAT(proto.aliases(), ElementsAre("Gornyak", "Гірник"));
  EXPECT_DOUBLE_EQ(proto.latitude(), 48.05);
  EXPECT_DOUBLE_EQ(proto.longitude(), 37.37);
  EXPECT_EQ(proto.kind(), frontline::v1::PLACE_KIND_TOWN);
  EXPECT_EQ(proto.region_id(), "ua.donetsk");
  EXPECT_EQ(proto.region_name(), "Donetsk Oblast");
  EXPECT_EQ(proto.country(), "UA");
}

TEST(GazetteerPlaceProtoTest, MapsEveryKind) {
  EXPECT_EQ(ToProto(PlaceKind::kRegion), frontline::v1::PLACE_KIND_REGION);
  EXPECT_EQ(ToProto(PlaceKind::kDistrict), frontline::v1::PLACE_KIND_DISTRICT);
  EXPECT_EQ(ToProto(PlaceKind::kCity), frontline::v1::PLACE_KIND_CITY);
  EXPECT_EQ(ToProto(PlaceKind::kTown), frontline::v1::PLACE_KIND_TOWN);
  EXPECT_EQ(ToProto(PlaceKind::kVillage), frontline::v1::PLACE_KIND_VILLAGE);
  EXPECT_EQ(ToProto(PlaceKind::kFeature), frontline::v1::PLACE_KIND_FEATURE);
}

}  // namespace
}  // namespace frontline::gazetteer
