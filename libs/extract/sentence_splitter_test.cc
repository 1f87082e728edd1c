#include "libs/extract/sentence_splitter.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace frontline::extract {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> Split(absl::string_view text, size_t max = 2000) {
  SentenceSplitter splitter({"Gen", "Jan", "U.S", "Dec", "тис"}, max);
  std::vector<std::string> out;
  for (const SentenceSpan& s : splitter.Split(text)) {
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

TEST(SentenceSplitterTest, SplitsAtFinalMarks) {
  EXPECT_THAT(Split("Russia attacked. Ukraine repelled it! Did it? Yes."),
              ElementsAre("Russia attacked.", "Ukraine repelled it!", "Did it?",
                          "Yes."));
}

TEST(SentenceSplitterTest, KeepsAbbreviationsAndInitials) {
  EXPECT_THAT(
      Split("U.S. officials met Gen. Syrskyi on Jan. 20 in Kyiv. J. Smith "
            "said so. Then he left."),
      ElementsAre("U.S. officials met Gen. Syrskyi on Jan. 20 in Kyiv.",
                  "J. Smith said so.", "Then he left."));
}

TEST(SentenceSplitterTest, CyrillicAndQuotes) {
  EXPECT_THAT(Split("Ворог атакував. «Ми тримаємось», — сказав він. 11 тис. "
                    "військових КНДР."),
              ElementsAre("Ворог атакував.", "«Ми тримаємось», — сказав він.",
                          "11 тис. військових КНДР."));
  EXPECT_THAT(Split("He said: “We will win.” Then he left."),
              ElementsAre("He said: “We will win.”", "Then he left."));
}

TEST(SentenceSplitterTest, LineBreaksEndSentences) {
  EXPECT_THAT(
      Split("Генштаб ЗСУ: зведення\n\nВорог наступав біля Покровська"),
      ElementsAre("Генштаб ЗСУ: зведення", "Ворог наступав біля Покровська"));
}

TEST(SentenceSplitterTest, NoBreakBeforeLowerCase) {
  EXPECT_THAT(Split("It covers approx. ten square miles."),
              ElementsAre("It covers approx. ten square miles."));
}

TEST(SentenceSplitterTest, CutsOverlongRunsAtSpacesOrCodePoints) {
  const std::string words(100, 'a');
  std::string text;
  for (int i = 0; i < 10; ++i) text += words + " ";
  for (const std::string& s : Split(text, 250)) EXPECT_LE(s.size(), 250u);
  const std::string cyrillic = [] {
    std::string s;
    for (int i = 0; i < 500; ++i) s += "ж";
    return s;
  }();
  for (const std::string& s : Split(cyrillic, 101)) {
    EXPECT_LE(s.size(), 101u);
    EXPECT_EQ(s.size() % 2, 0u) << "cut inside a code point";
  }
}

}  // namespace
}  // namespace frontline::extract
