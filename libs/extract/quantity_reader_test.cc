// Quantities through the whole coder's dictionaries: what a figure in a
// claim sentence reads as.
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/extract/test_util.h"

namespace frontline::extract {
namespace {

// The quantities of the first claim of `text`.
std::vector<v1::Quantity> Figures(absl::string_view text,
                                  absl::string_view language = "en") {
  const auto claims =
      ShippedExtractor().Extract(text, absl::UnixEpoch(), language);
  if (claims.empty()) return {};
  return {claims[0].quantities().begin(), claims[0].quantities().end()};
}

TEST(QuantityReaderTest, SquareMilesToSquareKilometres) {
  auto q = Figures("Ukraine holds 150 square miles of land in Kursk region.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind(), v1::QUANTITY_KIND_AREA);
  EXPECT_EQ(q[0].unit(), "km2");
  EXPECT_NEAR(q[0].best(), 388.5, 0.05);
  EXPECT_EQ(q[0].surface(), "150 square miles");
}

TEST(QuantityReaderTest, MoreThanSetsLowOnly) {
  auto q =
      Figures("North Korea has dispatched more than 11,000 soldiers to Kursk.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind(), v1::QUANTITY_KIND_TROOPS);
  EXPECT_EQ(q[0].low(), 11000);
  EXPECT_EQ(q[0].high(), 0);
  EXPECT_EQ(q[0].best(), 11000);
  EXPECT_EQ(q[0].surface(), "more than 11,000 soldiers");
}

TEST(QuantityReaderTest, NearlyABattalion) {
  auto q = Figures(
      "Near Makhnovka the Russian army sustained casualties amounting to "
      "nearly a battalion of infantry.");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q[0].kind(), v1::QUANTITY_KIND_TROOPS);
  EXPECT_EQ(q[0].best(), 500);
  EXPECT_GE(q[0].low(), 300);
  EXPECT_LE(q[0].high(), 500);
}

TEST(QuantityReaderTest, RangesAndNumberWords) {
  auto range = Figures(
      "North Korea deployed 10,000 to 12,000 troops to the Kursk region.");
  ASSERT_EQ(range.size(), 1u);
  EXPECT_EQ(range[0].low(), 10000);
  EXPECT_EQ(range[0].high(), 12000);
  EXPECT_EQ(range[0].best(), 11000);
  auto words =
      Figures("Russia deployed eleven thousand soldiers to the Kursk region.");
  ASSERT_EQ(words.size(), 1u);
  EXPECT_EQ(words[0].best(), 11000);
}

TEST(QuantityReaderTest, CyrillicThousands) {
  auto tys =
      Figures("Росія перекинула на Курщину понад 11 тис. військових.", "uk");
  ASSERT_EQ(tys.size(), 1u);
  EXPECT_EQ(tys[0].low(), 11000);
  auto spaced = Figures(
      "Зеленський заявив, що на Курщині загинули близько 3 800 "
      "військових.",
      "uk");
  ASSERT_EQ(spaced.size(), 1u);
  EXPECT_EQ(spaced[0].best(), 3800);
  auto decimal =
      Figures("Росія перекинула на Курщину 3,8 тис. військових.", "uk");
  ASSERT_EQ(decimal.size(), 1u);
  EXPECT_NEAR(decimal[0].best(), 3800, 1e-6);
}

TEST(QuantityReaderTest, FiguresWithoutUnitAreNotQuantities) {
  EXPECT_TRUE(Figures("In 2024 Russian forces captured Kurakhove.").empty());
}

}  // namespace
}  // namespace frontline::extract
