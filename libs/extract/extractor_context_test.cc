// What the coder reads across clauses and sentences: anaphors, pronouns,
// attributions set off by commas, denials of the previous sentence, and the
// clause a place belongs to.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/extract/extractor.h"
#include "libs/extract/test_util.h"

namespace frontline::extract {
namespace {

std::vector<v1::Claim> Extract(absl::string_view text,
                               absl::string_view language = "en") {
  return ExtractShipped(text, language);
}

TEST(ExtractorContextTest, TheTownIsTheLatestTownNamed) {
  const auto claims = Extract(
      "Russian forces attacked Kurakhove overnight. By morning they had "
      "captured the town, the Russian Defense Ministry said.");
  EXPECT_TRUE(
      HasClaim(claims,
               "CLAIM_TYPE_CAPTURE ua.donetsk.kurakhove SIDE_RUSSIA ru.mod "
               "POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, TheTownOfNameIsNoAnaphor) {
  const auto claims = Extract(
      "Shelling hit Kherson on Monday. Russian troops captured the town of "
      "Kurakhove, the Russian Defense Ministry said.");
  EXPECT_TRUE(
      HasClaim(claims,
               "CLAIM_TYPE_CAPTURE ua.donetsk.kurakhove SIDE_RUSSIA ru.mod "
               "POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
  for (const v1::Claim& c : claims) {
    if (c.type() == v1::CLAIM_TYPE_CAPTURE) {
      EXPECT_NE(c.place_id(), "ua.kherson.kherson");
    }
  }
}

TEST(ExtractorContextTest, TheyIsThePreviousSentencesActor) {
  const auto claims = Extract(
      "Russian forces are pressing on Pokrovsk from the south. They have "
      "advanced to within about 1 mile of the city, according to the "
      "Institute for the Study of War.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_ADVANCE ua.donetsk.pokrovsk SIDE_RUSSIA isw "
                       "POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, TheySaidIsThePreviousSentencesSpeaker) {
  const auto claims = Extract(
      "According to the Russian Defense Ministry, Russian troops took "
      "Kurakhove. Additionally, they claimed to have taken control of "
      "Dachenske.");
  EXPECT_TRUE(
      HasClaim(claims,
               "CLAIM_TYPE_CAPTURE ua.donetsk.dachenske SIDE_RUSSIA ru.mod "
               "POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, NamedAppositiveSpeaker) {
  const auto claims = Extract(
      "A Russian drone struck Kupiansk, the region's military governor, Oleh "
      "Syniehubov, reported.");
  EXPECT_TRUE(
      HasClaim(claims,
               "CLAIM_TYPE_DRONE_STRIKE ua.kharkiv.kupiansk SIDE_RUSSIA "
               "ua.syniehubov POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, DescribedSpeakerBeforeTheDescription) {
  const auto claims = Extract(
      "RIA Novosti, a Russian state news outlet, claimed that 340 Ukrainian "
      "soldiers had been killed in the Kursk region.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CASUALTIES ru.kursk SIDE_UKRAINE ria "
                       "POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, CoordinatedSpeakersFirstConjunct) {
  const auto claims = Extract(
      "North Korea has dispatched more than 11,000 soldiers to fight in "
      "Kursk, Ukrainian and U.S. officials have said.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_TROOP_DEPLOYMENT ru.kursk SIDE_RUSSIA "
                       "ua.officials POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest,
     AttributionWithItsOwnObjectSpeaksForNoEarlierClause) {
  const auto claims = Extract(
      "While the scale of the Ukrainian offensive in Kursk remains unclear, "
      "Russian officials reported heavy shelling of Sumy.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_ASSAULT ru.kursk SIDE_UKRAINE  "
                       "POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
  EXPECT_FALSE(HasClaim(claims,
                        "CLAIM_TYPE_ASSAULT ru.kursk SIDE_UKRAINE ru.officials "
                        "POLARITY_ASSERTED"));
}

TEST(ExtractorContextTest, DenyingThoseAccountsDeniesThePreviousSentence) {
  const auto claims = Extract(
      "Russian military bloggers claimed that Russian troops recaptured "
      "Pogrebki. Ukrainian officials denied those accounts.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CAPTURE ru.kursk.pogrebki SIDE_RUSSIA "
                       "ru.milbloggers POLARITY_ASSERTED"));
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CAPTURE ru.kursk.pogrebki SIDE_RUSSIA "
                       "ua.officials POLARITY_DENIED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, PlaceBeforeACommaBelongsToAnotherClause) {
  const auto claims = Extract(
      "Despite the battle for Kursk, Ukraine has managed to hang on to more "
      "than 150 square miles of land.");
  EXPECT_TRUE(HasClaim(
      claims, "CLAIM_TYPE_TERRITORY_HELD  SIDE_UKRAINE  POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
  EXPECT_FALSE(HasClaim(claims,
                        "CLAIM_TYPE_TERRITORY_HELD ru.kursk SIDE_UKRAINE  "
                        "POLARITY_ASSERTED"));
}

TEST(ExtractorContextTest, UnknownLocationLeavesNoPlace) {
  const auto claims = Extract(
      "Ukrainian troops attacked in Kursk, while Russian forces continued "
      "their assaults in eastern Ukraine.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_ASSAULT ru.kursk SIDE_UKRAINE  "
                       "POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
  for (const v1::Claim& c : claims) {
    EXPECT_FALSE(c.side() == v1::SIDE_RUSSIA && c.place_id() == "ru.kursk")
        << c.sentence();
  }
}

TEST(ExtractorContextTest, RegionOfNameIsTheRegion) {
  const auto claims = Extract(
      "A Russian drone seriously injured three police officers in the eastern "
      "region "
      "of Kharkiv, Syniehubov said.");
  EXPECT_TRUE(
      HasClaim(claims,
               "CLAIM_TYPE_CASUALTIES ua.kharkiv SIDE_RUSSIA ua.syniehubov "
               "POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, NegatedPatternsCodeNothing) {
  EXPECT_TRUE(Extract("The Russians said there were no casualties in "
                      "Enerhodar.")
                  .empty());
  EXPECT_TRUE(
      Extract("Russian troops have not captured Pokrovsk, DeepState said.")
          .empty());
}

TEST(ExtractorContextTest, EveryClaimHasASide) {
  const auto claims = Extract(
      "Unofficial reports said at least seven people were injured in Kherson "
      "after the attack. Russian troops shelled Nikopol.");
  EXPECT_FALSE(claims.empty());
  for (const v1::Claim& c : claims) {
    EXPECT_TRUE(c.side() == v1::SIDE_RUSSIA || c.side() == v1::SIDE_UKRAINE)
        << c.sentence();
  }
}

TEST(ExtractorContextTest, UkrainianReportVoiceSidesStrikesAndLosses) {
  const auto claims = Extract(
      "Ворог атакував FPV-дронами Краснопілля, поранено двох цивільних.", "uk");
  EXPECT_TRUE(
      HasClaim(claims,
               "CLAIM_TYPE_DRONE_STRIKE ua.sumy.krasnopillia SIDE_RUSSIA  "
               "POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
  EXPECT_TRUE(
      HasClaim(claims,
               "CLAIM_TYPE_CASUALTIES ua.sumy.krasnopillia SIDE_RUSSIA  "
               "POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, PlacesJoinedByAndAreEachClaimed) {
  const auto claims = Extract(
      "Ukraine's General Staff said its troops had repelled seven Russian "
      "assaults near Mala Tokmachka and Orikhiv.");
  EXPECT_TRUE(
      HasClaim(claims,
               "CLAIM_TYPE_REPELLED_ATTACK ua.zaporizhzhia.mala_tokmachka "
               "SIDE_UKRAINE ua.general_staff POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_REPELLED_ATTACK ua.zaporizhzhia.orikhiv "
                       "SIDE_UKRAINE ua.general_staff POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, HistoryCodesNothing) {
  // Published 2025-01-06: 2022 is history, 2024 is last year's news.
  EXPECT_TRUE(Extract("Russian troops seized the Zaporizhzhia plant in March "
                      "2022.")
                  .empty());
  EXPECT_TRUE(
      Extract("Нагадаємо, російські війська окупували Сумщину.", "uk").empty());
  EXPECT_FALSE(Extract("Over the course of 2024, Russia captured 4,168 square "
                       "kilometers of territory, ISW reported.")
                   .empty());
}

TEST(ExtractorContextTest, ItSaidIsThePreviousSpeakerOnly) {
  const auto claims = Extract(
      "Ukraine's General Staff gave its evening update. It said Ukrainian "
      "troops had repelled nine Russian assaults near Malaya Loknya.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_REPELLED_ATTACK ru.kursk.malaya_loknya "
                       "SIDE_UKRAINE ua.general_staff POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, CompoundAdjectiveNamesNoActor) {
  const auto claims = Extract(
      "A Ukrainian drone struck the Zaporizhzhia nuclear plant, the plant's "
      "Russian-installed management said.");
  for (const v1::Claim& c : claims) {
    EXPECT_NE(c.claimant().id(), "ru.forces") << c.sentence();
  }
  EXPECT_FALSE(claims.empty());
}

TEST(ExtractorContextTest, FigureWithoutPlaceTakesThePlaceBefore) {
  const auto claims = Extract(
      "Fighting continued in the Kursk region on Sunday. The Russian Defense "
      "Ministry said Ukrainian forces attacked with at least a dozen armored "
      "vehicles.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_ASSAULT ru.kursk SIDE_UKRAINE ru.mod "
                       "POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, PeopleHurtAfterAQuietSentenceAreTheStrikes) {
  const auto claims = Extract(
      "Окупанти обстріляли Запоріжжя. Пошкоджено два будинки. Поранено трьох "
      "людей.",
      "uk");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CASUALTIES ua.zaporizhzhia.zaporizhzhia "
                       "SIDE_RUSSIA  POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, TalkOfCasualtiesIsNoToll) {
  const auto claims = Extract(
      "Russian artillery shelled Kherson. The governor said reports about "
      "casualties were being verified.");
  for (const v1::Claim& c : claims) {
    EXPECT_NE(c.type(), v1::CLAIM_TYPE_CASUALTIES) << c.sentence();
  }
  EXPECT_FALSE(claims.empty());
}

TEST(ExtractorContextTest, SignatureLineSpeaksForThePost) {
  const auto claims = Extract(
      "Олег Синєгубов | Харківська ОВА\n\nЧугуївський район: ворог обстріляв "
      "Чугуїв.",
      "uk");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_SHELLING ua.kharkiv.chuhuiv SIDE_RUSSIA "
                       "ua.syniehubov POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, UnknownSpeakerGoesOnInTheNextSentence) {
  const auto claims = Extract(
      "Минобороны: российские войска освободили Плехово.\n\nГубернатор "
      "сообщил, что ВСУ атаковали беспилотниками Каменку-Днепровскую. "
      "Повреждена подстанция, погиб мужчина.",
      "ru");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CASUALTIES "
                       "ua.zaporizhzhia.kamianka_dniprovska SIDE_UKRAINE  "
                       "POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
  for (const v1::Claim& c : claims) {
    if (c.place_id() == "ua.zaporizhzhia.kamianka_dniprovska") {
      EXPECT_EQ(c.claimant().id(), "") << c.sentence();
    }
  }
}

TEST(ExtractorContextTest, OutletBeforeTheVerbWasTold) {
  const auto claims = Extract(
      "Об этом ТАСС сообщил командир спецназа «Ахмат», заместитель "
      "начальника управления Апти Алаудинов. По его словам, ВСУ за неделю "
      "потеряли под Ореховом от 150 до 200 человек.",
      "ru");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CASUALTIES ua.zaporizhzhia.orikhiv "
                       "SIDE_UKRAINE ru.alaudinov POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, AttacksRepelledAreThoseJustReported) {
  const auto claims = Extract(
      "На Лиманському напрямку противник 11 разів намагався просунутися "
      "вперед у районі Лимана. Усі атаки відбито.",
      "uk");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_REPELLED_ATTACK ua.donetsk.lyman "
                       "SIDE_UKRAINE  POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, AttacksRepelledInANewParagraphAreNotCarried) {
  const auto claims = Extract(
      "Противник намагався просунутися вперед у районі Лимана.\n\nУсі атаки "
      "відбито.",
      "uk");
  for (const v1::Claim& c : claims) {
    EXPECT_NE(c.type(), v1::CLAIM_TYPE_REPELLED_ATTACK) << c.sentence();
  }
}

TEST(ExtractorContextTest, HeSaidGoesOnWithAnUnknownSpeaker) {
  const auto claims = Extract(
      "Ukraine's General Staff reported fighting near Vovchansk. Russian "
      "units attacked Ukrainian positions near Myropillia, said Andriy "
      "Demchenko. All the attacks were repelled, he said.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_REPELLED_ATTACK ua.sumy.myropillia "
                       "SIDE_UKRAINE  POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, ButReportedIsTheSubjectsReport) {
  const auto claims = Extract(
      "DeepState showed no change around Synkivka on Wednesday, but reported "
      "that Russian troops had advanced near Kupiansk-Vuzlovyi.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_ADVANCE ua.kharkiv.kupiansk_vuzlovyi "
                       "SIDE_RUSSIA deepstate POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, UnnamedSpeakersAreNoTroopsAndNoClaimant) {
  const auto claims = Extract(
      "Два майора: обстановка на утро.\n\nУкраинские паблики с утра пишут, "
      "что ВСУ якобы заняли Погребки.",
      "ru");
  EXPECT_THAT(ClaimKeys(claims),
              ::testing::ElementsAre("CLAIM_TYPE_CAPTURE ru.kursk.pogrebki "
                                     "SIDE_UKRAINE  POLARITY_ASSERTED"));
}

TEST(ExtractorContextTest, AnOfficeNamedForAPlaceIsNoPlace) {
  const auto claims = Extract(
      "Russian shelling killed a man, the Kherson regional governor said.");
  for (const v1::Claim& c : claims) {
    EXPECT_NE(c.place_id(), "ua.kherson.kherson") << c.sentence();
  }
}

TEST(ExtractorContextTest, AnUnnamedSpeakerIsReportedInTheTextsVoice) {
  const auto claims = Extract(
      "Рыбарь: обстановка.\n\nУкраинские паблики пишут о том, что наши "
      "подразделения отошли из Юнаковки.",
      "ru");
  EXPECT_THAT(ClaimKeys(claims),
              ::testing::ElementsAre("CLAIM_TYPE_WITHDRAWAL ua.sumy.yunakivka "
                                     "SIDE_RUSSIA  POLARITY_ASSERTED"));
}

TEST(ExtractorContextTest, TheAttackersFellBackFromWhereTheyAttacked) {
  const auto claims = Extract(
      "Рыбарь: обстановка.\n\nВ Курской области ВСУ вновь попытались "
      "прорваться у Тёткино. Атака отбита, противник отошёл на исходные.",
      "ru");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_REPELLED_ATTACK ru.kursk.tyotkino "
                       "SIDE_RUSSIA rybar POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_WITHDRAWAL ru.kursk.tyotkino SIDE_UKRAINE "
                       "rybar POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, TheTextsVoiceDeniesWhatOthersWrite) {
  const auto claims = Extract(
      "Два майора: обстановка.\n\nУкраинские паблики с утра пишут, что ВСУ "
      "якобы заняли Погребки. Это не так: посёлок полностью под контролем "
      "наших подразделений.",
      "ru");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CAPTURE ru.kursk.pogrebki SIDE_UKRAINE "
                       "dva_mayora POLARITY_DENIED"))
      << testing::PrintToString(ClaimKeys(claims));
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CONTROL ru.kursk.pogrebki SIDE_RUSSIA "
                       "dva_mayora POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, WhatTheWeaponsStruckIsTheTarget) {
  const auto claims = Extract(
      "Ukraine's General Staff said its drones had struck a Russian fuel "
      "depot in Nova Kakhovka.");
  EXPECT_THAT(ClaimKeys(claims),
              ::testing::ElementsAre(
                  "CLAIM_TYPE_DRONE_STRIKE ua.kherson.nova_kakhovka "
                  "SIDE_UKRAINE ua.general_staff POLARITY_ASSERTED"));
}

TEST(ExtractorContextTest, ATitleEndingWithItsSpeakerHeadsTheText) {
  const auto claims = Extract(
      "Российские военные продвинулись к окраинам Юнаковки — Алаудинов\n\n"
      "Российские военные продвинулись к окраинам населенного пункта "
      "Юнаковка в Сумской области, заявил ТАСС командир спецназа «Ахмат» "
      "Апти Алаудинов.",
      "ru");
  for (const v1::Claim& c : claims) {
    EXPECT_EQ(c.claimant().id(), "ru.alaudinov") << c.sentence();
  }
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_ADVANCE ua.sumy.yunakivka SIDE_RUSSIA "
                       "ru.alaudinov POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, AStrikeReportedAsOnesOwnIsTheSpeakersSide) {
  const auto claims = Extract(
      "Минобороны: ударными беспилотными летательными аппаратами поражены "
      "склады горючего в районе Кривого Рога.",
      "ru");
  EXPECT_THAT(ClaimKeys(claims),
              ::testing::ElementsAre(
                  "CLAIM_TYPE_DRONE_STRIKE ua.dnipropetrovsk.kryvyi_rih "
                  "SIDE_RUSSIA ru.mod POLARITY_ASSERTED"));
  const auto ukrainian = Extract(
      "Ukraine's General Staff says long-range drones struck an oil depot in "
      "the Bryansk region overnight.");
  EXPECT_THAT(ClaimKeys(ukrainian),
              ::testing::ElementsAre("CLAIM_TYPE_DRONE_STRIKE ru.bryansk "
                                     "SIDE_UKRAINE ua.general_staff "
                                     "POLARITY_ASSERTED"));
}

TEST(ExtractorContextTest, AboutThisSaysWhoReportedTheSentenceBefore) {
  const auto claims = Extract(
      "Украинские беспилотники за минувшие сутки атаковали Льгов. Об этом "
      "сообщил в своем Telegram-канале врио губернатора Курской области "
      "Александр Хинштейн.",
      "ru");
  EXPECT_THAT(ClaimKeys(claims),
              ::testing::ElementsAre("CLAIM_TYPE_DRONE_STRIKE ru.kursk.lgov "
                                     "SIDE_UKRAINE ru.khinshtein "
                                     "POLARITY_ASSERTED"));
}

TEST(ExtractorContextTest, ARelativeClauseIsAboutThePlacesBeforeIt) {
  const auto claims = Extract(
      "Ukraine's General Staff says the heaviest fighting is on the Pokrovsk "
      "and Kurakhove fronts, where Russian forces have attacked 44 times.");
  for (const char* place : {"ua.donetsk.pokrovsk", "ua.donetsk.kurakhove"}) {
    EXPECT_TRUE(HasClaim(claims, std::string("CLAIM_TYPE_ASSAULT ") + place +
                                     " SIDE_RUSSIA ua.general_staff "
                                     "POLARITY_ASSERTED"))
        << place << testing::PrintToString(ClaimKeys(claims));
  }
}

TEST(ExtractorContextTest, AFrontedFrontIsThePlaceOfItsSentence) {
  const auto claims = Extract(
      "On the Pokrovsk front, Russian forces have attacked 44 times, "
      "Ukraine's General Staff says.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_ASSAULT ua.donetsk.pokrovsk SIDE_RUSSIA "
                       "ua.general_staff POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, ClaimsBySomeoneDeniedAreDenied) {
  const auto claims = Extract(
      "Viktor Trehubov said Ukrainian troops held their positions. He denies "
      "claims by Russian military bloggers that Russian units have captured "
      "Kupiansk.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CAPTURE ua.kharkiv.kupiansk SIDE_RUSSIA "
                       "ua.trehubov POLARITY_DENIED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, DecliningToCommentOnReportsAssertsNothing) {
  const auto claims = Extract(
      "Kremlin spokesman Dmitry Peskov declines to comment on reports that "
      "North Korean troops are fighting in the Kursk region.");
  EXPECT_TRUE(claims.empty()) << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, AccordingToHimIsWhoDeniedLast) {
  const auto claims = Extract(
      "Він також спростував заяви російських воєнкорів про захоплення "
      "Торецька, повідомив Трегубов. За словами речника, Сили оборони "
      "відбили 14 атак біля Торецька.",
      "uk");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_REPELLED_ATTACK ua.donetsk.toretsk "
                       "SIDE_UKRAINE ua.trehubov POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, WhatStandsBeforeButIsNotDenied) {
  const auto claims = Extract(
      "Трегубов: росіяни просуваються в Торецьку, але заяви про захоплення "
      "Торецька — неправда",
      "uk");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_ADVANCE ua.donetsk.toretsk SIDE_RUSSIA "
                       "ua.trehubov POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
  const auto referring = Extract(
      "Russian military bloggers said Russian assault groups had entered "
      "Myropillia, but Ukrainian officials denied that.");
  EXPECT_TRUE(HasClaim(referring,
                       "CLAIM_TYPE_ADVANCE ua.sumy.myropillia SIDE_RUSSIA "
                       "ua.officials POLARITY_DENIED"))
      << testing::PrintToString(ClaimKeys(referring));
}

TEST(ExtractorContextTest, ThePersonAfterTheBodyTheySpeakForSpeaks) {
  const auto claims = Extract(
      "Окупанти щодня штурмують Торецьк, заявив речник ОСУВ «Хортиця» "
      "Віктор Трегубов.",
      "uk");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_ASSAULT ua.donetsk.toretsk SIDE_RUSSIA "
                       "ua.trehubov POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, WhatHappenedWeeksBeforeIsBackground) {
  const auto claims = Extract(
      "A missile hit Sumy on Tuesday, two weeks after Ukraine launched its "
      "incursion into the Kursk region.");
  for (const v1::Claim& c : claims) {
    EXPECT_NE(c.place_id(), "ru.kursk") << c.sentence();
  }
}

TEST(ExtractorContextTest, TheRegionRightAfterANameDecidesIt) {
  const auto claims = Extract(
      "Dnipropetrovsk region officials said it was quiet. Voloshyn said "
      "Russian troops had attacked near Kamianske and Stepnohirsk in the "
      "Zaporizhzhia region.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_ASSAULT ua.zaporizhzhia.kamianske "
                       "SIDE_RUSSIA ua.voloshyn POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, ACountOfWeaponsLaunchedIsNoStrikeOnTheLastTown) {
  const auto claims = Extract(
      "Russian troops attacked near Toretsk. Overnight, Russia launched 88 "
      "drones and three Iskander-M ballistic missiles at Ukraine, the "
      "Ukrainian air force said.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_DRONE_STRIKE  SIDE_RUSSIA ua.forces "
                       "POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_MISSILE_STRIKE  SIDE_RUSSIA ua.forces "
                       "POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, ATitledNameTheDictionariesDoNotKnowSpeaks) {
  const auto claims = Extract(
      "Ukrainian aircraft destroyed a bridge in the Glushkovo district, the "
      "commander of Ukraine's air force, Lt. Gen. Mykola Oleshchuk, said.");
  for (const v1::Claim& c : claims) {
    EXPECT_EQ(c.claimant().id(), "") << c.sentence();
  }
  EXPECT_FALSE(claims.empty());
}

TEST(ExtractorContextTest, APlaceNamedAloneHeadsItsParagraph) {
  const auto claims = Extract(
      "Дніпропетровська ОВА\n"
      "Дніпро. Через атаку ударних БпЛА постраждали троє людей.\n"
      "Павлоград. Уночі росіяни вдарили по місту балістичною ракетою.\n"
      "Нікопольщина. Агресор бив по району FPV-дронами та з важкої "
      "артилерії.",
      "uk");
  for (const char* key :
       {"CLAIM_TYPE_DRONE_STRIKE ua.dnipropetrovsk.dnipro SIDE_RUSSIA  "
        "POLARITY_ASSERTED",
        "CLAIM_TYPE_CASUALTIES ua.dnipropetrovsk.dnipro SIDE_RUSSIA  "
        "POLARITY_ASSERTED",
        "CLAIM_TYPE_MISSILE_STRIKE ua.dnipropetrovsk.pavlohrad SIDE_RUSSIA  "
        "POLARITY_ASSERTED",
        "CLAIM_TYPE_DRONE_STRIKE ua.dnipropetrovsk.nikopol SIDE_RUSSIA  "
        "POLARITY_ASSERTED",
        "CLAIM_TYPE_SHELLING ua.dnipropetrovsk.nikopol SIDE_RUSSIA  "
        "POLARITY_ASSERTED"}) {
    EXPECT_TRUE(HasClaim(claims, key))
        << key << testing::PrintToString(ClaimKeys(claims));
  }
  // A new paragraph naming no place is not under the heading.
  const auto next = Extract(
      "Дніпро. Через атаку ударних БпЛА постраждали троє людей.\n"
      "Сили ППО збили 14 безпілотників.",
      "uk");
  for (const v1::Claim& c : next) {
    EXPECT_NE(c.sentence(), "Сили ППО збили 14 безпілотників.");
  }
}

TEST(ExtractorContextTest, DenyingTheClaimReachesPastAComment) {
  const auto claims = Extract(
      "The Russian MoD claimed that Russian forces seized Lyman. ISW has not "
      "observed confirmation of this claim. The Ukrainian 3rd Assault Brigade "
      "denied the claim, adding that Russian forces attacked the town 17 "
      "times.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CAPTURE ua.donetsk.lyman SIDE_RUSSIA "
                       "ua.3assault POLARITY_DENIED"))
      << testing::PrintToString(ClaimKeys(claims));
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_ASSAULT ua.donetsk.lyman SIDE_RUSSIA "
                       "ua.3assault POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, TheDnieperIsNoCity) {
  const auto claims = Extract(
      "In Kherson, people watch the Dnipro, where Russian positions lie a "
      "kilometre away. Russian drones killed four people in the city, the "
      "regional military administration said.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CASUALTIES ua.kherson.kherson SIDE_RUSSIA  "
                       "POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, AnUnknownNameAfterAPlaceWordIsANewPlace) {
  const auto claims = Extract(
      "Сводка Министерства обороны Российской Федерации\n"
      "Подразделения группировки войск «Днепр» освободили населенный пункт "
      "Каменское Запорожской области.\n"
      "Подразделения группировки войск «Восток» освободили населенный пункт "
      "Новогеоргиевка Днепропетровской области.",
      "ru");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CAPTURE ua.dnipropetrovsk SIDE_RUSSIA "
                       "ru.mod POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, AVerbJoinedByAndHasTheSameSpeaker) {
  const auto claims = Extract(
      "Across the river, Russian-installed officials in Oleshky accused "
      "Ukraine of shelling the town on Sunday and said two residents had "
      "been killed.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CASUALTIES ua.kherson.oleshky SIDE_UKRAINE "
                       "ru.officials POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, AttemptsRepelledAreTheAttackersDefeat) {
  const auto claims = Extract(
      "Near Kherson, a company commander said his unit had repelled three "
      "Russian attempts to land boats on the islands.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_REPELLED_ATTACK ua.kherson.kherson "
                       "SIDE_UKRAINE  POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, ALossAfterAStrikeIsTheStrikersToll) {
  const auto claims = Extract(
      "Александр Коц\n"
      "Ночью «Герани» отработали по Краматорску. Украинские паблики пишут о "
      "четырех погибших.",
      "ru");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CASUALTIES ua.donetsk.kramatorsk "
                       "SIDE_RUSSIA  POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

TEST(ExtractorContextTest, ListsOfPlacesGoOnAcrossTheirRegions) {
  const auto claims = Extract(
      "Генштаб ЗСУ: оперативна інформація станом на 08:00\n"
      "Авіаційних ударів зазнали, зокрема, райони населених пунктів Оріхів, "
      "Мала Токмачка Запорізької області; Дружківка, Краматорськ Донецької "
      "області.",
      "uk");
  for (const char* place : {"ua.zaporizhzhia.orikhiv", "ua.donetsk.druzhkivka",
                            "ua.donetsk.kramatorsk"}) {
    EXPECT_TRUE(HasClaim(claims, std::string("CLAIM_TYPE_SHELLING ") + place +
                                     " SIDE_RUSSIA ua.general_staff "
                                     "POLARITY_ASSERTED"))
        << place << testing::PrintToString(ClaimKeys(claims));
  }
}

TEST(ExtractorContextTest, TheOutletToldIsNotTheDenier) {
  const auto claims = Extract(
      "Russia's Defense Ministry said its troops had captured Stepnohirsk. "
      "Vladyslav Voloshyn, a spokesman for Ukraine's southern forces, told "
      "The Associated Press the claim was false and that Ukrainian troops "
      "still held Stepnohirsk.");
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CAPTURE ua.zaporizhzhia.stepnohirsk "
                       "SIDE_RUSSIA ua.voloshyn POLARITY_DENIED"))
      << testing::PrintToString(ClaimKeys(claims));
  EXPECT_TRUE(HasClaim(claims,
                       "CLAIM_TYPE_CONTROL ua.zaporizhzhia.stepnohirsk "
                       "SIDE_UKRAINE ua.voloshyn POLARITY_ASSERTED"))
      << testing::PrintToString(ClaimKeys(claims));
}

}  // namespace
}  // namespace frontline::extract
