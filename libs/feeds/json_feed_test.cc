#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/feeds/feed_parser.h"
#include "libs/feeds/test_util.h"

namespace frontline::feeds {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::ReadTestdata;
using testing::Utc;

TEST(JsonFeedTest, DetectsJsonFeedFromTheBytes) {
  EXPECT_EQ(DetectFeedFormat(ReadTestdata("tass_feed.json")),
            FeedFormat::kJsonFeed);
}

TEST(JsonFeedTest, ReadsTassFeedAndSkipsANonObjectItem) {
  absl::StatusOr<ParsedFeed> feed = ParseFeed(ReadTestdata("tass_feed.json"));
  ASSERT_TRUE(feed.ok()) << feed.status();
  EXPECT_EQ(feed->format, FeedFormat::kJsonFeed);
  EXPECT_EQ(feed->info.title, "ТАСС — Специальная военная операция");
  EXPECT_EQ(feed->info.link, "https://tass.ru/");
  EXPECT_EQ(feed->info.language, "ru");
  ASSERT_EQ(feed->items.size(), 3u);
  ASSERT_EQ(feed->report.problems.size(), 1u);
  EXPECT_THAT(feed->report.problems[0].message(), HasSubstr("item 2"));

  const FeedItem& kurakhovo = feed->items[0];
  EXPECT_EQ(kurakhovo.format, FeedFormat::kJsonFeed);
  EXPECT_EQ(kurakhovo.external_id, "tass-22851001");
  EXPECT_EQ(kurakhovo.url, "https://tass.ru/armiya-i-opk/22851001");
  EXPECT_EQ(kurakhovo.published, Utc(2025, 1, 6, 8, 5));
  EXPECT_EQ(kurakhovo.updated, Utc(2025, 1, 6, 8, 40));
  EXPECT_EQ(kurakhovo.author, "Иван Петров, Анна Смирнова");
  EXPECT_EQ(kurakhovo.body_type, BodyType::kHtml);
  EXPECT_THAT(kurakhovo.body, HasSubstr("полностью освободили город Курахово"));
  EXPECT_THAT(kurakhovo.categories, ElementsAre("Курахово", "СВО"));

  const FeedItem& kursk = feed->items[1];
  EXPECT_EQ(kursk.external_id, "22850977");  // a number in the wild
  EXPECT_EQ(kursk.body_type, BodyType::kText);
  EXPECT_THAT(kursk.body, HasSubstr("Бердина"));
  EXPECT_EQ(kursk.author, "ТАСС");  // the feed's authors

  const FeedItem& peskov = feed->items[2];
  EXPECT_EQ(peskov.external_id_origin, ExternalIdOrigin::kLink);
  EXPECT_EQ(peskov.body_type, BodyType::kText);
  EXPECT_FALSE(peskov.published.has_value());
}

TEST(JsonFeedTest, JsonFeed10AuthorIsRead) {
  absl::StatusOr<ParsedFeed> feed =
      ParseFeed(R"({"version":"https://jsonfeed.org/version/1","items":[)"
                R"({"id":"1","author":{"name":"Ria"},"content_text":"x"}]})");
  ASSERT_TRUE(feed.ok()) << feed.status();
  EXPECT_EQ(feed->items[0].author, "Ria");
}

TEST(JsonFeedTest, JsonWithoutItemsIsNotAFeed) {
  EXPECT_EQ(ParseFeed(R"({"version":"x"})").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseFeed(R"([1, 2])").status().code(),
            absl::StatusCode::kInvalidArgument);
}

// Found by tests/fuzz/json_feed_fuzzer: a truncated feed whose "items" key
// is repeated kept as many items of the last array as the first one had
// (memory past the array's end).
TEST(JsonFeedTest, TruncatedFeedWithRepeatedItemsKeepsTheLastArraysItems) {
  absl::StatusOr<ParsedFeed> feed =
      ParseFeed(R"({"items": [{"id": "a"}, {"id": "b"}, {"id": "c"}],)"
                R"( "items": [{"id": "d"}, {"id": "e", "title": )");
  ASSERT_TRUE(feed.ok()) << feed.status();
  ASSERT_EQ(feed->items.size(), 1u);
  EXPECT_EQ(feed->items[0].external_id, "d");
  ASSERT_EQ(feed->report.problems.size(), 1u);
  EXPECT_EQ(feed->report.problems[0].code(), absl::StatusCode::kDataLoss);
}

}  // namespace
}  // namespace frontline::feeds
