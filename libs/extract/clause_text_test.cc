#include "libs/extract/clause_text.h"

#include "gtest/gtest.h"

namespace frontline::extract {
namespace {

TEST(ClauseTextTest, ClausesEndAtPunctuationButNotInsideFigures) {
  EXPECT_FALSE(HasClausePunctuation(" more than 11,000 soldiers "));
  EXPECT_TRUE(HasClausePunctuation(" Kurakhove, an industrial town, "));
  EXPECT_TRUE(HasClausePunctuation(" said: "));
  EXPECT_TRUE(HasClausePunctuation(" \xC2\xAB"));       // «
  EXPECT_TRUE(HasClausePunctuation(" \xE2\x80\x94 "));  // —
  EXPECT_FALSE(HasClausePunctuation(" had been "));
}

TEST(ClauseTextTest, QuotesAndAcronymsAreSetAside) {
  EXPECT_EQ(WithoutQuotes("had \"liberated\" the"), "had liberated the");
  EXPECT_EQ(WithoutQuotes("\xC2\xAB\xD0\xBF\xC2\xBB"), "\xD0\xBF");
  EXPECT_EQ(NameGap("\xC2\xBB "), "");  // «Рыбаря» пишут
  EXPECT_EQ(NameGap(" (MoD) "), "");    // Defense (MoD) claimed
  EXPECT_EQ(NameGap(" (a very long aside) "), "(a very long aside)");
}

TEST(ClauseTextTest, CharactersNotBytes) {
  EXPECT_EQ(CodePoints("abc"), 3u);
  EXPECT_EQ(CodePoints("\xD0\x9A\xD0\xBE\xD1\x86"), 3u);  // Коц
  EXPECT_EQ(CodePoints(""), 0u);
}

TEST(ClauseTextTest, FirstNames) {
  EXPECT_TRUE(IsFirstNames(""));
  EXPECT_TRUE(IsFirstNames(" Oleh"));
  EXPECT_TRUE(IsFirstNames(" Oleh Petrovych"));
  EXPECT_FALSE(IsFirstNames(" the governor"));
  EXPECT_FALSE(IsFirstNames(" Oleh Petrovych Syniehubov"));
}

TEST(ClauseTextTest, AllCapitals) {
  EXPECT_TRUE(IsAllCapitals("KHERSON"));
  EXPECT_TRUE(IsAllCapitals("КУРСК"));
  EXPECT_TRUE(IsAllCapitals("KUPIANSK-VUZLOVYI"));
  EXPECT_FALSE(IsAllCapitals("Kherson"));
  EXPECT_FALSE(IsAllCapitals("Курск"));
  EXPECT_FALSE(IsAllCapitals("K"));
}

TEST(ClauseTextTest, EndsWithName) {
  EXPECT_TRUE(EndsWithName(" military observer Kostyantyn Mashovets "));
  EXPECT_TRUE(EndsWithName(" эксперт Иван Петров"));
  EXPECT_FALSE(EndsWithName(" on Monday "));
  EXPECT_FALSE(EndsWithName(""));
}

}  // namespace
}  // namespace frontline::extract
