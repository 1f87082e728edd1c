#include "libs/extract/dictionary.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace frontline::extract {
namespace {

using ::testing::HasSubstr;

TEST(DictionaryTest, ShippedDataLoads) {
  absl::StatusOr<Dictionary> d = LoadDictionary(FRONTLINE_EXTRACT_DATA);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_GT(d->actors.size(), 40u);
  EXPECT_GT(d->patterns.size(), 300u);
  EXPECT_GT(d->quantities.size(), 100u);
}

TEST(DictionaryTest, ActorsParseSidesKindsAndSurfaces) {
  auto actors = ParseActors(
      "# comment\nru.mod\tRussian MoD\tRUSSIA\tMINISTRY\tRussian MoD|"
      "Минобороны России\nenemy\tenemy\tENEMY\tARMED_FORCES\tворог*\n",
      "actors.tsv");
  ASSERT_TRUE(actors.ok()) << actors.status();
  ASSERT_EQ(actors->size(), 2u);
  EXPECT_EQ((*actors)[0].side, v1::SIDE_RUSSIA);
  EXPECT_EQ((*actors)[0].kind, v1::ACTOR_KIND_MINISTRY);
  EXPECT_EQ((*actors)[0].surfaces.size(), 2u);
  EXPECT_EQ((*actors)[1].rule, SideRule::kEnemy);
}

TEST(DictionaryTest, MalformedActorNamesFileAndLine) {
  auto actors = ParseActors(
      "ru\tRussia\tRUSSIA\tSTATE\tRussia\n\nua\tUkraine\tBLUE\tSTATE\tUkraine"
      "\n",
      "actors.tsv");
  ASSERT_FALSE(actors.ok());
  EXPECT_EQ(actors.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(actors.status().message(), HasSubstr("actors.tsv:3:"));
  EXPECT_THAT(actors.status().message(), HasSubstr("BLUE"));
}

TEST(DictionaryTest, MalformedPatternsNameFileAndLine) {
  auto wrong_fields = ParsePatterns("en\tclaim\tcaptured\n", "patterns.tsv");
  EXPECT_THAT(wrong_fields.status().message(), HasSubstr("patterns.tsv:1:"));
  auto bad_type = ParsePatterns(
      "en\tclaim\tcaptured\tCAPTURE\nen\tclaim\tx\tCAPTUR\n", "patterns.tsv");
  EXPECT_THAT(bad_type.status().message(), HasSubstr("patterns.tsv:2:"));
  auto bad_time = ParsePatterns("en\ttime\ton Monday\tweekday:9\n", "p.tsv");
  EXPECT_THAT(bad_time.status().message(), HasSubstr("p.tsv:1:"));
}

TEST(DictionaryTest, PatternFlags) {
  auto p = ParsePatterns(
      "en\tclaim\tunder Russian control\tCONTROL weak side=RUSSIA\n"
      "en\tclaim\tlost\tCAPTURE opposite\n",
      "patterns.tsv");
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_TRUE((*p)[0].weak);
  EXPECT_EQ((*p)[0].fixed_side, v1::SIDE_RUSSIA);
  EXPECT_TRUE((*p)[1].opposite);
}

TEST(DictionaryTest, WeaponsArmedVerbsAndTolls) {
  auto p = ParsePatterns(
      "en\tweapon\tdrone\tDRONE_STRIKE\n"
      "en\tclaim\thit\tSHELLING armed\n"
      "en\tclaim\tkilling\tCASUALTIES toll\n",
      "patterns.tsv");
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ((*p)[0].kind, CueKind::kWeapon);
  EXPECT_EQ((*p)[0].type, v1::CLAIM_TYPE_DRONE_STRIKE);
  EXPECT_TRUE((*p)[1].armed);
  EXPECT_TRUE((*p)[2].toll);
  auto not_a_strike =
      ParsePatterns("en\tweapon\ttank\tASSAULT\n", "patterns.tsv");
  EXPECT_THAT(not_a_strike.status().message(), HasSubstr("patterns.tsv:1:"));
}

TEST(DictionaryTest, MalformedQuantityNamesFileAndLine) {
  auto q = ParseQuantities(
      "en\tunit\tsquare miles\tAREA\tkm2\t2.58999\n"
      "en\tunit\tmiles\tAREA\tkm2\tmany\n",
      "quantities.tsv");
  ASSERT_FALSE(q.ok());
  EXPECT_THAT(q.status().message(), HasSubstr("quantities.tsv:2:"));
  auto vague = ParseQuantities("en\tvague\ta battalion\t900\t300\t800\n",
                               "quantities.tsv");
  EXPECT_THAT(vague.status().message(), HasSubstr("low <= best <= high"));
}

TEST(DictionaryTest, MissingDirectoryIsNotFound) {
  EXPECT_EQ(LoadDictionary("/nonexistent/extract").status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace frontline::extract
