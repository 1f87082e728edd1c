#include "libs/text/language_id.h"

#include "gtest/gtest.h"
#include "libs/text/test_util.h"

namespace frontline::text {
namespace {

LanguageGuess Identify(absl::string_view text) {
  return testing::Shipped::Get().languages.Identify(text);
}

TEST(LanguageIdTest, English) {
  const LanguageGuess guess = Identify(
      "Ukrainian forces were making a renewed push on Monday to drive deeper "
      "into Russia, even as they appear to have lost a strategic town.");
  EXPECT_EQ(guess.code, "en");
  EXPECT_GT(guess.confidence, 0.7);
}

TEST(LanguageIdTest, Ukrainian) {
  for (const char* text :
       {"Сили оборони відбили дванадцять атак поблизу Курахового, повідомили "
        "у Генштабі.",
        "Вчора ввечері ворог знову обстріляв місто з артилерії.",
        "Кілька людей отримали поранення, їх доставили до лікарні."}) {
    const LanguageGuess guess = Identify(text);
    EXPECT_EQ(guess.code, "uk") << text;
    EXPECT_GT(guess.confidence, 0.4) << text;
  }
}

TEST(LanguageIdTest, Russian) {
  for (const char* text :
       {"Министерство обороны заявило, что войска заняли Курахово.",
        "Вчера вечером противник снова обстрелял город из артиллерии.",
        "Несколько человек получили ранения, их доставили в больницу."}) {
    const LanguageGuess guess = Identify(text);
    EXPECT_EQ(guess.code, "ru") << text;
    EXPECT_GT(guess.confidence, 0.4) << text;
  }
}

TEST(LanguageIdTest, ParagraphsAreCertain) {
  const LanguageGuess uk = Identify(
      "Українські військові заявили, що протягом доби відбили понад двадцять "
      "атак на Покровському напрямку. За їхніми словами, противник активно "
      "застосовує дрони та авіацію, а ситуація залишається складною.");
  EXPECT_EQ(uk.code, "uk");
  EXPECT_GT(uk.confidence, 0.7);
  const LanguageGuess ru = Identify(
      "Российские военные заявили, что за сутки отразили более двадцати атак "
      "на курском направлении. По их словам, противник активно применяет "
      "беспилотники и бронетехнику, а обстановка остается напряженной.");
  EXPECT_EQ(ru.code, "ru");
  EXPECT_GT(ru.confidence, 0.7);
}

TEST(LanguageIdTest, ShortCyrillicWithoutTellTaleLettersStillDecides) {
  EXPECT_EQ(Identify("Бої тривають").code, "uk");
  EXPECT_EQ(Identify("Бои продолжаются").code, "ru");
}

TEST(LanguageIdTest, UndeterminedWhenUnsupportedOrEmpty) {
  EXPECT_EQ(Identify("").code, "und");
  EXPECT_EQ(Identify("12345 !!! ...").code, "und");
  EXPECT_EQ(Identify("ok").code, "und");
  EXPECT_EQ(Identify("Die ukrainischen Truppen setzen ihre Offensive im "
                     "Gebiet Kursk fort, berichten Militärblogger.")
                .code,
            "und");
  EXPECT_EQ(Identify("北朝鮮の兵士がクルスク州で戦闘に参加している").code,
            "und");
  EXPECT_EQ(Identify("").confidence, 0);
}

TEST(LanguageIdTest, MixedScriptsFollowTheMajority) {
  EXPECT_EQ(Identify("Russian forces captured Kurakhove (Курахове), the "
                     "ministry said on Monday.")
                .code,
            "en");
}

TEST(LanguageIdTest, RejectsMalformedProfiles) {
  EXPECT_FALSE(LanguageIdentifier::Parse("en\twords\tthe\n").ok());
  EXPECT_FALSE(LanguageIdentifier::Parse("en\tscript\tKlingonish\n").ok());
  EXPECT_FALSE(
      LanguageIdentifier::Parse("en\tscript\tLatin\nen\tbogus\tx\n").ok());
}

}  // namespace
}  // namespace frontline::text
