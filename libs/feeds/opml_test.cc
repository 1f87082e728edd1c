#include "libs/feeds/opml.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/feeds/test_util.h"

namespace frontline::feeds {
namespace {

using ::testing::ElementsAre;
using testing::ReadTestdata;

TEST(OpmlTest, ReadsNestedCategories) {
  absl::StatusOr<OpmlDocument> opml =
      ParseOpml(ReadTestdata("subscriptions.opml"));
  ASSERT_TRUE(opml.ok()) << opml.status();
  EXPECT_EQ(opml->title, "Frontline sources");
  ASSERT_EQ(opml->feeds.size(), 6u);

  EXPECT_EQ(opml->feeds[0].title, "The Kyiv Independent");
  EXPECT_EQ(opml->feeds[0].xml_url, "https://kyivindependent.com/rss/");
  EXPECT_EQ(opml->feeds[0].html_url, "https://kyivindependent.com");
  EXPECT_EQ(opml->feeds[0].type, "rss");
  EXPECT_EQ(opml->feeds[0].language, "en");
  EXPECT_THAT(opml->feeds[0].categories, ElementsAre("Ukraine", "Media"));

  EXPECT_EQ(opml->feeds[1].title, "Українська правда");  // from text=
  EXPECT_EQ(opml->feeds[2].title, "Генштаб ЗСУ");
  EXPECT_THAT(opml->feeds[2].categories, ElementsAre("Ukraine"));
  EXPECT_THAT(opml->feeds[3].categories, ElementsAre("Russia"));
  EXPECT_EQ(opml->feeds[4].type, "atom");
  EXPECT_TRUE(opml->feeds[5].categories.empty());

  // The second ISW outline repeats an xmlUrl.
  ASSERT_EQ(opml->report.problems.size(), 1u);
  EXPECT_EQ(opml->report.problems[0].code(), absl::StatusCode::kAlreadyExists);
}

TEST(OpmlTest, ToSourceNamesTheFeed) {
  FeedSubscription feed;
  feed.title = "ТАСС";
  feed.xml_url = "https://tass.ru/rss/v2.xml";
  feed.language = "ru";
  const frontline::v1::Source source = ToSource(feed);
  EXPECT_EQ(source.id(), "feed:https://tass.ru/rss/v2.xml");
  EXPECT_EQ(source.kind(), frontline::v1::SOURCE_KIND_FEED);
  EXPECT_EQ(source.name(), "ТАСС");
  EXPECT_EQ(source.url(), feed.xml_url);
  EXPECT_EQ(source.language(), "ru");
}

TEST(OpmlTest, RejectsWhatIsNotOpml) {
  EXPECT_EQ(ParseOpml("<rss/>").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseOpml("not xml").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(OpmlTest, TruncatedOpmlKeepsTheFeedsBeforeTheError) {
  const std::string bytes = ReadTestdata("subscriptions.opml");
  absl::StatusOr<OpmlDocument> opml =
      ParseOpml(bytes.substr(0, bytes.find("ТАСС")));
  ASSERT_TRUE(opml.ok()) << opml.status();
  EXPECT_EQ(opml->feeds.size(), 3u);
  EXPECT_EQ(opml->report.problems.back().code(), absl::StatusCode::kDataLoss);
}

}  // namespace
}  // namespace frontline::feeds
