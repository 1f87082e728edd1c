#include "libs/gazetteer/gazetteer.h"

#include <cstdio>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace frontline::gazetteer {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class GazetteerShippedTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<Gazetteer> loaded =
        Gazetteer::Load(FRONTLINE_GAZETTEER_DATA);
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    gazetteer_ = new Gazetteer(*std::move(loaded));
  }
  static void TearDownTestSuite() {
    delete gazetteer_;
    gazetteer_ = nullptr;
  }

  // The chosen place id of every mention.
  static std::vector<std::string> Ids(absl::string_view text) {
    std::vector<std::string> ids;
    for (const Mention& m : gazetteer_->Match(text))
      ids.push_back(m.place().id);
    return ids;
  }

  static Gazetteer* gazetteer_;
};

Gazetteer* GazetteerShippedTest::gazetteer_ = nullptr;

TEST_F(GazetteerShippedTest, EverySpellingOfKurakhoveFindsTheSamePlace) {
  for (absl::string_view spelling :
       {"Kurakhove", "Kurakhovo", "Kurajove", "KURAKHOVE", "kurakhovo",
        "Курахове", "Курахово", "КУРАХОВЕ"}) {
    EXPECT_THAT(Ids(absl::StrCat("Fighting near ", spelling, " continued.")),
                ElementsAre("ua.donetsk.kurakhove"))
        << spelling;
    std::vector<const Place*> found = gazetteer_->Find(spelling);
    ASSERT_EQ(found.size(), 1u) << spelling;
    EXPECT_EQ(found[0]->id, "ua.donetsk.kurakhove");
  }
  EXPECT_THAT(Ids("Kurakhivka"), ElementsAre("ua.donetsk.kurakhivka"));
}

TEST_F(GazetteerShippedTest, FindsInflectedCyrillicForms) {
  EXPECT_THAT(Ids("Бої у Кураховому та під Кураховим тривають"),
              ElementsAre("ua.donetsk.kurakhove", "ua.donetsk.kurakhove"));
  EXPECT_THAT(Ids("ВСУ наступают в Курской области, у Суджи и Большого "
                  "Солдатского"),
              ElementsAre("ru.kursk", "ru.kursk.sudzha",
                          "ru.kursk.bolshoye_soldatskoye"));
  EXPECT_THAT(Ids("на Курщині, біля Великої Новосілки"),
              ElementsAre("ru.kursk", "ua.donetsk.velyka_novosilka"));
  EXPECT_THAT(Ids("в Слов’янську і Словʼянську"),
              ElementsAre("ua.donetsk.sloviansk", "ua.donetsk.sloviansk"));
}

TEST_F(GazetteerShippedTest, SpansPointIntoTheOriginalText) {
  const std::string text = "Росіяни  під КУРАХОВИМ, а ﬁ.";
  std::vector<Mention> mentions = gazetteer_->Match(text);
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(mentions[0].surface, "КУРАХОВИМ");
  EXPECT_EQ(text.substr(mentions[0].begin, mentions[0].end - mentions[0].begin),
            "КУРАХОВИМ");
  EXPECT_EQ(mentions[0].resolution, Resolution::kUnique);
  EXPECT_FALSE(mentions[0].ambiguous());
}

TEST_F(GazetteerShippedTest, MatchesWholeWordsOnly) {
  EXPECT_THAT(Ids("Kurakhovesk Pokrovskiy XSudzha Суджанка"), IsEmpty());
  EXPECT_THAT(Ids("Kurakhove's factories, (Sudzha), \"Pokrovsk\"-bound"),
              ElementsAre("ua.donetsk.kurakhove", "ru.kursk.sudzha",
                          "ua.donetsk.pokrovsk"));
  EXPECT_THAT(Ids("Pokrovsk2"), IsEmpty());
  EXPECT_THAT(Ids("Pokrovsk"), ElementsAre("ua.donetsk.pokrovsk"));
}

