#include "libs/dedup/text_fold.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace frontline::dedup {
namespace {

std::vector<std::string> Folded(absl::string_view text) {
  std::vector<std::string> out;
  for (const Word& w : FoldWords(text)) out.push_back(w.folded);
  return out;
}

TEST(FoldWords, CaseQuotesDashesAndPunctuationDoNotMatter) {
  EXPECT_EQ(Folded("“Kurakhove’s fall” — pre-war"),
            Folded("\"kurakhove's FALL\" - pre—war"));
}

TEST(FoldWords, CyrillicIsCaseFoldedAndYoBecomesYe) {
  EXPECT_THAT(Folded("Всё ЁЛКИ"), testing::ElementsAre("все", "елки"));
}

TEST(FoldWords, DigitGroupsStayOneNumber) {
  EXPECT_THAT(Folded("11,000 and 4.168 and 2.5"),
              testing::ElementsAre("11000", "and", "4168", "and", "2", "5"));
}

TEST(FoldWords, LinksHashtagsMentionsAndEmojiAreSkipped) {
  EXPECT_THAT(Folded("🔴 Курахове #DeepState https://t.me/x/1 @chan t.me/y"),
              testing::ElementsAre("курахове"));
}

TEST(FoldWords, MarksCapitalsSentenceEndsAndQuotes) {
  const std::vector<Word> w = FoldWords("He said «we hold Kurakhove». Then");
  ASSERT_EQ(w.size(), 6u);
  EXPECT_TRUE(w[0].capitalized);
  EXPECT_FALSE(w[2].capitalized);
  EXPECT_TRUE(w[2].in_quote);
  EXPECT_EQ(w[4].quote_index, 0);
  EXPECT_TRUE(w[4].ends_sentence);
  EXPECT_FALSE(w[5].in_quote);
}

TEST(Stem, KeepsLeadingCodePoints) {
  EXPECT_EQ(Stem("kurakhove", 6), Stem("kurakhovo", 6));
  EXPECT_EQ(Stem("курахове", 6), "курахо");
  EXPECT_EQ(Stem("ab", 6), "ab");
}

}  // namespace
}  // namespace frontline::dedup
