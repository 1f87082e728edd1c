#include "libs/telegram/utf8.h"

#include <string>

#include "gtest/gtest.h"

namespace frontline::telegram {
namespace {

constexpr char kFffd[] = "\xEF\xBF\xBD";

TEST(TelegramRepairUtf8Test, ValidTextPassesUnchanged) {
  const std::string text = "Курахове, Kurakhove, Курахово 🔥";
  EXPECT_EQ(RepairUtf8(text), text);
}

TEST(TelegramRepairUtf8Test, StrayBytesBecomeOneReplacementEach) {
  EXPECT_EQ(RepairUtf8("a\xFF\xFE"
                       "b"),
            std::string("a") + kFffd + kFffd + "b");
  EXPECT_EQ(RepairUtf8("\x80"), kFffd);
}

TEST(TelegramRepairUtf8Test, OverlongsSurrogatesAndOutOfRangeAreReplaced) {
  EXPECT_EQ(RepairUtf8("\xC0\xAF"), std::string(kFffd) + kFffd);
  EXPECT_EQ(RepairUtf8("\xED\xA0\x80"), std::string(kFffd) + kFffd + kFffd);
  EXPECT_EQ(RepairUtf8("\xF4\x90\x80\x80"),
            std::string(kFffd) + kFffd + kFffd + kFffd);
}

TEST(TelegramRepairUtf8Test, TruncatedSequenceIsOneReplacement) {
  EXPECT_EQ(RepairUtf8("Кура\xD1"), std::string("Кура") + kFffd);
  EXPECT_EQ(RepairUtf8("\xF0\x9F\x94x"), std::string(kFffd) + "x");
}

TEST(TelegramUtf8RepairerTest, SequenceSplitAcrossChunksIsJoined) {
  const std::string text = "Покровськ 🔥";
  for (size_t cut = 0; cut <= text.size(); ++cut) {
    Utf8Repairer repairer;
    std::string out;
    repairer.Append(text.substr(0, cut), out);
    repairer.Append(text.substr(cut), out);
    repairer.Finish(out);
    EXPECT_EQ(out, text) << "cut at " << cut;
    EXPECT_EQ(repairer.replacements(), 0);
  }
}

TEST(TelegramUtf8RepairerTest, IncompleteTailIsReplacedAtFinish) {
  Utf8Repairer repairer;
  std::string out;
  repairer.Append("ok\xE2\x82", out);
  EXPECT_EQ(out, "ok");
  repairer.Finish(out);
  EXPECT_EQ(out, std::string("ok") + kFffd);
  EXPECT_EQ(repairer.replacements(), 1);
}

}  // namespace
}  // namespace frontline::telegram
