#include "libs/telegram/bot_api.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/telegram/test_util.h"

namespace frontline::telegram {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::ReadTestdata;
using ::testing::StartsWith;

TEST(TelegramBotApiTest, ParsesChannelPostsAndReportsNextOffset) {
  VersionTracker versions;
  absl::StatusOr<UpdatesBatch> batch =
      ParseGetUpdates(ReadTestdata("bot_updates.json"), &versions);
  ASSERT_TRUE(batch.ok()) << batch.status();
  EXPECT_EQ(batch->next_offset, 804113209);
  EXPECT_EQ(batch->updates_skipped, 1);
  EXPECT_EQ(batch->updates_rejected, 1);
  ASSERT_EQ(batch->errors.size(), 1u);
  EXPECT_THAT(std::string(batch->errors[0].message()),
              HasSubstr("66123 has no date"));
  ASSERT_EQ(batch->posts.size(), 6u);

  const Post& first = batch->posts[0];
  EXPECT_EQ(first.format, PostFormat::kBotApi);
  EXPECT_EQ(first.channel_id, 1326223284);
  EXPECT_EQ(first.channel_username, "rybar");
  EXPECT_EQ(first.channel_title, "Рыбарь");
  EXPECT_EQ(first.message_id, 66120);
  EXPECT_EQ(first.date, absl::FromUnixSeconds(1736149800));
  EXPECT_EQ(first.version, 1u);
  EXPECT_THAT(first.text, StartsWith("🔥🇷🇺 Курахово: штурмовые группы"));
  // Entity offsets count UTF-16 units: the emoji before them take two each.
  EXPECT_THAT(first.hashtags, ElementsAre("#Курахово", "#СВО"));
  EXPECT_THAT(first.links, ElementsAre("https://rybar.ru/kurakhovo",
                                       "https://rybar.ru/map"));
}

TEST(TelegramBotApiTest, EditsAreNewVersionsOfTheSamePost) {
  VersionTracker versions;
  absl::StatusOr<UpdatesBatch> batch =
      ParseGetUpdates(ReadTestdata("bot_updates.json"), &versions);
  ASSERT_TRUE(batch.ok()) << batch.status();
  const Post& original = batch->posts[0];
  const Post& edit = batch->posts[2];
  const Post& second_edit = batch->posts[5];
  EXPECT_EQ(ExternalId(edit), ExternalId(original));
  EXPECT_EQ(ExternalId(second_edit), "rybar/66120");
  EXPECT_EQ(edit.version, 2u);
  EXPECT_EQ(edit.edit_date, absl::FromUnixSeconds(1736151000));
  EXPECT_THAT(edit.text, HasSubstr("завершают зачистку"));
  EXPECT_EQ(second_edit.version, 3u);
  EXPECT_THAT(second_edit.text, HasSubstr("Курахово освобождено"));

  // Redelivered (the offset was not committed): versions stay put.
  absl::StatusOr<UpdatesBatch> again =
      ParseGetUpdates(ReadTestdata("bot_updates.json"), &versions);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->posts[0].version, 1u);
  EXPECT_EQ(again->posts[2].version, 2u);
  EXPECT_EQ(again->posts[5].version, 3u);

  absl::StatusOr<UpdatesBatch> untracked =
      ParseGetUpdates(ReadTestdata("bot_updates.json"), nullptr);
  ASSERT_TRUE(untracked.ok());
  EXPECT_EQ(untracked->posts[0].version, 1u);
  EXPECT_EQ(untracked->posts[5].version, 2u);
}

