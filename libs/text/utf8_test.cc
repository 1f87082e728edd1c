#include "libs/text/utf8.h"

#include "gtest/gtest.h"

namespace frontline::text {
namespace {

TEST(Utf8Test, ValidInputIsUnchanged) {
  const std::string text = "Курахове — Kurakhove, 500 km²";
  EXPECT_TRUE(IsValidUtf8(text));
  EXPECT_EQ(RepairUtf8(text), text);
}

TEST(Utf8Test, EachMaximalIllFormedSubpartBecomesOneReplacement) {
  EXPECT_EQ(RepairUtf8("a\x80"
                       "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(RepairUtf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // Overlong.
  EXPECT_EQ(RepairUtf8("\xED\xA0\x80"),
            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // Surrogate.
  EXPECT_EQ(RepairUtf8("\xE2\x82"), "\xEF\xBF\xBD");  // Truncated.
  EXPECT_EQ(RepairUtf8("\xF4\x90\x80\x80").find("\xEF\xBF\xBD"), 0u);
  EXPECT_FALSE(IsValidUtf8("\xFF"));
}

TEST(Utf8Test, IsValidUtf8JudgesEachKindOfSequence) {
  EXPECT_TRUE(IsValidUtf8("Покровськ 🔥"));
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));   // U+10FFFF.
  EXPECT_FALSE(IsValidUtf8("a\xFF"));             // Never a UTF-8 byte.
  EXPECT_FALSE(IsValidUtf8("a\x80"));             // Stray continuation.
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // Overlong.
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // Surrogate.
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // Past U+10FFFF.
  EXPECT_FALSE(IsValidUtf8("\xF0\x9F\x94"));      // Truncated.
}

TEST(Utf8Test, NulIsValid) {
  const std::string with_nul("a\0b", 3);
  EXPECT_TRUE(IsValidUtf8(with_nul));
  EXPECT_EQ(RepairUtf8(with_nul), with_nul);
}

}  // namespace
}  // namespace frontline::text
