#include "tools/frontlinectl/export_rows.h"

#include "gtest/gtest.h"

namespace frontline::ctl {
namespace {

v1::Event Capture() {
  v1::Event e;
  e.set_id("cap");
  e.set_type(v1::CLAIM_TYPE_CAPTURE);
  e.set_polarity(v1::POLARITY_ASSERTED);
  e.set_side(v1::SIDE_RUSSIA);
  e.mutable_actor()->set_name("Russian Armed Forces");
  e.set_place_id("ua.donetsk.kurakhove");
  e.mutable_time()->set_seconds(1736100000);  // 2025-01-05T18:00:00Z
  e.set_geo_precision(v1::GEO_PRECISION_EXACT);
  e.set_time_precision(v1::TIME_PRECISION_DAY);
  e.set_independent_sources(2);
  e.set_tier(v1::CORROBORATION_TIER_CORROBORATED);
  for (const char* name : {"RIA Novosti", "TASS", "RIA Novosti"}) {
    e.add_sources()->mutable_source()->set_name(name);
  }
  return e;
}

v1::Place Kurakhove() {
  v1::Place p;
  p.set_id("ua.donetsk.kurakhove");
  p.set_name("Kurakhove");
  p.set_region_name("Donetsk Oblast");
  p.set_country("UA");
  p.set_latitude(47.98);
  p.set_longitude(37.28);
  return p;
}

TEST(ExportRowsTest, ClaimTypesMapToAcledTypes) {
  EXPECT_EQ(AcledTypeOf(v1::CLAIM_TYPE_CAPTURE).event_type, "Battles");
  EXPECT_EQ(AcledTypeOf(v1::CLAIM_TYPE_DRONE_STRIKE).sub_event_type,
            "Air/drone strike");
  EXPECT_EQ(AcledTypeOf(v1::CLAIM_TYPE_MISSILE_STRIKE).event_type,
            "Explosions/Remote violence");
  EXPECT_EQ(AcledTypeOf(v1::CLAIM_TYPE_TROOP_DEPLOYMENT).event_type,
            "Strategic developments");
}

TEST(ExportRowsTest, RowTakesPlaceSourcesAndNotes) {
  const v1::Place place = Kurakhove();
  ExportRow row =
      MakeExportRow(Capture(), &place, "Russia claimed Kurakhove, \"fully\".");
  EXPECT_EQ(row.event_id_cnty, "UA-cap");
  EXPECT_EQ(row.event_date, "2025-01-05");
  EXPECT_EQ(row.actor1, "Russian Armed Forces");
  EXPECT_EQ(row.side, "russia");
  EXPECT_EQ(row.admin1, "Donetsk Oblast");
  EXPECT_EQ(row.location, "Kurakhove");
  EXPECT_EQ(row.source, "RIA Novosti; TASS");
  EXPECT_EQ(row.geo_precision, 1);
  EXPECT_EQ(row.time_precision, 1);
  EXPECT_EQ(ExportCsvRecord(row),
            "UA-cap,2025-01-05,Battles,Government regains territory,"
            "Russian Armed Forces,russia,Donetsk Oblast,Kurakhove,47.980000,"
            "37.280000,1,1,RIA Novosti; TASS,"
            "\"Russia claimed Kurakhove, \"\"fully\"\".\",2,corroborated,"
            "capture,asserted,cap,ua.donetsk.kurakhove\r\n");
  EXPECT_EQ(ExportCsvHeader().substr(0, 36),
            "event_id_cnty,event_date,event_type,");
}

TEST(ExportRowsTest, DenialsAreStrategicDevelopments) {
  v1::Event e = Capture();
  e.set_polarity(v1::POLARITY_DENIED);
  ExportRow row = MakeExportRow(e, nullptr, "");
  EXPECT_EQ(row.event_type, "Strategic developments");
  EXPECT_EQ(row.claim_type, "capture");
  EXPECT_EQ(row.polarity, "denied");
}

TEST(ExportRowsTest, UnknownPlaceLeavesCoordinatesEmpty) {
  v1::Event e = Capture();
  e.set_summary("Kurakhove captured");
  ExportRow row = MakeExportRow(e, nullptr, "");
  EXPECT_EQ(row.event_id_cnty, "XX-cap");
  EXPECT_EQ(row.location, "ua.donetsk.kurakhove");
  EXPECT_FALSE(row.latitude.has_value());
  EXPECT_EQ(row.notes, "Kurakhove captured");
  EXPECT_TRUE(ExportFeature(row)["geometry"].is_null());
}

TEST(ExportRowsTest, GeoJsonPointsAreLongitudeFirst) {
  const v1::Place place = Kurakhove();
  const nlohmann::json collection =
      ExportFeatureCollection({MakeExportRow(Capture(), &place, "")});
  EXPECT_EQ(collection["type"], "FeatureCollection");
  ASSERT_EQ(collection["features"].size(), 1u);
  const nlohmann::json& feature = collection["features"][0];
  EXPECT_EQ(feature["type"], "Feature");
  EXPECT_EQ(feature["geometry"]["type"], "Point");
  EXPECT_DOUBLE_EQ(feature["geometry"]["coordinates"][0].get<double>(), 37.28);
  EXPECT_DOUBLE_EQ(feature["geometry"]["coordinates"][1].get<double>(), 47.98);
  EXPECT_EQ(feature["properties"]["independent_sources"], 2);
  EXPECT_EQ(feature["properties"]["event_type"], "Battles");
}

}  // namespace
}  // namespace frontline::ctl