TEST_F(GazetteerShippedTest, PrefersTheLongestMatch) {
  EXPECT_THAT(Ids("the Kursk Nuclear Power Plant"),
              ElementsAre("ru.kursk.kursk_npp"));
  EXPECT_THAT(Ids("in Kupiansk-Vuzlovyi"),
              ElementsAre("ua.kharkiv.kupiansk_vuzlovyi"));
  EXPECT_THAT(Ids("in Kursk region"), ElementsAre("ru.kursk"));
  EXPECT_THAT(Ids("Білгород-Дністровський"),
              ElementsAre("ua.odesa.bilhorod_dnistrovskyi"));
}

TEST_F(GazetteerShippedTest, CapitalizedOnlyNamesIgnoreTheCommonWord) {
  EXPECT_THAT(Ids("купив ізюм"), IsEmpty());
  EXPECT_THAT(Ids("бої під Ізюмом, в Ізюмі"),
              ElementsAre("ua.kharkiv.izium", "ua.kharkiv.izium"));
  EXPECT_THAT(Ids("Ізюм"), ElementsAre("ua.kharkiv.izium"));
  EXPECT_EQ(gazetteer_->Find("ізюм").size(), 1u);
}

TEST_F(GazetteerShippedTest, DisambiguatesByTheRegionNamed) {
  std::vector<Mention> m =
      gazetteer_->Match("Strikes on Kamianske, Zaporizhzhia region.");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].place().id, "ua.zaporizhzhia.kamianske");
  EXPECT_EQ(m[0].resolution, Resolution::kRegionNamed);
  ASSERT_EQ(m[0].candidates.size(), 2u);
  EXPECT_EQ(m[0].candidates[1]->id, "ua.dnipropetrovsk.kamianske");

  m = gazetteer_->Match("Кам'янське, Дніпропетровщина");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].place().id, "ua.dnipropetrovsk.kamianske");
  EXPECT_FALSE(m[0].ambiguous());
}

TEST_F(GazetteerShippedTest, DisambiguatesByANeighbourNamed) {
  std::vector<Mention> m =
      gazetteer_->Match("Russia claims Andriivka, south of Bakhmut");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].place().id, "ua.donetsk.andriivka");
  EXPECT_EQ(m[0].resolution, Resolution::kNeighbourNamed);

  m = gazetteer_->Match("Андріївка біля Балаклії");
  EXPECT_EQ(m[0].place().id, "ua.kharkiv.andriivka");
}

TEST_F(GazetteerShippedTest, FallsBackToTheDefaultOrderAndSaysSo) {
  std::vector<Mention> m = gazetteer_->Match("Andriivka");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_TRUE(m[0].ambiguous());
  // Both are villages or towns; the larger kind wins.
  EXPECT_EQ(m[0].place().id, "ua.kharkiv.andriivka");

  m = gazetteer_->Match("Kamianske");
  EXPECT_TRUE(m[0].ambiguous());
  EXPECT_EQ(m[0].place().id, "ua.dnipropetrovsk.kamianske");

  // The oblast and its capital: the oblast, flagged.
  m = gazetteer_->Match("the offensive in Kursk");
  EXPECT_TRUE(m[0].ambiguous());
  EXPECT_EQ(m[0].place().id, "ru.kursk");
  EXPECT_EQ(m[0].candidates[1]->id, "ru.kursk.kursk");
}

TEST_F(GazetteerShippedTest, ReadsRegionsListedBeforeOnePluralNoun) {
  EXPECT_THAT(Ids("drones over the Kursk and Belgorod regions"),
              ElementsAre("ru.kursk", "ru.belgorod"));
  EXPECT_THAT(Ids("над Курской, Белгородской и Брянской областями"),
              ElementsAre("ru.kursk", "ru.belgorod", "ru.bryansk"));
  EXPECT_THAT(Ids("у Сумській та Харківській областях"),
              ElementsAre("ua.sumy", "ua.kharkiv"));
  const std::vector<Mention> mentions =
      gazetteer_->Match("over the Belgorod and Bryansk regions overnight");
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(mentions[1].surface, "Bryansk regions");
  // Not a list of regions: the names keep their own places.
  EXPECT_THAT(Ids("in Belgorod and Bryansk"),
              ElementsAre("ru.belgorod.belgorod", "ru.bryansk.bryansk"));
  EXPECT_THAT(Ids("over the Belgorod and Eastern regions"),
              ElementsAre("ru.belgorod"));
}

