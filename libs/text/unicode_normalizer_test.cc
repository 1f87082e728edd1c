#include "libs/text/unicode_normalizer.h"

#include "gtest/gtest.h"
#include "libs/text/char_fold.h"
#include "libs/text/test_util.h"

namespace frontline::text {
namespace {

const UnicodeNormalizer& N() { return testing::Shipped::Get().normalizer; }

TEST(UnicodeNormalizerTest, CleanComposesToNfc) {
  // "й" as и + combining breve, "é" as e + combining acute.
  EXPECT_EQ(N().Clean("\xD0\xB8\xCC\x86 e\xCC\x81"), "й é");
}

TEST(UnicodeNormalizerTest, CleanUnifiesQuotesDashesAndSpaces) {
  EXPECT_EQ(N().Clean("«Курахове» – “liberated” ‘so’ it’s Kurakhove—town"),
            "\"Курахове\" - \"liberated\" 'so' it's Kurakhove-town");
  EXPECT_EQ(N().Clean("П\xCA\xBCятниця"), "П'ятниця");
  EXPECT_EQ(N().Clean("500\xC2\xA0km\xE2\x80\x89\xE2\x80\x89north"),
            "500 km north");
  EXPECT_EQ(N().Clean("−5 °C, 5‒10"), "-5 °C, 5-10");
}

TEST(UnicodeNormalizerTest, CleanDropsInvisibleCharacters) {
  EXPECT_EQ(N().Clean("Ку\xE2\x80\x8Bра\xC2\xADхо\xEF\xBB\xBFве"), "Курахове");
  EXPECT_EQ(N().Clean(std::string("a\0b\x01"
                                  "c",
                                  5)),
            "abc");
}

TEST(UnicodeNormalizerTest, CleanKeepsParagraphs) {
  EXPECT_EQ(N().Clean("  first   line \r\n second\tline\n\n\n\n  next  \n\n"),
            "first line\nsecond line\n\nnext");
  EXPECT_EQ(N().Clean("a\n\nb", Layout::kSingleLine), "a b");
}

TEST(UnicodeNormalizerTest, CleanKeepsCaseAndCompatibilityCharacters) {
  EXPECT_EQ(N().Clean("ＫＵＲＳＫ 500 km²"), "ＫＵＲＳＫ 500 km²");
}

TEST(UnicodeNormalizerTest, CleanReplacesInvalidUtf8) {
  EXPECT_EQ(N().Clean("Kursk\xFF region"), "Kursk\xEF\xBF\xBD region");
}

TEST(UnicodeNormalizerTest, KeyFoldsCaseCompatibilityAndYo) {
  EXPECT_EQ(N().Key("ＫＵＲＳＫ  Region"), "kursk region");
  EXPECT_EQ(N().Key("Ещё ЁЛКА"), "еще елка");
  EXPECT_EQ(N().Key("Straße"), "strasse");
  EXPECT_EQ(N().Key("km²"), "km2");
  EXPECT_EQ(N().Key(" «Курахове»\n\nзахоплено "), "\"курахове\" захоплено");
  EXPECT_EQ(N().Key("Kurakhove"), N().Key("KURAKHOVE"));
}

TEST(UnicodeNormalizerTest, UnifyCharLeavesLettersAlone) {
  EXPECT_EQ(UnifyChar(U'ї'), U'ї');
  EXPECT_EQ(UnifyChar(0x2014), '-');
  EXPECT_EQ(UnifyChar(0x200B), kDropChar);
}

}  // namespace
}  // namespace frontline::text
