#include "libs/telegram/raw_document.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/pipeline/raw_documents.h"
#include "libs/telegram/bot_api.h"
#include "libs/telegram/preview_page.h"
#include "libs/telegram/test_util.h"

namespace frontline::telegram {
namespace {

using ::testing::MatchesRegex;
using testing::ReadTestdata;

Post ForwardedPost() {
  Post post;
  post.format = PostFormat::kPreviewPage;
  post.channel_username = "DeepStateUA";
  post.channel_title = "DeepState UA";
  post.message_id = 20743;
  post.date = absl::FromUnixSeconds(1736152200);
  post.text =
      "Станом на 22:00 5 січня на Курському напрямку 42 бойових "
      "зіткнення. #Курщина";
  post.hashtags = {"#Курщина", "#ЗСУ"};
  post.links = {"https://www.facebook.com/GeneralStaff.ua"};
  post.views = 12300;
  post.reply_to_message_id = 20741;
  post.forward_origin = ForwardOrigin{.channel_username = "GeneralStaffZSU",
                                      .channel_name = "Генеральний штаб ЗСУ",
                                      .message_id = 24310};
  return post;
}

TEST(TelegramRawDocumentTest, FillsEveryField) {
  RawDocumentOptions options;
  options.fetcher = "telegram-ingest/0.1.0";
  options.fetch_url = "https://t.me/s/DeepStateUA";
  options.fetched_time = absl::FromUnixSeconds(1736160000);
  absl::StatusOr<v1::RawDocument> doc = ToRawDocument(ForwardedPost(), options);
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_THAT(doc->id(), MatchesRegex("[0-9a-f]{16}"));
  EXPECT_EQ(doc->source().id(), "telegram:deepstateua");
  EXPECT_EQ(doc->source().kind(), v1::SOURCE_KIND_TELEGRAM);
  EXPECT_EQ(doc->source().name(), "DeepState UA");
  EXPECT_EQ(doc->source().url(), "https://t.me/DeepStateUA");
  EXPECT_EQ(doc->external_id(), "deepstateua/20743");
  EXPECT_EQ(doc->url(), "https://t.me/DeepStateUA/20743");
  EXPECT_EQ(doc->format(), v1::RAW_FORMAT_TELEGRAM_PREVIEW_POST);
  EXPECT_EQ(doc->content_type(), "text/plain; charset=utf-8");
  EXPECT_EQ(doc->body(), ForwardedPost().text);
  EXPECT_EQ(doc->version(), 1u);
  EXPECT_EQ(doc->published_time().seconds(), 1736152200);
  EXPECT_EQ(doc->fetched_time().seconds(), 1736160000);
  EXPECT_FALSE(doc->has_edited_time());
  EXPECT_EQ(doc->provenance().fetcher(), "telegram-ingest/0.1.0");
  EXPECT_EQ(doc->provenance().fetch_url(), "https://t.me/s/DeepStateUA");
  EXPECT_EQ(doc->provenance().reply_to_external_id(), "deepstateua/20741");
  const v1::ForwardOrigin& origin = doc->provenance().forward_origin();
  EXPECT_EQ(origin.channel_id(), "generalstaffzsu");
  EXPECT_EQ(origin.channel_name(), "Генеральний штаб ЗСУ");
  EXPECT_EQ(origin.message_id(), "24310");
  EXPECT_EQ(doc->attributes().at("views"), "12300");
  EXPECT_EQ(doc->attributes().at("hashtags"), "#Курщина #ЗСУ");
  EXPECT_EQ(doc->attributes().at("links"),
            "https://www.facebook.com/GeneralStaff.ua");
  EXPECT_EQ(doc->attributes().count("media_type"), 0u);
}

TEST(TelegramRawDocumentTest, IdIsDeterministicAndChangesWithVersion) {
  Post post = ForwardedPost();
  const std::string id = ToRawDocument(post)->id();
  EXPECT_EQ(ToRawDocument(post)->id(), id);
  EXPECT_EQ(id, pipeline::RawDocumentId(*ToRawDocument(post)));
  EXPECT_EQ(ToRawDocument(post)->source().id(), "telegram:deepstateua");
  EXPECT_EQ(ToRawDocument(post)->external_id(), "deepstateua/20743");
  post.version = 2;
  post.edit_date = absl::FromUnixSeconds(1736153000);
  absl::StatusOr<v1::RawDocument> edited = ToRawDocument(post);
  EXPECT_NE(edited->id(), id);
  EXPECT_EQ(edited->external_id(), "deepstateua/20743");
  EXPECT_EQ(edited->version(), 2u);
  EXPECT_EQ(edited->edited_time().seconds(), 1736153000);
  // A configured source id takes part in the id.
  RawDocumentOptions options;
  options.source.set_id("telegram:DeepStateUA");
  options.source.set_affiliation(v1::AFFILIATION_UKRAINIAN_MONITORING);
  absl::StatusOr<v1::RawDocument> configured = ToRawDocument(post, options);
  EXPECT_EQ(configured->source().id(), "telegram:DeepStateUA");
  EXPECT_EQ(configured->source().affiliation(),
            v1::AFFILIATION_UKRAINIAN_MONITORING);
  EXPECT_NE(configured->id(), edited->id());
}

TEST(TelegramRawDocumentTest, BotApiPostsMapToBotApiFormat) {
  absl::StatusOr<UpdatesBatch> batch =
      ParseGetUpdates(ReadTestdata("bot_updates.json"), nullptr);
  ASSERT_TRUE(batch.ok());
  absl::StatusOr<v1::RawDocument> photo = ToRawDocument(batch->posts[1]);
  ASSERT_TRUE(photo.ok()) << photo.status();
  EXPECT_EQ(photo->format(), v1::RAW_FORMAT_TELEGRAM_BOT_API_MESSAGE);
  EXPECT_EQ(photo->external_id(), "mod_russia/46002");
  EXPECT_EQ(photo->attributes().at("media_type"), "photo");
  EXPECT_EQ(photo->attributes().at("media_caption"), photo->body());
  EXPECT_EQ(photo->attributes().at("hashtags"), "#Курахово");
  absl::StatusOr<v1::RawDocument> forward = ToRawDocument(batch->posts[3]);
  EXPECT_EQ(forward->provenance().forward_origin().channel_id(), "mod_russia");
  EXPECT_EQ(forward->provenance().forward_origin().message_id(), "45987");
  EXPECT_EQ(forward->provenance().forward_origin().original_time().seconds(),
            1736087400);
}

TEST(TelegramRawDocumentTest, PostWithoutUsernameUsesNumericChannel) {
  Post post;
  post.format = PostFormat::kDesktopExport;
  post.channel_id = 1622530520;
  post.message_id = 20741;
  post.forward_origin = ForwardOrigin{.channel_name = "Генштаб"};
  absl::StatusOr<v1::RawDocument> doc = ToRawDocument(post);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->format(), v1::RAW_FORMAT_TELEGRAM_EXPORT_MESSAGE);
  EXPECT_EQ(doc->external_id(), "1622530520/20741");
  EXPECT_EQ(doc->url(), "https://t.me/c/1622530520/20741");
  EXPECT_EQ(doc->provenance().forward_origin().channel_id(), "");
  EXPECT_EQ(doc->provenance().forward_origin().channel_name(), "Генштаб");
}

TEST(TelegramRawDocumentTest, PostWithoutIdentityIsInvalid) {
  Post post;
  post.message_id = 5;
  EXPECT_EQ(ToRawDocument(post).status().code(),
            absl::StatusCode::kInvalidArgument);
  post.channel_username = "rybar";
  post.message_id = 0;
  EXPECT_EQ(ToRawDocument(post).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace frontline::telegram
