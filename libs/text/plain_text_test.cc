#include "libs/text/plain_text.h"

#include "gtest/gtest.h"
#include "libs/text/test_util.h"

namespace frontline::text {
namespace {

PlainTextCleaner Cleaner() {
  const TextResources& shipped = testing::Shipped::Get();
  return PlainTextCleaner(shipped.normalizer, shipped.boilerplate);
}

TEST(PlainTextTest, NormalizesWhitespaceAndKeepsParagraphs) {
  EXPECT_EQ(Cleaner().Clean("  Ukrainian forces   advanced.\r\n\r\n\r\n"
                            "Russia\u00A0denied it.\nAnalysts doubt it.  "),
            "Ukrainian forces advanced.\n\nRussia denied it.\nAnalysts doubt "
            "it.");
}

TEST(PlainTextTest, DropsBoilerplateParagraphs) {
  EXPECT_EQ(Cleaner().Clean("Fighting continued.\n\nRead more: other "
                            "story\n\nSubscribe to our newsletter"),
            "Fighting continued.");
}

TEST(PlainTextTest, TelegramPostDropsSignatureAndCallsToSubscribe) {
  const std::string post =
      "⚡️ Сили оборони відбили 12 атак "
      "поблизу "
      "Курахового.\n"
      "Бої тривають.\n\n"
      "Підписатися на канал\n"
      "#новини #фронт\n"
      "👉 @frontline_news | https://t.me/frontline_news";
  EXPECT_EQ(Cleaner().CleanTelegramPost(post),
            "⚡️ Сили оборони відбили 12 атак "
            "поблизу "
            "Курахового.\n"
            "Бої тривають.");
}

TEST(PlainTextTest, TelegramPostKeepsParagraphBreaksAndInlineTags) {
  EXPECT_EQ(Cleaner().CleanTelegramPost(
                "#Курщина: нові атаки.\n\nДругий абзац з @mention всередині."),
            "#Курщина: нові атаки.\n\nДругий абзац з @mention всередині.");
  EXPECT_EQ(Cleaner().CleanTelegramPost("#only #tags"), "");
}

}  // namespace
}  // namespace frontline::text
