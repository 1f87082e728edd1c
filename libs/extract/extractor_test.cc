#include "libs/extract/extractor.h"

#include <algorithm>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/extract/test_util.h"

namespace frontline::extract {
namespace {

std::vector<v1::Claim> Extract(absl::string_view text,
                               absl::string_view language = "en") {
  return ExtractShipped(text, language);
}

TEST(ExtractorTest, SeedSentenceKurakhove) {
  const std::string text =
      "At the same time, the Russian Ministry of Defense claimed on Monday "
      "that its forces had seized control of Kurakhove, an important but "
      "shattered industrial town.";
  const auto claims = Extract(text);
  ASSERT_GE(claims.size(), 1u);
  const v1::Claim& c = claims[0];
  EXPECT_EQ(c.type(), v1::CLAIM_TYPE_CAPTURE);
  EXPECT_EQ(c.place_id(), "ua.donetsk.kurakhove");
  EXPECT_EQ(c.side(), v1::SIDE_RUSSIA);
  EXPECT_EQ(c.claimant().id(), "ru.mod");
  EXPECT_EQ(c.claimant().kind(), v1::ACTOR_KIND_MINISTRY);
  EXPECT_EQ(c.polarity(), v1::POLARITY_ASSERTED);
  EXPECT_EQ(c.geo_precision(), v1::GEO_PRECISION_EXACT);
  EXPECT_EQ(c.time().seconds(),
            absl::ToUnixSeconds(absl::FromCivil(absl::CivilDay(2025, 1, 6),
                                                absl::UTCTimeZone())));
  EXPECT_EQ(c.time_precision(), v1::TIME_PRECISION_DAY);
  EXPECT_EQ(c.span().begin(), 0u);
  EXPECT_EQ(c.span().end(), text.size());
  EXPECT_EQ(c.sentence(), text);
}

TEST(ExtractorTest, DenialPolarity) {
  const auto en = Extract(
      "Ukraine's General Staff denied that Dachne had fallen to Russian "
      "forces.");
  ASSERT_EQ(en.size(), 1u);
  EXPECT_EQ(en[0].polarity(), v1::POLARITY_DENIED);
  EXPECT_EQ(en[0].type(), v1::CLAIM_TYPE_CAPTURE);
  EXPECT_EQ(en[0].claimant().id(), "ua.general_staff");
  const auto uk = Extract(
      "Генштаб ЗСУ спростував заяви Міноборони РФ про захоплення Курахового.",
      "uk");
  ASSERT_EQ(uk.size(), 1u);
  EXPECT_EQ(uk[0].polarity(), v1::POLARITY_DENIED);
  EXPECT_EQ(uk[0].side(), v1::SIDE_RUSSIA);
  const auto ru =
      Extract("Песков опроверг сообщения о захвате Курахово.", "ru");
  ASSERT_EQ(ru.size(), 1u);
  EXPECT_EQ(ru[0].polarity(), v1::POLARITY_DENIED);
  EXPECT_EQ(ru[0].claimant().id(), "ru.peskov");
}

TEST(ExtractorTest, DidNotCommentIsNoDenial) {
  EXPECT_TRUE(Extract("The Ukrainian military command did not comment on the "
                      "Russian claim that Kurakhove had fallen.")
                  .empty());
}

// A possibility or a condition reports no change of hands; the same clause
// stated as fact does, and an activity inside a possibility still counts.
TEST(ExtractorTest, HypotheticalsAreNoCaptures) {
  auto types = [](const std::vector<v1::Claim>& claims) {
    std::vector<v1::ClaimType> out;
    for (const v1::Claim& c : claims) out.push_back(c.type());
    return out;
  };
  const auto would = types(
      Extract("It would take Russian forces two years to seize Pokrovsk."));
  EXPECT_EQ(std::count(would.begin(), would.end(), v1::CLAIM_TYPE_CAPTURE), 0);
  const auto fact = types(Extract("Russian forces seized Pokrovsk."));
  EXPECT_EQ(std::count(fact.begin(), fact.end(), v1::CLAIM_TYPE_CAPTURE), 1);
  const auto uk =
      types(Extract("Якщо ворог захопить Покровськ, фронт зміститься.", "uk"));
  EXPECT_EQ(std::count(uk.begin(), uk.end(), v1::CLAIM_TYPE_CAPTURE), 0);
  const auto ru = types(Extract("Россия могла бы захватить Покровск.", "ru"));
  EXPECT_EQ(std::count(ru.begin(), ru.end(), v1::CLAIM_TYPE_CAPTURE), 0);
  const auto ongoing = types(Extract(
      "The fall of the town could allow Russia to broaden its assault on "
      "Pokrovsk."));
  EXPECT_EQ(std::count(ongoing.begin(), ongoing.end(), v1::CLAIM_TYPE_ASSAULT),
            1);
}

TEST(ExtractorTest, ClaimantAttribution) {
  const auto according =
      Extract("Russian forces advanced near Toretsk, according to DeepState.");
  ASSERT_EQ(according.size(), 1u);
  EXPECT_EQ(according[0].claimant().id(), "deepstate");
  EXPECT_EQ(according[0].side(), v1::SIDE_RUSSIA);
  EXPECT_EQ(according[0].geo_precision(), v1::GEO_PRECISION_NEAR);
  const auto za_danymy =
      Extract("За даними DeepState, росіяни просунулися в Торецьку.", "uk");
  ASSERT_EQ(za_danymy.size(), 1u);
  EXPECT_EQ(za_danymy[0].claimant().id(), "deepstate");
  // The comma stops "said" from making the place a speaker.
  const auto analysts = Extract(
      "Ukraine still holds 500 square kilometers in Kursk, military "
      "analysts said.");
  ASSERT_EQ(analysts.size(), 1u);
  EXPECT_EQ(analysts[0].claimant().id(), "");
  EXPECT_EQ(analysts[0].type(), v1::CLAIM_TYPE_TERRITORY_HELD);
}

TEST(ExtractorTest, HeaderClaimantAndEnemy) {
  const auto claims = Extract(
      "Генштаб ЗСУ: Сили оборони відбили 24 атаки біля Покровська.\n"
      "Ворог завдав авіаудару по Сумщині.",
      "uk");
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(claims[0].type(), v1::CLAIM_TYPE_REPELLED_ATTACK);
  EXPECT_EQ(claims[0].side(), v1::SIDE_UKRAINE);
  EXPECT_EQ(claims[0].geo_precision(), v1::GEO_PRECISION_NEAR);
  EXPECT_EQ(claims[1].type(), v1::CLAIM_TYPE_SHELLING);
  EXPECT_EQ(claims[1].claimant().id(), "ua.general_staff");
  EXPECT_EQ(claims[1].side(), v1::SIDE_RUSSIA);  // "ворог" of Ukraine.
  EXPECT_EQ(claims[1].geo_precision(), v1::GEO_PRECISION_REGION);
}

TEST(ExtractorTest, NoAnchorNoClaim) {
  EXPECT_TRUE(Extract("Russian forces captured the town.").empty());
  EXPECT_TRUE(Extract("Kurakhove is an industrial town.").empty());
}

TEST(ExtractorTest, IdsAreIndices) {
  const auto claims = Extract(
      "Russian forces captured Dachne. Ukrainian forces repelled an attack "
      "near Pokrovsk.");
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(claims[0].id(), "0");
  EXPECT_EQ(claims[1].id(), "1");
  EXPECT_TRUE(claims[0].document_id().empty());
}

TEST(ExtractorTest, AnAttackWithAWeaponIsItsStrike) {
  const auto claims = Extract(
      "Окупанти вночі атакували Запоріжжя ударними безпілотниками.", "uk");
  EXPECT_THAT(ClaimKeys(claims),
              ::testing::ElementsAre(
                  "CLAIM_TYPE_DRONE_STRIKE ua.zaporizhzhia.zaporizhzhia "
                  "SIDE_RUSSIA  POLARITY_ASSERTED"));
}

TEST(ExtractorTest, HitReportsAStrikeOnlyWithAWeapon) {
  const auto with_weapon =
      Extract("A Russian drone hit a car in Velyka Pysarivka on Tuesday.");
  EXPECT_TRUE(HasClaim(with_weapon,
                       "CLAIM_TYPE_DRONE_STRIKE ua.sumy.velyka_pysarivka "
                       "SIDE_RUSSIA  POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(with_weapon));
  EXPECT_TRUE(Extract("Russian forces hit a record pace near Velyka Pysarivka.")
                  .empty());
}

TEST(ExtractorTest, WeaponsFarFromTheAttackAreSupport) {
  const auto claims = Extract(
      "Russian troops attacked Ukrainian positions near Kupiansk with tanks "
      "and drones.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_ASSAULT ua.kharkiv.kupiansk SIDE_RUSSIA  "
                       "POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorTest, RejectedClaimsOfAnotherAreDenied) {
  const auto claims = Extract(
      "Ukraine's General Staff rejected Russian claims that Myropillia had "
      "fallen.");
  EXPECT_THAT(ClaimKeys(claims),
              ::testing::ElementsAre(
                  "CLAIM_TYPE_CAPTURE ua.sumy.myropillia SIDE_RUSSIA "
                  "ua.general_staff POLARITY_DENIED"));
}

TEST(ExtractorTest, KurskDirectionIsTheRegion) {
  const auto claims = Extract(
      "Минобороны: за сутки ВСУ потеряли на курском направлении более 200 "
      "военнослужащих.",
      "ru");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CASUALTIES ru.kursk SIDE_UKRAINE ru.mod "
                       "POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorTest, AStrikeNobodyClaimsIsTheOtherCountrys) {
  const auto claims = Extract(
      "Two ballistic missiles struck the center of Sumy, the city's acting "
      "mayor said.");
  EXPECT_THAT(ClaimKeys(claims),
              ::testing::ElementsAre("CLAIM_TYPE_MISSILE_STRIKE ua.sumy.sumy "
                                     "SIDE_RUSSIA  POLARITY_ASSERTED"));
}

TEST(ExtractorTest, DatelinesAndRiversAreNoPlaces) {
  const auto claims = Extract(
      "KHERSON, Ukraine, Oct 8 - A Russian drone dropped explosives on a car "
      "in Beryslav, killing two people, the Kherson regional governor said. "
      "Russian forces attacked islands in the Dnipro River delta.");
  EXPECT_THAT(ClaimKeys(claims),
              ::testing::ElementsAre(
                  "CLAIM_TYPE_DRONE_STRIKE ua.kherson.beryslav SIDE_RUSSIA  "
                  "POLARITY_ASSERTED",
                  "CLAIM_TYPE_CASUALTIES ua.kherson.beryslav SIDE_RUSSIA  "
                  "POLARITY_ASSERTED"));
}

TEST(ExtractorTest, LossesByAWeaponAreAStrikeToo) {
  const auto claims = Extract(
      "Два майора: обстановка на утро.\n\nВ районе Вербового расчёты FPV "
      "уничтожили пикап и склад боеприпасов ВСУ.",
      "ru");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_DRONE_STRIKE ua.zaporizhzhia.verbove "
                       "SIDE_RUSSIA dva_mayora POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorTest, TroopsInWhatIsDeniedDoNotDeny) {
  const auto claims = Extract(
      "В Генштабе ВСУ заявления о продвижении российских войск в Сумской "
      "области опровергли.",
      "ru");
  EXPECT_THAT(ClaimKeys(claims),
              ::testing::ElementsAre("CLAIM_TYPE_ADVANCE ua.sumy SIDE_RUSSIA "
                                     "ua.general_staff POLARITY_DENIED"));
}

TEST(ExtractorTest, APersonDescribedByAnActorIsNoneOfIt) {
  const auto claims = Extract(
      "Ukrainian military observer Kostyantyn Mashovets reported that Russian "
      "forces had attacked Velyka Novosilka.");
  EXPECT_THAT(ClaimKeys(claims),
              ::testing::ElementsAre(
                  "CLAIM_TYPE_ASSAULT ua.donetsk.velyka_novosilka SIDE_RUSSIA  "
                  "POLARITY_ASSERTED"));
}

TEST(ExtractorTest, ExpectationsAndYearsAgoCodeNothing) {
  EXPECT_TRUE(Extract("Others expect the Russian command to keep "
                      "concentrating troops on Kostiantynivka.")
                  .empty());
  EXPECT_TRUE(Extract("Vovchansk was largely destroyed a year ago, when "
                      "Russian forces attacked the town.")
                  .empty());
}

TEST(ExtractorTest, APeriodLongPastIsHistory) {
  const absl::Time published = absl::FromCivil(
      absl::CivilSecond(2025, 8, 10, 12, 0, 0), absl::UTCTimeZone());
  EXPECT_TRUE(ExtractShipped("Russian forces first entered Toretsk's eastern "
                             "outskirts in June 2024.",
                             "en", published)
                  .empty());
  EXPECT_FALSE(ExtractShipped("Russian forces entered Toretsk's eastern "
                              "outskirts in July.",
                              "en", published)
                   .empty());
}

TEST(ExtractorTest, ARegionOrDistrictDescribingAPlaceOnlyLocatesIt) {
  const auto claims = Extract(
      "In Krasnopillia, a town in Ukraine's Sumy region a few kilometers "
      "from the border, a Russian drone killed a 64-year-old man. The "
      "Russian MoD claimed that Russian forces repelled Ukrainian attacks "
      "near Tyotkino, Glushkovsky District.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_DRONE_STRIKE ua.sumy.krasnopillia "
                       "SIDE_RUSSIA  POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_REPELLED_ATTACK ru.kursk.tyotkino "
                       "SIDE_RUSSIA ru.mod POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorTest, ADeniedGainIsTheOtherSides) {
  const auto claims = Extract(
      "Russia's Defense Ministry said on Friday its troops had captured "
      "Ukrainsk, a claim Ukraine's General Staff rejected as false.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CAPTURE ua.donetsk.ukrainsk SIDE_RUSSIA "
                       "ua.general_staff POLARITY_DENIED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorTest, CompoundsAndCommonWordsAreNoNames) {
  // "Russia-Ukraine war": no side; "ровно": "exactly", not Rivne.
  for (const v1::Claim& c : Extract("Russia-Ukraine war live: fighting near "
                                    "Vovchansk and Dvorichna")) {
    EXPECT_NE(c.side(), v1::SIDE_UKRAINE) << c.sentence();
  }
  EXPECT_TRUE(Extract("Это не соответствует действительности — ситуация "
                      "ровно обратная.",
                      "ru")
                  .empty());
}

TEST(ExtractorTest, AWeaponRightAfterTheAttackIsItsOwn) {
  const auto claims = Extract(
      "Внаслідок атаки російських дронів на Запоріжжя постраждали п'ятеро "
      "людей.",
      "uk");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_DRONE_STRIKE ua.zaporizhzhia.zaporizhzhia "
                       "SIDE_RUSSIA  POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
  for (const v1::Claim& c : Extract(
           "Russia's Defense Ministry said its forces struck a Ukrainian drone "
           "assembly workshop near Kharkiv with an Iskander missile.")) {
    EXPECT_NE(c.type(), v1::CLAIM_TYPE_DRONE_STRIKE) << c.sentence();
  }
}

TEST(ExtractorTest, AssaultUnitsAreNoAssault) {
  const auto claims = Extract(
      "Рыбарь: обстановка.\n\nШтурмовые подразделения группировки «Север» "
      "продолжают продвижение в Сумской области.",
      "ru");
  EXPECT_THAT(
      ClaimKeys(claims),
      ::testing::ElementsAre("CLAIM_TYPE_ADVANCE ua.sumy SIDE_RUSSIA rybar "
                             "POLARITY_ASSERTED"));
}

TEST(ExtractorTest, AQuotedNameEndsNoClause) {
  const auto claims = Extract(
      "Минобороны: в Сумской области группировка «Север» продвинулась.", "ru");
  EXPECT_THAT(ClaimKeys(claims),
              ::testing::ElementsAre("CLAIM_TYPE_ADVANCE ua.sumy SIDE_RUSSIA "
                                     "ru.mod POLARITY_ASSERTED"));
}

TEST(ExtractorTest, AWeaponNamesItsSide) {
  const auto claims = Extract(
      "Рыбарь: обстановка.\n\nНочью «Герани» отработали по объектам "
      "энергетики в Шостке.",
      "ru");
  EXPECT_THAT(ClaimKeys(claims),
              ::testing::ElementsAre("CLAIM_TYPE_DRONE_STRIKE ua.sumy.shostka "
                                     "SIDE_RUSSIA rybar POLARITY_ASSERTED"));
}

TEST(ExtractorTest, SaidThenRejectedIsCodedForBoth) {
  const auto claims = Extract(
      "Russia's Defense Ministry said on Friday its troops had captured "
      "Ukrainsk, a claim Ukraine's General Staff rejected as false.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CAPTURE ua.donetsk.ukrainsk SIDE_RUSSIA "
                       "ru.mod POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorTest, TheDeniersOwnWordsStandBesideTheDenial) {
  const auto claims = Extract(
      "Главнокомандующий ВСУ Александр Сырский опроверг информацию о "
      "захвате Купянска, заявив, что украинские подразделения удерживают "
      "северную часть города.",
      "ru");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CAPTURE ua.kharkiv.kupiansk SIDE_RUSSIA "
                       "ua.syrskyi POLARITY_DENIED"))
      << testing::PrintToString(ClaimKeys(claims));
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CONTROL ua.kharkiv.kupiansk SIDE_UKRAINE "
                       "ua.syrskyi POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorTest, AFrontedPlaceMayFollowOneWord) {
  const auto claims = Extract(
      "Upriver in Beryslav, a drone dropped explosives on an aid point, "
      "injuring two volunteers, the town's military administration said.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_DRONE_STRIKE ua.kherson.beryslav "
                       "SIDE_RUSSIA  POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CASUALTIES ua.kherson.beryslav SIDE_RUSSIA "
                       " POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorTest, ADenialNobodyMakesLeavesTheStatement) {
  // Once a null dereference: a denial with no denier after a speaker.
  const auto claims = Extract(
      "Russian troops captured Kurakhove, the Russian Defense Ministry said, "
      "a claim that is false.");
  EXPECT_THAT(ClaimKeys(claims),
              ::testing::ElementsAre("CLAIM_TYPE_CAPTURE ua.donetsk.kurakhove "
                                     "SIDE_RUSSIA ru.mod POLARITY_ASSERTED"));
}

}  // namespace
}  // namespace frontline::extract
