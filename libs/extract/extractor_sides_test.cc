// Who speaks and whose act it is, in long reports: headings and bulletins,
// pronouns for the last speaker, statements denied, the side a text takes,
// weapons and their targets.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "libs/extract/extractor.h"
#include "libs/extract/test_util.h"

namespace frontline::extract {
namespace {

std::vector<v1::Claim> Extract(absl::string_view text,
                               absl::string_view language = "en") {
  return ExtractShipped(
      text, language,
      absl::FromCivil(absl::CivilSecond(2025, 5, 20, 12, 0, 0),
                      absl::UTCTimeZone()));
}

TEST(ExtractorSidesTest, BulletinTitleSpeaksForTheText) {
  const auto claims = Extract(
      "Сводка Министерства обороны Российской Федерации о ходе проведения "
      "специальной военной операции\n"
      "Подразделения группировки войск «Запад» освободили населённый пункт "
      "Синьковка Харьковской области.",
      "ru");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CAPTURE ua.kharkiv.synkivka SIDE_RUSSIA "
                       "ru.mod POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorSidesTest, TitledHeadingSpeaksForTheText) {
  const auto claims = Extract(
      "Олег Синєгубов, начальник Харківської ОВА: ситуація за добу\n"
      "Куп'янськ: унаслідок артилерійського обстрілу міста загинув чоловік.",
      "uk");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_SHELLING ua.kharkiv.kupiansk SIDE_RUSSIA "
                       "ua.syniehubov POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorSidesTest, UnknownSpeakerIsNotTheHeading) {
  const auto claims = Extract(
      "Алаудинов: бойцы продвинулись под Покровском\n"
      "Украинские войска обстреляли Новую Каховку, сообщил глава округа "
      "Владимир Леонтьев.",
      "ru");
  for (const v1::Claim& c : claims) {
    if (c.place_id() == "ua.kherson.nova_kakhovka") {
      EXPECT_EQ(c.claimant().id(), "") << c.sentence();
    }
  }
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_SHELLING ua.kherson.nova_kakhovka "
                       "SIDE_UKRAINE  POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorSidesTest, AccordingToHimIsThePreviousSpeaker) {
  const auto claims = Extract(
      "Украинские военные атаковали Курскую область, сообщил военкор "
      "Александр Коц. По его словам, атака была отбита у Бердина.",
      "ru");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_REPELLED_ATTACK ru.kursk.berdin SIDE_RUSSIA "
                       "ru.milbloggers POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorSidesTest, DeniedStatementIsAlsoAssertedByItsAuthor) {
  const auto claims = Extract(
      "Russian troops have stormed Kupiansk, Russia's Defense Ministry said "
      "on Wednesday, a claim Ukraine's General Staff swiftly rejected.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_ASSAULT ua.kharkiv.kupiansk SIDE_RUSSIA "
                       "ru.mod POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_ASSAULT ua.kharkiv.kupiansk SIDE_RUSSIA "
                       "ua.general_staff POLARITY_DENIED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorSidesTest, WordsOfAUkrainianOutletInRussianSetItsVoice) {
  const auto claims = Extract(
      "Силы обороны Украины отразили атаку оккупантов. Ночью противник "
      "атаковал Сумы ударными дронами.",
      "ru");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_DRONE_STRIKE ua.sumy.sumy SIDE_RUSSIA  "
                       "POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorSidesTest, WeaponBelongsToTheClauseSubject) {
  const auto claims = Extract(
      "Voloshyn said Ukrainian troops had hit a Russian ferry crossing near "
      "Hola Prystan with HIMARS rockets.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_SHELLING ua.kherson.hola_prystan "
                       "SIDE_UKRAINE ua.voloshyn POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorSidesTest, ObjectOfTheFirstVerbIsNotSubjectOfTheSecond) {
  const auto claims = Extract(
      "Russian troops have stormed Kupiansk and reached its center, Russia's "
      "Defense Ministry said.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_ADVANCE ua.kharkiv.kupiansk SIDE_RUSSIA "
                       "ru.mod POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorSidesTest, PassiveRepulseIsTheOtherSidesDoing) {
  const auto claims = Extract(
      "It said 11 Russian attacks had been repelled near Sumy, Ukraine's "
      "General Staff reported.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_REPELLED_ATTACK ua.sumy.sumy SIDE_UKRAINE "
                       "ua.general_staff POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorSidesTest, BearingNamesNoAntecedent) {
  const auto claims = Extract(
      "Chasiv Yar, a hilltop town west of Bakhmut, has held out for a year. "
      "Russia's Defense Ministry said its forces had completed the capture of "
      "the town.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CAPTURE ua.donetsk.chasiv_yar SIDE_RUSSIA "
                       "ru.mod POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorSidesTest, ThereIsAPlaceUnlessItIsExistential) {
  const auto claims = Extract(
      "Ukraine's General Staff said Russian infantry tried to storm positions "
      "near Guyevo. North Korean troops had lost at least 40 men there, it "
      "said. There were no other attacks.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CASUALTIES ru.kursk.guyevo SIDE_RUSSIA "
                       "ua.general_staff POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorSidesTest, AccordingToAnUnknownBodyIsNoActorAfterIt) {
  const auto claims = Extract(
      "According to the district military administration, Russian forces "
      "shelled Beryslav 37 times.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_SHELLING ua.kherson.beryslav SIDE_RUSSIA  "
                       "POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorSidesTest, AnOutletToldIsNotTheSpeaker) {
  const auto claims = Extract(
      "Источник сообщил ТАСС, что украинское командование стягивает резервы "
      "к Сумам.",
      "ru");
  for (const v1::Claim& c : claims) {
    EXPECT_NE(c.claimant().id(), "tass") << c.sentence();
  }
  EXPECT_FALSE(claims.empty());
}

TEST(ExtractorSidesTest, HeadingPlaceAfterAnAbbreviationLocatesItsLine) {
  const auto claims = Extract(
      "Олег Синєгубов: ситуація в області\n"
      "м. Харків: вночі ворог атакував Слобідський район ударними БпЛА.",
      "uk");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_DRONE_STRIKE ua.kharkiv.kharkiv SIDE_RUSSIA "
                       "ua.syniehubov POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorSidesTest, NoneHurtCodesNoLosses) {
  for (const v1::Claim& c :
       Extract("Куп'янський район: смт Борова — артилерійський обстріл, "
               "поранених немає.",
               "uk")) {
    EXPECT_NE(c.type(), v1::CLAIM_TYPE_CASUALTIES) << c.sentence();
  }
}

TEST(ExtractorSidesTest, SubjectAfterTheVerbEndsItsClause) {
  const auto claims = ExtractShipped(
      "DeepState: противник накопичує сили біля Мирнограда, однак місто "
      "тримають наші підрозділи.",
      "uk");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CONTROL ua.donetsk.myrnohrad SIDE_UKRAINE "
                       "deepstate POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorSidesTest, DestroyingThingsKillsNoOne) {
  const auto things = ExtractShipped(
      "Минобороны: ракетой «Искандер-М» уничтожен склад боеприпасов ВСУ под "
      "Краматорском.",
      "ru");
  for (const v1::Claim& c : things) {
    EXPECT_NE(c.type(), v1::CLAIM_TYPE_CASUALTIES) << c.sentence();
  }
  EXPECT_FALSE(things.empty());
  const auto people = ExtractShipped(
      "Минобороны: под Краматорском уничтожено до 40 военнослужащих ВСУ.",
      "ru");
  EXPECT_TRUE(HasClaim(people,
                       "CLAIM_TYPE_CASUALTIES ua.donetsk.kramatorsk "
                       "SIDE_UKRAINE ru.mod POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(people));
}

TEST(ExtractorSidesTest, AnActNamedByANounIsDoneByWhoFollowsIt) {
  const auto claims = ExtractShipped(
      "DeepState: аналітики повідомили про просування окупантів поблизу "
      "Родинського.",
      "uk");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_ADVANCE ua.donetsk.rodynske SIDE_RUSSIA "
                       "deepstate POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorSidesTest, NoConfirmedChangesIsNoOneSpeaking) {
  const auto claims = ExtractShipped(
      "Russian Offensive Campaign Assessment, October 3\n\nRussian forces "
      "continued limited offensive operations near Stepnohirsk, but there "
      "were no confirmed changes to the frontline.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_ASSAULT ua.zaporizhzhia.stepnohirsk "
                       "SIDE_RUSSIA isw POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorSidesTest, DronesShotDownOverAPlaceAreTheSendersStrike) {
  const auto claims = Extract(
      "Russia's Defence Ministry said air defences had shot down 47 Ukrainian "
      "drones overnight over the Kursk and Belgorod regions.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_DRONE_STRIKE ru.kursk SIDE_UKRAINE ru.mod "
                       "POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
  EXPECT_TRUE(
      HasClaim(claims,
               "CLAIM_TYPE_DRONE_STRIKE ru.belgorod SIDE_UKRAINE ru.mod "
               "POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
  EXPECT_EQ(claims.size(), 2u) << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorSidesTest, DronesShotDownAreNotTheShootersStrike) {
  const auto claims = Extract(
      "Russian air defences shot down 31 drones over the Bryansk region, the "
      "Russian Defense Ministry said.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_DRONE_STRIKE ru.bryansk SIDE_UKRAINE ru.mod "
                       "POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
  const auto bulletin = Extract(
      "Сводка Министерства обороны Российской Федерации\n"
      "Дежурными средствами ПВО уничтожены 26 беспилотников над Брянской "
      "областью.",
      "ru");
  EXPECT_TRUE(HasClaim(bulletin,
                       "CLAIM_TYPE_DRONE_STRIKE ru.bryansk SIDE_UKRAINE ru.mod "
                       "POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(bulletin));
}

TEST(ExtractorSidesTest, DronesShotDownNowhereNamedCodeNothing) {
  const auto claims = Extract(
      "Сводка Министерства обороны Российской Федерации\n"
      "Средствами противовоздушной обороны за сутки сбиты 186 беспилотных "
      "летательных аппаратов самолетного типа.",
      "ru");
  EXPECT_TRUE(claims.empty()) << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorSidesTest, DronesThatDestroyAreStillTheirSidesStrike) {
  const auto claims = Extract(
      "Ukrainian drones destroyed a fuel depot in the Bryansk region, the "
      "General Staff said.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_DRONE_STRIKE ru.bryansk SIDE_UKRAINE "
                       "ua.general_staff POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorSidesTest, AttacksOfOneSideRepelledAreTheOthersRepulse) {
  const auto claims = Extract(
      "Рыбарь: Попытки ВСУ контратаковать у Малой Локни были отбиты.", "ru");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_REPELLED_ATTACK ru.kursk.malaya_loknya "
                       "SIDE_RUSSIA rybar POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorSidesTest, UnderTheControlOfNamesWhoControls) {
  const auto claims = Extract(
      "Рыбарь: Суджа по-прежнему остается под контролем противника.", "ru");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CONTROL ru.kursk.sudzha SIDE_UKRAINE "
                       "rybar POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorSidesTest, TheAdjectiveOfAPlaceIsNoSide) {
  const auto claims = Extract(
      "A Russian ballistic missile slammed into a residential neighborhood "
      "of the northeastern Ukrainian city of Sumy, killing three people.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CASUALTIES ua.sumy.sumy SIDE_RUSSIA  "
                       "POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorSidesTest, AWeaponNamedForAStrikeIsNoStrikeOfItsOwn) {
  const auto claims = Extract("Вечером ВСУ обстреляли Рыльск из HIMARS.", "ru");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_SHELLING ru.kursk.rylsk SIDE_UKRAINE  "
                       "POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
  EXPECT_EQ(claims.size(), 1u) << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorSidesTest, StrikesDealtWithAWeaponAreItsStrikes) {
  const auto claims = Extract(
      "Сводка Министерства обороны Российской Федерации\n"
      "Авиацией и артиллерией нанесены удары по скоплениям живой силы "
      "противника в районе населенного пункта Гуево.",
      "ru");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_SHELLING ru.kursk.guyevo SIDE_RUSSIA "
                       "ru.mod POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
  EXPECT_EQ(claims.size(), 1u) << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorSidesTest, DronesBroughtDownInAParticipleAreStrikes) {
  const auto claims = Extract(
      "Минобороны сообщило о 23 беспилотниках, сбитых ночью над Курской и "
      "Брянской областями.",
      "ru");
  for (const char* region : {"ru.kursk", "ru.bryansk"}) {
    EXPECT_TRUE(HasClaim(claims, std::string("CLAIM_TYPE_DRONE_STRIKE ") +
                                     region +
                                     " SIDE_UKRAINE ru.mod POLARITY_ASSERTED"))
        << region << testing::PrintToString(ClaimKeys(claims));
  }
}

TEST(ExtractorSidesTest, PeopleTakenAreNoPlaceTaken) {
  const auto claims = Extract(
      "Zelenskyy said Ukrainian forces had taken two North Korean soldiers "
      "prisoner in the Kursk region.");
  for (const v1::Claim& c : claims) {
    EXPECT_NE(c.type(), v1::CLAIM_TYPE_CAPTURE) << c.sentence();
  }
  const auto place = Extract(
      "Russian military bloggers said Russian troops had taken Synkivka.");
  EXPECT_TRUE(HasClaim(place,
                       "CLAIM_TYPE_CAPTURE ua.kharkiv.synkivka SIDE_RUSSIA "
                       "ru.milbloggers POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(place));
}

TEST(ExtractorSidesTest, AStateEchoingItsMinistryIsOneClaim) {
  const auto claims = Extract(
      "Russia says it has taken Chasiv Yar.\n"
      "Russia's Defence Ministry said on Tuesday its troops had captured "
      "Chasiv Yar.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CAPTURE ua.donetsk.chasiv_yar SIDE_RUSSIA "
                       "ru.mod POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
  EXPECT_EQ(claims.size(), 1u) << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorSidesTest, EachWeaponLaunchedIsAStrike) {
  const auto claims = Extract(
      "Zelenskyy said Russia had launched more than 1,300 drones and nearly "
      "50 missiles at Ukraine over the past week.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_DRONE_STRIKE  SIDE_RUSSIA ua.zelensky "
                       "POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_MISSILE_STRIKE  SIDE_RUSSIA ua.zelensky "
                       "POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorSidesTest, AStrikeAndItsTollAreTwoClaims) {
  const auto claims = Extract(
      "In Dnipro, a drone attack in the early hours set an industrial "
      "facility on fire and injured a 54-year-old man, the regional military "
      "administration said.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_DRONE_STRIKE ua.dnipropetrovsk.dnipro "
                       "SIDE_RUSSIA  POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CASUALTIES ua.dnipropetrovsk.dnipro "
                       "SIDE_RUSSIA  POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

}  // namespace
}  // namespace frontline::extract
