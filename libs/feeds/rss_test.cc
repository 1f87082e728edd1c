#include <string>

#include "absl/strings/str_cat.h"
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

TEST(RssTest, DetectsRssFromTheBytes) {
  EXPECT_EQ(DetectFeedFormat(ReadTestdata("kyiv_independent_rss.xml")),
            FeedFormat::kRss2);
}

TEST(RssTest, ReadsKyivIndependentFeed) {
  absl::StatusOr<ParsedFeed> feed =
      ParseFeed(ReadTestdata("kyiv_independent_rss.xml"));
  ASSERT_TRUE(feed.ok()) << feed.status();
  EXPECT_EQ(feed->format, FeedFormat::kRss2);
  EXPECT_EQ(feed->info.title, "The Kyiv Independent");
  EXPECT_EQ(feed->info.link, "https://kyivindependent.com");
  EXPECT_EQ(feed->info.language, "en");
  EXPECT_TRUE(feed->report.problems.empty());
  ASSERT_EQ(feed->items.size(), 4u);

  const FeedItem& kursk = feed->items[0];
  EXPECT_EQ(kursk.format, FeedFormat::kRss2);
  EXPECT_EQ(kursk.external_id, "ki-2025-01-05-kursk-offensive");
  EXPECT_EQ(kursk.external_id_origin, ExternalIdOrigin::kNative);
  EXPECT_EQ(kursk.url,
            "https://kyivindependent.com/"
            "ukraine-launches-renewed-offensive-in-kursk-oblast/");
  EXPECT_EQ(kursk.author, "Martin Fornusek");
  EXPECT_EQ(kursk.published, Utc(2025, 1, 5, 18, 42, 10));
  EXPECT_FALSE(kursk.updated.has_value());
  // content:encoded wins over description.
  EXPECT_THAT(kursk.body, HasSubstr("<p>Ukrainian forces launched a new"));
  EXPECT_THAT(kursk.body, HasSubstr("Andrii Yermak"));
  EXPECT_EQ(kursk.body_type, BodyType::kHtml);
  EXPECT_THAT(kursk.categories, ElementsAre("Kursk", "War"));

  const FeedItem& kurakhove = feed->items[1];
  EXPECT_EQ(kurakhove.external_id,
            "https://kyivindependent.com/russia-claims-capture-of-kurakhove/");
  EXPECT_EQ(kurakhove.author, "Kateryna Denisova");
  EXPECT_EQ(kurakhove.published, Utc(2025, 1, 6, 11, 5));
  EXPECT_THAT(kurakhove.body, HasSubstr("<p>The Russian Defense Ministry"));

  const FeedItem& pokrovsk = feed->items[2];
  EXPECT_EQ(pokrovsk.external_id_origin, ExternalIdOrigin::kLink);
  EXPECT_EQ(pokrovsk.external_id,
            "https://kyivindependent.com/pokrovsk-assaults-continue/");
  EXPECT_EQ(pokrovsk.author, "Olena Goncharova, Dmytro Basmat");
  EXPECT_EQ(pokrovsk.published, Utc(2025, 1, 6, 3, 40, 11));  // EST

  const FeedItem& north_korea = feed->items[3];
  EXPECT_EQ(north_korea.external_id_origin, ExternalIdOrigin::kHash);
  EXPECT_THAT(north_korea.external_id,
              ::testing::MatchesRegex("xxh3:[0-9a-f]{16}"));
  EXPECT_FALSE(north_korea.published.has_value());
  EXPECT_TRUE(north_korea.url.empty());
}

TEST(RssTest, PermalinkGuidStandsInForAMissingLink) {
  absl::StatusOr<ParsedFeed> feed = ParseFeed(
      "<rss><channel><item><guid>https://tass.ru/armiya-i-opk/1</guid>"
      "</item><item><guid isPermaLink=\"false\">https://x.invalid/2</guid>"
      "</item></channel></rss>");
  ASSERT_TRUE(feed.ok()) << feed.status();
  ASSERT_EQ(feed->items.size(), 2u);
  EXPECT_EQ(feed->items[0].url, "https://tass.ru/armiya-i-opk/1");
  EXPECT_EQ(feed->items[1].url, "");
}

