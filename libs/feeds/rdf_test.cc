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

TEST(RdfTest, DetectsRdfFromTheBytes) {
  EXPECT_EQ(DetectFeedFormat(ReadTestdata("isw_rdf.xml")), FeedFormat::kRdf);
}

TEST(RdfTest, ReadsIswFeed) {
  absl::StatusOr<ParsedFeed> feed = ParseFeed(ReadTestdata("isw_rdf.xml"));
  ASSERT_TRUE(feed.ok()) << feed.status();
  EXPECT_EQ(feed->format, FeedFormat::kRdf);
  EXPECT_EQ(feed->info.title, "Institute for the Study of War");
  EXPECT_EQ(feed->info.language, "en-US");
  EXPECT_TRUE(feed->report.problems.empty());
  ASSERT_EQ(feed->items.size(), 2u);

  const FeedItem& jan5 = feed->items[0];
  EXPECT_EQ(jan5.format, FeedFormat::kRdf);
  EXPECT_EQ(jan5.external_id,
            "https://www.understandingwar.org/backgrounder/"
            "russian-offensive-campaign-assessment-january-5-2025");
  EXPECT_EQ(jan5.external_id_origin, ExternalIdOrigin::kNative);
  EXPECT_EQ(jan5.published, Utc(2025, 1, 6, 4, 59));
  EXPECT_EQ(jan5.author, "Christina Harward");
  EXPECT_THAT(jan5.categories, ElementsAre("Kursk"));
  EXPECT_THAT(jan5.body, HasSubstr("three areas in Kursk Oblast"));

  const FeedItem& jan6 = feed->items[1];
  EXPECT_EQ(jan6.published, Utc(2025, 1, 6));
  EXPECT_THAT(jan6.body, HasSubstr("<em>Kurakhove</em>"));
  EXPECT_THAT(jan6.body, HasSubstr("500 square kilometers"));
}

}  // namespace
}  // namespace frontline::feeds