TEST_F(GazetteerShippedTest, ACommunityIsItsCentre) {
  EXPECT_THAT(Ids("Великописарівська: мінометний обстріл. Обстріл "
                  "Юнаківської громади."),
              ElementsAre("ua.sumy.velyka_pysarivka", "ua.sumy.yunakivka"));
}

TEST_F(GazetteerShippedTest, AFrontNamedAfterATownIsTheTown) {
  EXPECT_THAT(Ids("Найбільше атак на Покровському напрямку."),
              ElementsAre("ua.donetsk.pokrovsk"));
  EXPECT_THAT(Ids("На Купянском направлении продолжились бои."),
              ElementsAre("ua.kharkiv.kupiansk"));
  // The adjective alone names no place.
  EXPECT_THAT(Ids("Покровському"), IsEmpty());
}

TEST_F(GazetteerShippedTest, FindsByIdAndByAnyName) {
  const Place* kurakhove = gazetteer_->FindById("ua.donetsk.kurakhove");
  ASSERT_NE(kurakhove, nullptr);
  EXPECT_EQ(kurakhove->name, "Kurakhove");
  EXPECT_EQ(kurakhove->region_name, "Donetsk Oblast");
  EXPECT_EQ(gazetteer_->FindById("ua.donetsk.nowhere"), nullptr);
  EXPECT_THAT(gazetteer_->Find("ua.donetsk.kurakhove"), ElementsAre(kurakhove));
  EXPECT_THAT(gazetteer_->Find("  Курахового "), ElementsAre(kurakhove));
  EXPECT_THAT(gazetteer_->Find("Курской области"),
              ElementsAre(gazetteer_->FindById("ru.kursk")));
  EXPECT_THAT(gazetteer_->Find("Nowhere"), IsEmpty());
  std::vector<const Place*> kursk = gazetteer_->Find("Kursk");
  ASSERT_EQ(kursk.size(), 2u);
  EXPECT_EQ(kursk[0]->id, "ru.kursk");
}

TEST(GazetteerTest, LoadReportsMissingAndMalformedFiles) {
  absl::StatusOr<Gazetteer> missing = Gazetteer::Load("/nonexistent/p.tsv");
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);

  const std::string path =
      absl::StrCat(::testing::TempDir(), "/malformed_places.tsv");
  {
    std::ofstream out(path);
    out << "# places\nua.x\tregion\tX\tUA\tua.x\t1\t1\t\nua.x.y\tvillage\n";
  }
  absl::StatusOr<Gazetteer> malformed = Gazetteer::Load(path);
  EXPECT_EQ(malformed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(malformed.status().message(),
              HasSubstr(absl::StrCat(path, ":3: expected 8 tab-separated")));
  std::remove(path.c_str());
}

TEST(GazetteerTest, RejectsAnAliasThatFoldsToNothing) {
  absl::StatusOr<Gazetteer> g = Gazetteer::LoadFromString(
      "ua.x\tregion\tX\tUA\tua.x\t1\t1\tX region|\u00ad\n", "test.tsv");
  EXPECT_EQ(g.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(g.status().message(), HasSubstr("test.tsv:1: name"));
}

TEST(GazetteerTest, EmptyGazetteerMatchesNothing) {
  absl::StatusOr<Gazetteer> g = Gazetteer::LoadFromString("");
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_THAT(g->Match("Kurakhove"), IsEmpty());
  EXPECT_THAT(g->Find("Kurakhove"), IsEmpty());
}

TEST(GazetteerTest, MovingKeepsPlacePointersValid) {
  absl::StatusOr<Gazetteer> g = Gazetteer::LoadFromString(
      "ua.x\tregion\tX Oblast\tUA\tua.x\t1\t1\t\n"
      "ua.x.y\tvillage\tYar\tUA\tua.x\t1\t1\tЯр\n");
  ASSERT_TRUE(g.ok());
  const Place* yar = g->FindById("ua.x.y");
  Gazetteer moved = *std::move(g);
  EXPECT_EQ(moved.FindById("ua.x.y"), yar);
  std::vector<Mention> m = moved.Match("Яр");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(&m[0].place(), yar);
}

}  // namespace
}  // namespace frontline::gazetteer
