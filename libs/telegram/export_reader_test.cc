#include "libs/telegram/export_reader.h"

#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/telegram/export_generator.h"
#include "libs/telegram/test_util.h"

namespace frontline::telegram {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::ReadTestdata;
using ::testing::StartsWith;

struct ReadResult {
  absl::Status status;
  std::vector<Post> posts;
  ExportSummary summary;
  std::vector<int64_t> progress;
};

ReadResult Read(const std::string& bytes, ExportOptions options = {}) {
  ReadResult result;
  std::istringstream in(bytes);
  result.status = ReadDesktopExport(
      in, options,
      [&](Post post) {
        result.posts.push_back(std::move(post));
        return absl::OkStatus();
      },
      [&](int64_t bytes_read) { result.progress.push_back(bytes_read); },
      &result.summary);
  return result;
}

TEST(TelegramExportReaderTest, ReadsChannelExport) {
  const std::string bytes = ReadTestdata("export_deepstate.json");
  ReadResult r = Read(bytes);
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.summary.channel_title, "DeepState");
  EXPECT_EQ(r.summary.channel_id, 1622530520);
  EXPECT_EQ(r.summary.chat_type, "public_channel");
  EXPECT_EQ(r.summary.posts_delivered, 5);
  EXPECT_EQ(r.summary.service_messages_skipped, 1);
  EXPECT_EQ(r.summary.messages_rejected, 0);
  EXPECT_EQ(r.summary.bytes_read, static_cast<int64_t>(bytes.size()));
  ASSERT_EQ(r.posts.size(), 5u);

  const Post& plain = r.posts[0];
  EXPECT_EQ(plain.format, PostFormat::kDesktopExport);
  EXPECT_EQ(plain.message_id, 20741);
  EXPECT_EQ(plain.channel_id, 1622530520);
  EXPECT_EQ(plain.channel_title, "DeepState");
  EXPECT_EQ(plain.date, absl::FromUnixSeconds(1736072080));
  EXPECT_EQ(plain.version, 1u);
  EXPECT_FALSE(plain.edit_date.has_value());
  EXPECT_THAT(plain.text, StartsWith("Ворог просунувся в Курахове"));
}

TEST(TelegramExportReaderTest, FlattensEntitiesAndKeepsEditsMediaAndForwards) {
  ReadResult r = Read(ReadTestdata("export_deepstate.json"));
  ASSERT_TRUE(r.status.ok()) << r.status;
  ASSERT_EQ(r.posts.size(), 5u);

  const Post& edited = r.posts[1];
  EXPECT_EQ(edited.message_id, 20742);
  EXPECT_EQ(edited.version, 2u);
  EXPECT_EQ(edited.edit_date, absl::FromUnixSeconds(1736102515));
  EXPECT_THAT(edited.text,
              StartsWith("Сили оборони розпочали наступ на Курщині\n\nЗа "));
  EXPECT_THAT(edited.text, HasSubstr("на мапі: DeepStateMap\n\n#Курщина "
                                     "#DeepStateMap"));
  EXPECT_THAT(edited.hashtags, ElementsAre("#Курщина", "#DeepStateMap"));
  EXPECT_THAT(edited.links,
              ElementsAre("https://deepstatemap.live/#10/51.3/35.4"));
  EXPECT_EQ(edited.media_type, "photo");
  EXPECT_EQ(edited.media_caption, edited.text);

  const Post& forward = r.posts[2];
  ASSERT_TRUE(forward.forward_origin.has_value());
  EXPECT_EQ(forward.forward_origin->channel_name,
            "Генеральний штаб ЗСУ / General Staff of the Armed Forces of "
            "Ukraine");
  EXPECT_EQ(forward.forward_origin->message_id, 0);
  EXPECT_THAT(forward.text, HasSubstr("на Покровському напрямку"));
  EXPECT_THAT(forward.links,
              ElementsAre("https://www.facebook.com/GeneralStaff.ua"));
  EXPECT_TRUE(forward.media_type.empty());

  const Post& reply = r.posts[3];
  EXPECT_EQ(reply.reply_to_message_id, 20741);
  EXPECT_EQ(reply.media_type, "video_file");
  // An entity type the reader does not know still contributes its text.
  EXPECT_EQ(reply.text,
            "Російський прапор над адмінбудівлею в Курахове, геолокація: "
            "47.9876, 37.2811. @DeepStateUA");

  const Post& signed_post = r.posts[4];
  EXPECT_EQ(signed_post.author, "Роман Погорілий");
  EXPECT_THAT(signed_post.hashtags, ElementsAre("#Kurakhove"));
}

TEST(TelegramExportReaderTest, UsernameOptionKeysPostsByUsername) {
  ExportOptions options;
  options.channel_username = "DeepStateUA";
  ReadResult r = Read(ReadTestdata("export_deepstate.json"), options);
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(ExternalId(r.posts[0]), "deepstateua/20741");
  ReadResult by_id = Read(ReadTestdata("export_deepstate.json"));
  EXPECT_EQ(ExternalId(by_id.posts[0]), "1622530520/20741");
}

TEST(TelegramExportReaderTest, ReportsProgressUpToTheLastByte) {
  const std::string bytes = testing::GenerateExport(3000);
  ExportOptions options;
  options.progress_interval_bytes = 64 << 10;
  ReadResult r = Read(bytes, options);
  ASSERT_TRUE(r.status.ok()) << r.status;
  ASSERT_GE(r.progress.size(), bytes.size() / (64 << 10));
  EXPECT_TRUE(std::is_sorted(r.progress.begin(), r.progress.end()));
  EXPECT_EQ(r.progress.back(), static_cast<int64_t>(bytes.size()));
}

