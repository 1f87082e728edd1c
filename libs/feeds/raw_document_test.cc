#include "libs/feeds/raw_document.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/feeds/feed_parser.h"
#include "libs/feeds/test_util.h"
#include "libs/pipeline/raw_documents.h"

namespace frontline::feeds {
namespace {

using testing::ReadTestdata;
using testing::Utc;

frontline::v1::Source KyivIndependent() {
  frontline::v1::Source source;
  source.set_id("feed:kyivindependent");
  source.set_kind(frontline::v1::SOURCE_KIND_FEED);
  source.set_affiliation(frontline::v1::AFFILIATION_UKRAINIAN_MEDIA);
  return source;
}

FeedItem Item() {
  FeedItem item;
  item.format = FeedFormat::kRss2;
  item.external_id = "ki-2025-01-06-kurakhove";
  item.url = "https://kyivindependent.com/russia-claims-capture-of-kurakhove/";
  item.title = "Russia claims capture of Kurakhove";
  item.author = "Kateryna Denisova";
  item.body = "<p>The Russian Defense Ministry claimed...</p>";
  item.body_type = BodyType::kHtml;
  item.published = Utc(2025, 1, 6, 11, 5);
  return item;
}

TEST(RawDocumentTest, FillsEveryField) {
  const absl::Time fetched = Utc(2025, 1, 6, 12, 0) + absl::Milliseconds(7);
  FeedItem item = Item();
  item.categories = {"Kurakhove", "War"};
  const frontline::v1::RawDocument doc =
      ToRawDocument(item, KyivIndependent(), fetched);
  EXPECT_THAT(doc.id(), ::testing::MatchesRegex("[0-9a-f]{16}"));
  EXPECT_EQ(doc.source().id(), "feed:kyivindependent");
  EXPECT_EQ(doc.external_id(), item.external_id);
  EXPECT_EQ(doc.url(), item.url);
  EXPECT_EQ(doc.title(), item.title);
  EXPECT_EQ(doc.author(), item.author);
  EXPECT_EQ(doc.body(), item.body);
  EXPECT_EQ(doc.content_type(), "text/html; charset=utf-8");
  EXPECT_EQ(doc.format(), frontline::v1::RAW_FORMAT_RSS_ITEM);
  EXPECT_EQ(doc.published_time().seconds(),
            absl::ToUnixSeconds(*item.published));
  EXPECT_FALSE(doc.has_edited_time());
  EXPECT_EQ(doc.fetched_time().seconds(), absl::ToUnixSeconds(fetched));
  EXPECT_EQ(doc.fetched_time().nanos(), 7000000);
  EXPECT_EQ(doc.version(), 1u);
  EXPECT_EQ(doc.attributes().at("content_hash"), ContentHash(item));
  EXPECT_EQ(doc.attributes().at("external_id_origin"), "native");
  EXPECT_EQ(doc.attributes().at("categories"), "Kurakhove, War");
}

TEST(RawDocumentTest, SameItemSameIdAcrossFetches) {
  const FeedItem item = Item();
  const auto doc = ToRawDocument(item, KyivIndependent(), Utc(2025, 1, 6));
  EXPECT_EQ(doc.id(),
            ToRawDocument(item, KyivIndependent(), Utc(2025, 1, 7)).id());
  EXPECT_EQ(doc.id(), pipeline::RawDocumentId(doc));
}

TEST(RawDocumentTest, ContentHashIsPinned) {
  // A changed definition would make every stored item look edited.
  EXPECT_EQ(ContentHash(Item()), "dd83802299649eda");
}

TEST(RawDocumentTest, AnEditIsANewVersionOfTheSameExternalId) {
  const FeedItem first = Item();
  FeedItem edited = Item();
  edited.body += "<p>Ukraine's General Staff denied the claim.</p>";
  edited.updated = Utc(2025, 1, 6, 15, 0);
  const auto a = ToRawDocument(first, KyivIndependent(), Utc(2025, 1, 6));
  const auto b =
      ToRawDocument(edited, KyivIndependent(), Utc(2025, 1, 6), /*version=*/2);
  EXPECT_EQ(a.external_id(), b.external_id());
  EXPECT_EQ(b.version(), 2u);
  EXPECT_NE(a.id(), b.id());
  EXPECT_NE(a.attributes().at("content_hash"),
            b.attributes().at("content_hash"));
  EXPECT_TRUE(b.has_edited_time());
  EXPECT_EQ(b.edited_time().seconds(), absl::ToUnixSeconds(*edited.updated));
}

TEST(RawDocumentTest, RestampedUpdateWithSameTextKeepsTheContentHash) {
  FeedItem restamped = Item();
  restamped.updated = Utc(2025, 1, 6, 15, 0);
  EXPECT_EQ(ContentHash(Item()), ContentHash(restamped));
}

TEST(RawDocumentTest, SourceIsPartOfTheId) {
  v1::Source meduza = KyivIndependent();
  meduza.set_id("feed:meduza");
  EXPECT_NE(ToRawDocument(Item(), KyivIndependent(), Utc(2025, 1, 6)).id(),
            ToRawDocument(Item(), meduza, Utc(2025, 1, 6)).id());
}

TEST(RawDocumentTest, EditedTimeOnlyWhenLaterThanPublished) {
  FeedItem item = Item();
  item.updated = *item.published - absl::Hours(1);
  EXPECT_FALSE(ToRawDocument(item, KyivIndependent(), Utc(2025, 1, 6))
                   .has_edited_time());
  item.updated = *item.published;
  EXPECT_FALSE(ToRawDocument(item, KyivIndependent(), Utc(2025, 1, 6))
                   .has_edited_time());
}

TEST(RawDocumentTest, FormatsAndContentTypesFromEachFixture) {
  struct Case {
    const char* file;
    frontline::v1::RawFormat format;
  };
  for (const Case& c :
       {Case{"kyiv_independent_rss.xml", frontline::v1::RAW_FORMAT_RSS_ITEM},
        Case{"meduza_atom.xml", frontline::v1::RAW_FORMAT_ATOM_ENTRY},
        Case{"isw_rdf.xml", frontline::v1::RAW_FORMAT_RDF_ITEM},
        Case{"tass_feed.json", frontline::v1::RAW_FORMAT_JSON_FEED_ITEM}}) {
    absl::StatusOr<ParsedFeed> feed = ParseFeed(ReadTestdata(c.file));
    ASSERT_TRUE(feed.ok()) << c.file << ": " << feed.status();
    for (const FeedItem& item : feed->items) {
      const auto doc = ToRawDocument(item, KyivIndependent(), Utc(2025, 1, 6));
      EXPECT_EQ(doc.format(), c.format) << c.file;
      EXPECT_THAT(doc.content_type(),
                  ::testing::AnyOf("text/html; charset=utf-8",
                                   "text/plain; charset=utf-8"))
          << c.file;
    }
  }
  absl::StatusOr<ParsedFeed> meduza =
      ParseFeed(ReadTestdata("meduza_atom.xml"));
  ASSERT_TRUE(meduza.ok());
  const auto kursk =
      ToRawDocument(meduza->items[0], KyivIndependent(), Utc(2025, 1, 6));
  EXPECT_TRUE(kursk.has_edited_time());
  const auto pokrovsk =
      ToRawDocument(meduza->items[2], KyivIndependent(), Utc(2025, 1, 6));
  EXPECT_EQ(pokrovsk.content_type(), "text/plain; charset=utf-8");
  EXPECT_FALSE(pokrovsk.has_edited_time());  // updated before published
}

}  // namespace
}  // namespace frontline::feeds
