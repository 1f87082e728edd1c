#include "libs/telegram/preview_page.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/telegram/test_util.h"

namespace frontline::telegram {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::ReadTestdata;
using ::testing::StartsWith;

absl::Time Utc(int day, int hour, int minute, int second) {
  return absl::FromCivil(absl::CivilSecond(2025, 1, day, hour, minute, second),
                         absl::UTCTimeZone());
}

TEST(TelegramPreviewPageTest, ParsesPostsAndPagingCursor) {
  absl::StatusOr<PreviewPage> page =
      ParsePreviewPage(ReadTestdata("preview_deepstate.html"));
  ASSERT_TRUE(page.ok()) << page.status();
  ASSERT_EQ(page->posts.size(), 3u);
  EXPECT_EQ(page->before, 20743);
  EXPECT_EQ(page->posts_rejected, 0);

  const Post& forward = page->posts[0];
  EXPECT_EQ(forward.format, PostFormat::kPreviewPage);
  EXPECT_EQ(forward.channel_username, "DeepStateUA");
  EXPECT_EQ(forward.channel_title, "DeepState UA");
  EXPECT_EQ(forward.message_id, 20743);
  EXPECT_EQ(forward.date, Utc(6, 8, 30, 0));
  EXPECT_EQ(forward.views, 12300);
  EXPECT_EQ(forward.version, 1u);
  EXPECT_EQ(forward.text,
            "⚡ Станом на 22:00 5 січня на Курському напрямку відбулося 42 "
            "бойових зіткнення, 12 з них тривають.\n\nНайбільше атак — на "
            "Покровському напрямку. Детальніше: facebook.com/GeneralStaff.ua");
  EXPECT_THAT(forward.links,
              ElementsAre("https://www.facebook.com/GeneralStaff.ua"));
  ASSERT_TRUE(forward.forward_origin.has_value());
  EXPECT_EQ(forward.forward_origin->channel_username, "GeneralStaffZSU");
  EXPECT_EQ(forward.forward_origin->channel_name, "Генеральний штаб ЗСУ");
  EXPECT_EQ(forward.forward_origin->message_id, 24310);
}

TEST(TelegramPreviewPageTest, ReadsRepliesMediaHashtagsAndEditMarks) {
  absl::StatusOr<PreviewPage> page =
      ParsePreviewPage(ReadTestdata("preview_deepstate.html"));
  ASSERT_TRUE(page.ok()) << page.status();
  const Post& photo = page->posts[1];
  EXPECT_EQ(photo.reply_to_message_id, 20741);
  // The quoted reply is not part of the post's own text.
  EXPECT_THAT(photo.text, Not(HasSubstr("Ворог")));
  EXPECT_EQ(photo.text,
            "Російський прапор над адмінбудівлею в Курахове.\nГеолокація: "
            "47.9876, 37.2811\n\n#Курахове #DeepStateMap");
  EXPECT_THAT(photo.hashtags, ElementsAre("#Курахове", "#DeepStateMap"));
  EXPECT_TRUE(photo.links.empty());
  EXPECT_EQ(photo.media_type, "photo");
  EXPECT_EQ(photo.media_caption, photo.text);
  EXPECT_EQ(photo.views, 98100);
  EXPECT_EQ(photo.version, 2u);

  const Post& english = page->posts[2];
  EXPECT_THAT(english.text, StartsWith("Russia's MoD claims the capture"));
  EXPECT_EQ(english.views, 1200000);
  EXPECT_EQ(english.author, "Роман Погорілий");
  EXPECT_THAT(english.links,
              ElementsAre("https://deepstatemap.live/#11/47.98/37.28"));
  EXPECT_FALSE(english.forward_origin.has_value());
}

TEST(TelegramPreviewPageTest, PageWithoutPostsIsNotFound) {
  absl::StatusOr<PreviewPage> page =
      ParsePreviewPage(ReadTestdata("preview_empty.html"));
  EXPECT_EQ(page.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(ParsePreviewPage("").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(ParsePreviewPage("<<<>>>\x01\xFF").status().code(),
            absl::StatusCode::kNotFound);
}

TEST(TelegramPreviewPageTest, BrokenMarkupKeepsUsablePostsAndReportsTheRest) {
  absl::StatusOr<PreviewPage> page =
      ParsePreviewPage(ReadTestdata("preview_broken.html"));
  ASSERT_TRUE(page.ok()) << page.status();
  ASSERT_EQ(page->posts.size(), 1u);
  const Post& post = page->posts[0];
  EXPECT_EQ(post.channel_username, "rybar");
  EXPECT_EQ(post.message_id, 66119);
  EXPECT_EQ(post.date, Utc(6, 7, 10, 0));
  EXPECT_THAT(post.text,
              StartsWith("Курахово: бои за ТЭС продолжаются\nШтурмовые"));
  EXPECT_THAT(post.text, Not(HasSubstr("Пост без")));
  EXPECT_EQ(page->before, 66119);
  EXPECT_EQ(page->posts_rejected, 3);
  ASSERT_EQ(page->errors.size(), 3u);
  EXPECT_THAT(std::string(page->errors[0].message()),
              HasSubstr("malformed data-post"));
  EXPECT_THAT(std::string(page->errors[1].message()),
              HasSubstr("rybar/66121 has no valid <time datetime>"));
}

TEST(TelegramPreviewPageTest, PageWithOnlyUnusablePostsIsInvalid) {
  absl::StatusOr<PreviewPage> page = ParsePreviewPage(
      R"(<div class="tgme_widget_message" data-post="rybar/1"><div class="tgme_widget_message_text">Без даты</div></div>)");
  EXPECT_EQ(page.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(page.status().message()), HasSubstr("none usable"));
}

TEST(TelegramPreviewPageTest, HostileSizesAreRefusedBeforeParsing) {
  const std::string deep = absl::StrCat(std::string(100000, '<'), "div>");
  std::string nested;
  for (int i = 0; i < 5000; ++i) nested += "<div>";
  absl::StatusOr<PreviewPage> page = ParsePreviewPage(nested);
  EXPECT_EQ(page.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(page.status().message()), HasSubstr("max_depth"));

  PreviewOptions small;
  small.max_page_bytes = 1024;
  EXPECT_EQ(ParsePreviewPage(std::string(4096, ' '), small).status().code(),
            absl::StatusCode::kResourceExhausted);
  // Many void and self-closed tags are not nesting.
  std::string flat;
  for (int i = 0; i < 5000; ++i) flat += "<br><img src=x><span/>";
  EXPECT_EQ(ParsePreviewPage(flat).status().code(),
            absl::StatusCode::kNotFound);
}

TEST(TelegramParseViewCountTest, ParsesCountersAsShown) {
  EXPECT_EQ(ParseViewCount("987").value(), 987);
  EXPECT_EQ(ParseViewCount("12.3K").value(), 12300);
  EXPECT_EQ(ParseViewCount("98K").value(), 98000);
  EXPECT_EQ(ParseViewCount("1.2M").value(), 1200000);
  EXPECT_EQ(ParseViewCount(" 4.56M ").value(), 4560000);
  for (const char* bad : {"", "K", "1.2", "45,1K", "-3", "1.2.3K", "12x"}) {
    EXPECT_EQ(ParseViewCount(bad).status().code(),
              absl::StatusCode::kInvalidArgument)
        << bad;
  }
}

}  // namespace
}  // namespace frontline::telegram