TEST(TelegramExportReaderTest, MemoryStaysBoundedByTheLargestMessage) {
  const std::string bytes = testing::GenerateExport(20000);
  ASSERT_GT(bytes.size(), 5u << 20);
  ReadResult r = Read(bytes);
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.summary.posts_delivered, 20000 - 20000 / 50);
  EXPECT_EQ(r.summary.service_messages_skipped, 20000 / 50);
  // The reader holds one message at a time: its high-water mark is one
  // message of the file (under 1 KiB here), not the file (over 5 MiB).
  EXPECT_GT(r.summary.largest_message_bytes, 200);
  EXPECT_LT(r.summary.largest_message_bytes, 1024);
}

TEST(TelegramExportReaderTest, OversizedMessageFailsWithResourceExhausted) {
  const std::string big(1 << 20, 'x');
  const std::string bytes = absl::StrCat(
      R"({"name":"Rybar","id":1,"messages":[)",
      R"({"id":1,"type":"message","date_unixtime":"1736035200","text":"Бердин"},)",
      R"({"id":2,"type":"message","date_unixtime":"1736035260","text":")", big,
      R"("}]})");
  ExportOptions options;
  options.max_message_bytes = 256 << 10;
  ReadResult r = Read(bytes, options);
  EXPECT_EQ(r.status.code(), absl::StatusCode::kResourceExhausted) << r.status;
  EXPECT_THAT(std::string(r.status.message()), HasSubstr("max_message_bytes"));
  ASSERT_EQ(r.posts.size(), 1u);
  EXPECT_EQ(r.posts[0].text, "Бердин");
}

TEST(TelegramExportReaderTest, TruncatedExportDeliversMessagesBeforeTheBreak) {
  ReadResult r = Read(ReadTestdata("export_truncated.json"));
  EXPECT_EQ(r.status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(r.status.message()), HasSubstr("malformed JSON"));
  ASSERT_EQ(r.posts.size(), 2u);
  EXPECT_EQ(r.posts[0].message_id, 20741);
  EXPECT_EQ(r.posts[1].message_id, 20742);
  EXPECT_EQ(r.summary.posts_delivered, 2);
}

TEST(TelegramExportReaderTest, MessageWithoutUnixDateIsRejectedAndTheRestKept) {
  ReadResult r = Read(ReadTestdata("export_missing_date.json"));
  ASSERT_TRUE(r.status.ok()) << r.status;
  ASSERT_EQ(r.posts.size(), 2u);
  EXPECT_EQ(r.posts[0].message_id, 24310);
  EXPECT_EQ(r.posts[1].message_id, 24312);
  EXPECT_EQ(r.summary.messages_rejected, 1);
  ASSERT_EQ(r.summary.message_errors.size(), 1u);
  EXPECT_EQ(r.summary.message_errors[0].code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(r.summary.message_errors[0].message()),
              HasSubstr("24311 has no date_unixtime"));
}

TEST(TelegramExportReaderTest, DeepNestingStopsWithAClearError) {
  const std::string bytes =
      absl::StrCat(R"({"name":"x","id":1,"messages":[)",
                   R"({"id":1,"date_unixtime":"1736035200","text":"Суджа"},)",
                   R"({"id":2,"date_unixtime":"1736035200","text":)",
                   std::string(100000, '['), std::string(100000, ']'), "}]}");
  ReadResult r = Read(bytes);
  EXPECT_EQ(r.status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(r.status.message()),
              HasSubstr("nested deeper than 64"));
  ASSERT_EQ(r.posts.size(), 1u);

  const std::string outside =
      absl::StrCat(R"({"other":)", std::string(5000, '['), "]}");
  EXPECT_THAT(std::string(Read(outside).status.message()),
              HasSubstr("nested deeper than 64"));
}

TEST(TelegramExportReaderTest, InvalidUtf8IsReplacedNotFatal) {
  const std::string bytes =
      "{\"name\":\"Rybar\",\"id\":7,\"messages\":[{\"id\":5,\"date_unixtime\":"
      "\"1736035200\",\"text\":[\"Курахово \xFF\xFE \",{\"type\":\"bold\","
      "\"text\":\"ТЭС\xD0\"}]}]}";
  ReadResult r = Read(bytes);
  ASSERT_TRUE(r.status.ok()) << r.status;
  ASSERT_EQ(r.posts.size(), 1u);
  EXPECT_EQ(r.posts[0].text,
            "Курахово \xEF\xBF\xBD\xEF\xBF\xBD ТЭС\xEF\xBF\xBD");
  EXPECT_EQ(r.summary.invalid_utf8_replaced, 3);
}

TEST(TelegramExportReaderTest, NonExportJsonIsRejected) {
  ReadResult r = Read(R"({"ok":true,"result":[]})");
  EXPECT_EQ(r.status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(r.status.message()), HasSubstr("messages"));
  EXPECT_EQ(Read("").status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Read("[1,2").status.code(), absl::StatusCode::kInvalidArgument);
}

TEST(TelegramExportReaderTest, SinkErrorStopsTheRead) {
  std::istringstream in(ReadTestdata("export_deepstate.json"));
  ExportSummary summary;
  int calls = 0;
  absl::Status status = ReadDesktopExport(
      in, {},
      [&](Post) {
        ++calls;
        return absl::UnavailableError("bus down");
      },
      nullptr, &summary);
  EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(summary.posts_delivered, 0);
}

}  // namespace
}  // namespace frontline::telegram
