#include "libs/gazetteer/places_file.h"

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace frontline::gazetteer {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr absl::string_view kRegion =
    "ua.donetsk\tregion\tDonetsk Oblast\tUA\tua.donetsk\t48.00\t37.80\t"
    "Donetsk region|Донеччина\n";

absl::Status ParseError(absl::string_view contents) {
  return ParsePlacesFile(contents, "places.tsv").status();
}

TEST(GazetteerPlacesFileTest, ParsesRowsCommentsAndBlankLines) {
  const std::string contents = absl::StrCat(
      "# comment\n\n", kRegion,
      "ua.donetsk.hirnyk\ttown\tHirnyk\tUA\tua.donetsk\t48.05\t37.37\t"
      "Gornyak| ^Гірник \r\n");
  std::vector<int> lines;
  auto places = ParsePlacesFile(contents, "places.tsv", &lines);
  ASSERT_TRUE(places.ok()) << places.status();
  ASSERT_EQ(places->size(), 2u);
  const Place& hirnyk = (*places)[1];
  EXPECT_EQ(hirnyk.id, "ua.donetsk.hirnyk");
  EXPECT_EQ(hirnyk.kind, PlaceKind::kTown);
  EXPECT_EQ(hirnyk.region_name, "Donetsk Oblast");
  EXPECT_DOUBLE_EQ(hirnyk.latitude, 48.05);
  EXPECT_THAT(hirnyk.aliases, ElementsAre("Gornyak"));
  EXPECT_THAT(hirnyk.capitalized_aliases, ElementsAre("Гірник"));
  EXPECT_THAT(lines, ElementsAre(3, 4));
}

TEST(GazetteerPlacesFileTest, ReportsTheLineOfAMalformedRow) {
  absl::Status status = ParseError(
      absl::StrCat("# header\n", kRegion, "ua.donetsk.x\ttown\tX\tUA\n"));
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(
      status.message(),
      HasSubstr("places.tsv:3: expected 8 tab-separated fields, got 4"));
}

TEST(GazetteerPlacesFileTest, RejectsBadFields) {
  auto row = [](absl::string_view fields) {
    return ParseError(absl::StrCat(kRegion, fields, "\n"));
  };
  EXPECT_THAT(row("Bad.Id\ttown\tX\tUA\tua.donetsk\t1\t1\t").message(),
              HasSubstr("places.tsv:2: bad id"));
  EXPECT_THAT(row("ua.donetsk.x\thamlet\tX\tUA\tua.donetsk\t1\t1\t").message(),
              HasSubstr("unknown kind \"hamlet\""));
  EXPECT_THAT(row("ua.donetsk.x\ttown\t\tUA\tua.donetsk\t1\t1\t").message(),
              HasSubstr("empty name"));
  EXPECT_THAT(row("ua.donetsk.x\ttown\tX\tUkr\tua.donetsk\t1\t1\t").message(),
              HasSubstr("bad country"));
  EXPECT_THAT(row("ua.donetsk.x\ttown\tX\tUA\tua.donetsk\t91\t1\t").message(),
              HasSubstr("bad latitude \"91\""));
  EXPECT_THAT(row("ua.donetsk.x\ttown\tX\tUA\tua.donetsk\t1\teast\t").message(),
              HasSubstr("bad longitude \"east\""));
  EXPECT_THAT(
      row("ua.donetsk.x\ttown\tX\tUA\tua.donetsk\t1\t1\ta||b").message(),
      HasSubstr("empty alias"));
  EXPECT_THAT(row("ua.donetsk\ttown\tX\tUA\tua.donetsk\t1\t1\t").message(),
              HasSubstr("places.tsv:2: duplicate id \"ua.donetsk\", first "
                        "defined on line 1"));
}

TEST(GazetteerPlacesFileTest, RequiresRegionsToExistAndBeRegions) {
  EXPECT_THAT(
      ParseError(
          absl::StrCat("ua.sumy.sumy\tcity\tSumy\tUA\tua.sumy\t50.9\t34.8\t\n",
                       kRegion))
          .message(),
      HasSubstr("places.tsv:1: region \"ua.sumy\" of \"ua.sumy.sumy\" is "
                "not defined"));
  EXPECT_THAT(
      ParseError(
          absl::StrCat(kRegion,
                       "ua.donetsk.a\ttown\tA\tUA\tua.donetsk\t1\t1\t\n"
                       "ua.donetsk.b\ttown\tB\tUA\tua.donetsk.a\t1\t1\t\n"))
          .message(),
      HasSubstr("places.tsv:3: region \"ua.donetsk.a\" of \"ua.donetsk.b\" "
                "is a town, not a region"));
  EXPECT_THAT(ParseError("ua.x\tregion\tX\tUA\tua.y\t1\t1\t\n").message(),
              HasSubstr("places.tsv:1: region \"ua.x\" must name itself"));
  EXPECT_THAT(
      ParseError(
          absl::StrCat(kRegion, "ru.x\ttown\tX\tRU\tua.donetsk\t1\t1\t\n"))
          .message(),
      HasSubstr("\"ru.x\" is in RU but its region \"ua.donetsk\" is in UA"));
}

}  // namespace
}  // namespace frontline::gazetteer