TEST(RssTest, HashFallbackIdIsStableAndDependsOnTitleAndDate) {
  auto id_of = [](absl::string_view title, absl::string_view date) {
    absl::StatusOr<ParsedFeed> feed = ParseFeed(
        absl::StrCat("<rss><channel><item><title>", title, "</title><pubDate>",
                     date, "</pubDate></item></channel></rss>"));
    return feed.ok() && feed->items.size() == 1 ? feed->items[0].external_id
                                                : std::string("error");
  };
  const std::string a = id_of("Kurakhove", "Mon, 06 Jan 2025 10:00:00 GMT");
  EXPECT_EQ(a, id_of("Kurakhove", "Mon, 06 Jan 2025 10:00:00 GMT"));
  EXPECT_NE(a, id_of("Kurakhove", "Mon, 06 Jan 2025 11:00:00 GMT"));
  EXPECT_NE(a, id_of("Kurakhovo", "Mon, 06 Jan 2025 10:00:00 GMT"));
}

TEST(RssTest, UnparseableDateIsAProblemNotAFailure) {
  absl::StatusOr<ParsedFeed> feed = ParseFeed(
      "<rss><channel><item><guid>1</guid><pubDate>вчора</pubDate></item>"
      "</channel></rss>");
  ASSERT_TRUE(feed.ok()) << feed.status();
  ASSERT_EQ(feed->items.size(), 1u);
  EXPECT_FALSE(feed->items[0].published.has_value());
  ASSERT_EQ(feed->report.problems.size(), 1u);
  EXPECT_EQ(feed->report.problems[0].code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(RssTest, RawHtmlInADescriptionIsKeptAsMarkup) {
  absl::StatusOr<ParsedFeed> feed = ParseFeed(
      "<rss><channel><item><guid>1</guid><description>Sudzha <b>held</b>"
      "</description></item></channel></rss>");
  ASSERT_TRUE(feed.ok()) << feed.status();
  EXPECT_EQ(feed->items[0].body, "Sudzha <b>held</b>");
}

TEST(RssTest, MaxItemsBoundsTheOutput) {
  ParseOptions options;
  options.max_items = 2;
  absl::StatusOr<ParsedFeed> feed =
      ParseFeed(ReadTestdata("kyiv_independent_rss.xml"), options);
  ASSERT_TRUE(feed.ok()) << feed.status();
  EXPECT_EQ(feed->items.size(), 2u);
  ASSERT_EQ(feed->report.problems.size(), 1u);
  EXPECT_EQ(feed->report.problems[0].code(),
            absl::StatusCode::kResourceExhausted);
}

TEST(RssTest, ConvertsWindows1251) {
  absl::StatusOr<ParsedFeed> feed =
      ParseFeed(ReadTestdata("ukrinform_windows1251.xml"));
  ASSERT_TRUE(feed.ok()) << feed.status();
  EXPECT_EQ(feed->report.source_encoding, "WINDOWS-1251");
  EXPECT_EQ(feed->report.invalid_utf8_replaced, 0u);
  EXPECT_EQ(feed->info.title, "Укрінформ — Війна");
  ASSERT_EQ(feed->items.size(), 2u);
  EXPECT_EQ(feed->items[0].title,
            "Сили оборони відновили наступальні дії на Курщині");
  EXPECT_THAT(feed->items[0].body, HasSubstr("біля Суджі. Є інформація"));
  // "Нд, 05 січ 2025" is no RFC 822 date: the item stays, undated.
  EXPECT_FALSE(feed->items[0].published.has_value());
  EXPECT_EQ(feed->items[1].published, Utc(2025, 1, 6, 6, 0));
  EXPECT_THAT(feed->items[1].body, HasSubstr("Курахового та Покровська"));
  ASSERT_EQ(feed->report.problems.size(), 1u);
}

TEST(RssTest, ConvertsKoi8r) {
  absl::StatusOr<ParsedFeed> feed = ParseFeed(ReadTestdata("ria_koi8r.xml"));
  ASSERT_TRUE(feed.ok()) << feed.status();
  EXPECT_EQ(feed->report.source_encoding, "KOI8-R");
  ASSERT_EQ(feed->items.size(), 1u);
  EXPECT_EQ(feed->items[0].title,
            "Российские войска освободили Курахово, сообщили в Минобороны");
  EXPECT_THAT(feed->items[0].body, HasSubstr("населённых пунктов"));
  EXPECT_EQ(feed->items[0].published, Utc(2025, 1, 6, 7, 58));
}

}  // namespace
}  // namespace frontline::feeds
