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

TEST(AtomTest, DetectsAtomFromTheBytes) {
  EXPECT_EQ(DetectFeedFormat(ReadTestdata("meduza_atom.xml")),
            FeedFormat::kAtom);
}

TEST(AtomTest, ReadsMeduzaFeed) {
  absl::StatusOr<ParsedFeed> feed = ParseFeed(ReadTestdata("meduza_atom.xml"));
  ASSERT_TRUE(feed.ok()) << feed.status();
  EXPECT_EQ(feed->format, FeedFormat::kAtom);
  EXPECT_EQ(feed->info.title, "Медуза — Война");
  EXPECT_EQ(feed->info.link, "https://meduza.io/");
  EXPECT_EQ(feed->info.language, "ru");
  EXPECT_TRUE(feed->report.problems.empty());
  ASSERT_EQ(feed->items.size(), 3u);

  const FeedItem& kursk = feed->items[0];
  EXPECT_EQ(kursk.format, FeedFormat::kAtom);
  EXPECT_EQ(kursk.external_id, "urn:meduza:feature:2025-01-06-kursk");
  EXPECT_EQ(kursk.url,
            "https://meduza.io/feature/2025/01/06/vsu-snova-atakuyut");
  EXPECT_EQ(kursk.published, Utc(2025, 1, 6, 6, 15));
  EXPECT_EQ(kursk.updated, Utc(2025, 1, 6, 8, 30));
  EXPECT_EQ(kursk.author, "Дмитрий Кузнецов");
  // type="html" content wins over the summary, entity-decoded.
  EXPECT_EQ(kursk.body_type, BodyType::kHtml);
  EXPECT_THAT(kursk.body, HasSubstr("<p>Украинские войска начали новые атаки"));
  EXPECT_THAT(kursk.categories, ElementsAre("Война"));

  const FeedItem& kurakhovo = feed->items[1];
  // No <published>: <updated> stands in.
  EXPECT_EQ(kurakhovo.published, Utc(2025, 1, 6, 8, 2));
  EXPECT_EQ(kurakhovo.url, "https://meduza.io/news/2025/01/06/kurakhovo");
  // xhtml content: the wrapping div is not part of the content.
  EXPECT_EQ(kurakhovo.body_type, BodyType::kHtml);
  EXPECT_THAT(kurakhovo.body, ::testing::StartsWith("<p>Министерство"));
  EXPECT_THAT(kurakhovo.body, HasSubstr("<b>полностью освободили</b>"));
  // No entry author: the feed's.
  EXPECT_EQ(kurakhovo.author, "Редакция «Медузы»");

  const FeedItem& pokrovsk = feed->items[2];
  EXPECT_EQ(pokrovsk.body_type, BodyType::kText);
  EXPECT_THAT(pokrovsk.body, HasSubstr("Аналитики ISW"));
  EXPECT_EQ(pokrovsk.published,
            Utc(2025, 1, 5, 21, 0) + absl::Milliseconds(500));
  EXPECT_TRUE(pokrovsk.url.empty());
}

TEST(AtomTest, OutOfLineContentFallsBackToSummary) {
  absl::StatusOr<ParsedFeed> feed = ParseFeed(
      "<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>e1</id>"
      "<content src='https://example.org/x.html' type='text/html'/>"
      "<summary type='html'>&lt;i&gt;Kursk&lt;/i&gt;</summary>"
      "<updated>2025-01-06T00:00:00Z</updated></entry></feed>");
  ASSERT_TRUE(feed.ok()) << feed.status();
  ASSERT_EQ(feed->items.size(), 1u);
  EXPECT_EQ(feed->items[0].body, "<i>Kursk</i>");
  EXPECT_EQ(feed->items[0].body_type, BodyType::kHtml);
}

TEST(AtomTest, PrefixedAtomNamespaceIsRead) {
  absl::StatusOr<ParsedFeed> feed = ParseFeed(
      "<a:feed xmlns:a='http://www.w3.org/2005/Atom'><a:entry><a:id>e1</a:id>"
      "<a:title>Sudzha</a:title></a:entry></a:feed>");
  ASSERT_TRUE(feed.ok()) << feed.status();
  ASSERT_EQ(feed->items.size(), 1u);
  EXPECT_EQ(feed->items[0].external_id, "e1");
  EXPECT_EQ(feed->items[0].title, "Sudzha");
}

}  // namespace
}  // namespace frontline::feeds