TEST(TelegramBotApiTest, CaptionsMediaForwardsAndReplies) {
  absl::StatusOr<UpdatesBatch> batch =
      ParseGetUpdates(ReadTestdata("bot_updates.json"), nullptr);
  ASSERT_TRUE(batch.ok()) << batch.status();

  const Post& photo = batch->posts[1];
  EXPECT_EQ(photo.channel_username, "mod_russia");
  EXPECT_EQ(photo.media_type, "photo");
  EXPECT_THAT(photo.text, HasSubstr("полностью освободили город Курахово"));
  EXPECT_EQ(photo.media_caption, photo.text);
  EXPECT_THAT(photo.hashtags, ElementsAre("#Курахово"));

  const Post& modern = batch->posts[3];
  ASSERT_TRUE(modern.forward_origin.has_value());
  EXPECT_EQ(modern.forward_origin->channel_id, 1249463224);
  EXPECT_EQ(modern.forward_origin->channel_username, "mod_russia");
  EXPECT_EQ(modern.forward_origin->channel_name, "Минобороны России");
  EXPECT_EQ(modern.forward_origin->message_id, 45987);
  EXPECT_EQ(modern.forward_origin->original_date,
            absl::FromUnixSeconds(1736087400));

  const Post& legacy = batch->posts[4];
  ASSERT_TRUE(legacy.forward_origin.has_value());
  EXPECT_EQ(legacy.forward_origin->channel_username, "wargonzo");
  EXPECT_EQ(legacy.forward_origin->message_id, 31077);
  EXPECT_EQ(legacy.reply_to_message_id, 66120);
}

TEST(TelegramBotApiTest, ApiErrorsMapToStatusCodes) {
  auto conflict = ParseGetUpdates(
      R"({"ok":false,"error_code":409,"description":"Conflict: terminated by other getUpdates request"})",
      nullptr);
  EXPECT_EQ(conflict.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(conflict.status().message()), HasSubstr("Conflict"));
  auto unauthorized = ParseGetUpdates(
      R"({"ok":false,"error_code":401,"description":"Unauthorized"})", nullptr);
  EXPECT_EQ(unauthorized.status().code(), absl::StatusCode::kUnauthenticated);
  auto flood = ParseGetUpdates(
      R"({"ok":false,"error_code":429,"description":"Too Many Requests: retry after 5"})",
      nullptr);
  EXPECT_EQ(flood.status().code(), absl::StatusCode::kResourceExhausted);
}

TEST(TelegramBotApiTest, MalformedAndHostileBodiesAreClearErrors) {
  auto truncated = ParseGetUpdates(
      R"({"ok":true,"result":[{"update_id":1,"channel_post":{"message_id":)",
      nullptr);
  EXPECT_EQ(truncated.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(truncated.status().message()),
              HasSubstr("malformed JSON"));

  const std::string deep =
      absl::StrCat(R"({"ok":true,"result":)", std::string(100000, '['),
                   std::string(100000, ']'), "}");
  auto nested = ParseGetUpdates(deep, nullptr);
  EXPECT_EQ(nested.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(nested.status().message()),
              HasSubstr("nested deeper than 64"));

  auto not_updates = ParseGetUpdates(R"([1,2,3])", nullptr);
  EXPECT_EQ(not_updates.status().code(), absl::StatusCode::kInvalidArgument);

  BotApiOptions small;
  small.max_body_bytes = 10;
  EXPECT_EQ(ParseGetUpdates(R"({"ok":true,"result":[]})", nullptr, small)
                .status()
                .code(),
            absl::StatusCode::kResourceExhausted);
}

TEST(TelegramBotApiTest, InvalidUtf8IsReplaced) {
  const std::string body =
      "{\"ok\":true,\"result\":[{\"update_id\":9,\"channel_post\":{"
      "\"message_id\":3,\"chat\":{\"id\":-1001,\"username\":\"x\"},"
      "\"date\":1736035200,\"text\":\"Покровськ\xC3\x28\"}}]}";
  auto batch = ParseGetUpdates(body, nullptr);
  ASSERT_TRUE(batch.ok()) << batch.status();
  ASSERT_EQ(batch->posts.size(), 1u);
  EXPECT_EQ(batch->posts[0].text, "Покровськ\xEF\xBF\xBD(");
  EXPECT_EQ(batch->next_offset, 10);
}

TEST(TelegramBotApiTest, EmptyResultKeepsOffsetZero) {
  auto batch = ParseGetUpdates(R"({"ok":true,"result":[]})", nullptr);
  ASSERT_TRUE(batch.ok());
  EXPECT_EQ(batch->next_offset, 0);
  EXPECT_TRUE(batch->posts.empty());
}

}  // namespace
}  // namespace frontline::telegram
