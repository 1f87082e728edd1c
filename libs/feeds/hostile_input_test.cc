// Malformed, oversized and malicious feeds: each gives a clear Status or a
// partial result with problems, and never a crash, an expansion or a fetch.
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/feeds/feed_parser.h"
#include "libs/feeds/opml.h"
#include "libs/feeds/test_util.h"

namespace frontline::feeds {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::ReadTestdata;

size_t TotalSize(const ParsedFeed& feed) {
  size_t size = feed.info.title.size();
  for (const FeedItem& item : feed.items) {
    size += item.title.size() + item.body.size() + item.author.size();
  }
  return size;
}

TEST(HostileInputTest, BillionLaughsIsNotExpanded) {
  const absl::Time start = absl::Now();
  absl::StatusOr<ParsedFeed> feed =
      ParseFeed(ReadTestdata("billion_laughs.xml"));
  ASSERT_TRUE(feed.ok()) << feed.status();
  EXPECT_LT(absl::Now() - start, absl::Seconds(1));
  ASSERT_EQ(feed->items.size(), 1u);
  // The reference stays as written; nothing grew.
  EXPECT_EQ(feed->items[0].title, "Kursk: &lol9;");
  EXPECT_EQ(feed->items[0].body, "Sudzha &lol9; &lol9; &lol9;");
  EXPECT_THAT(feed->info.title, Not(HasSubstr("lollol")));
  EXPECT_LT(TotalSize(*feed), 200u);
}

TEST(HostileInputTest, QuadraticBlowupIsNotExpanded) {
  const std::string bytes = ReadTestdata("quadratic_blowup.xml");
  absl::StatusOr<ParsedFeed> feed = ParseFeed(bytes);
  ASSERT_TRUE(feed.ok()) << feed.status();
  ASSERT_EQ(feed->items.size(), 1u);
  EXPECT_THAT(feed->items[0].body, Not(HasSubstr("AAAA")));
  EXPECT_LE(TotalSize(*feed), bytes.size());
}

TEST(HostileInputTest, ExternalEntitiesAreNeitherResolvedNorFetched) {
  absl::StatusOr<ParsedFeed> feed =
      ParseFeed(ReadTestdata("external_entity.xml"));
  ASSERT_TRUE(feed.ok()) << feed.status();
  ASSERT_EQ(feed->items.size(), 1u);
  EXPECT_EQ(feed->items[0].title, "Kurakhovo &xxe;");
  EXPECT_EQ(feed->items[0].body, "&xxe;");
  // Nothing of /etc/passwd ("root:x:0:0:...") came in.
  for (const FeedItem& item : feed->items) {
    EXPECT_THAT(item.title + item.body, Not(HasSubstr("root:")));
  }
}

TEST(HostileInputTest, TruncatedRssKeepsTheCompleteItems) {
  absl::StatusOr<ParsedFeed> feed =
      ParseFeed(ReadTestdata("truncated_rss.xml"));
  ASSERT_TRUE(feed.ok()) << feed.status();
  ASSERT_EQ(feed->items.size(), 1u);
  EXPECT_EQ(feed->items[0].external_id, "ki-2025-01-05-kursk-offensive");
  ASSERT_FALSE(feed->report.problems.empty());
  EXPECT_EQ(feed->report.problems.back().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(feed->report.problems.back().message(),
              HasSubstr("malformed XML"));
}

TEST(HostileInputTest, MalformedXmlWithoutItemsIsInvalidArgument) {
  for (absl::string_view bytes :
       {"<rss><channel><title>x</titl></channel></rss>", "<rss", "<",
        "<rss><channel><item><title>a</title>", "<<<>>>", "   "}) {
    absl::StatusOr<ParsedFeed> feed = ParseFeed(bytes);
    EXPECT_EQ(feed.status().code(), absl::StatusCode::kInvalidArgument)
        << bytes;
  }
}

TEST(HostileInputTest, NonFeedXmlIsInvalidArgument) {
  absl::StatusOr<ParsedFeed> feed =
      ParseFeed("<html><body>Kursk</body></html>");
  EXPECT_EQ(feed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(feed.status().message(), HasSubstr("<html>"));
}

TEST(HostileInputTest, TruncatedJsonKeepsTheCompleteItems) {
  absl::StatusOr<ParsedFeed> feed =
      ParseFeed(ReadTestdata("truncated_feed.json"));
  ASSERT_TRUE(feed.ok()) << feed.status();
  ASSERT_EQ(feed->items.size(), 1u);
  EXPECT_EQ(feed->items[0].external_id, "tass-22851001");
  ASSERT_FALSE(feed->report.problems.empty());
  EXPECT_EQ(feed->report.problems.back().code(), absl::StatusCode::kDataLoss);
}

TEST(HostileInputTest, MalformedJsonIsInvalidArgument) {
  for (absl::string_view bytes :
       {"{", "{\"items\": [", "{\"items\": [}", "{\"items\": []} trailing",
        "{'items': []}", "{\"items\": [{\"id\": 1,}]}"}) {
    absl::StatusOr<ParsedFeed> feed = ParseFeed(bytes);
    EXPECT_EQ(feed.status().code(), absl::StatusCode::kInvalidArgument)
        << bytes;
    EXPECT_THAT(feed.status().message(), HasSubstr("malformed JSON")) << bytes;
  }
}

TEST(HostileInputTest, DeeplyNestedJsonIsRejected) {
  const std::string deep =
      absl::StrCat("{\"items\": [", std::string(100000, '['),
                   std::string(100000, ']'), "]}");
  absl::StatusOr<ParsedFeed> feed = ParseFeed(deep);
  EXPECT_EQ(feed.status().code(), absl::StatusCode::kResourceExhausted);

  ParseOptions shallow;
  shallow.max_json_depth = 3;
  EXPECT_EQ(
      ParseFeed(R"({"items":[{"id":"1","authors":[{"name":"a"}]}]})", shallow)
          .status()
          .code(),
      absl::StatusCode::kResourceExhausted);
  EXPECT_TRUE(ParseFeed(R"({"items":[{"id":"1"}]})", shallow).ok());
}

TEST(HostileInputTest, DeeplyNestedXmlDoesNotOverflowTheStack) {
  std::string opened;
  std::string closed;
  for (int i = 0; i < 200000; ++i) {
    opened += "<b>";
    closed += "</b>";
  }
  absl::StatusOr<ParsedFeed> feed = ParseFeed(
      absl::StrCat("<rss><channel><item><guid>1</guid><title>", opened, "Kursk",
                   closed, "</title></item></channel></rss>"));
  ASSERT_TRUE(feed.ok()) << feed.status();
  ASSERT_EQ(feed->items.size(), 1u);
  EXPECT_EQ(feed->items[0].title, "Kursk");
}

TEST(HostileInputTest, OversizedDocumentIsRejectedUpFront) {
  ParseOptions options;
  options.max_document_bytes = 1024;
  const std::string big = absl::StrCat("<rss><channel>", std::string(2000, ' '),
                                       "</channel></rss>");
  absl::StatusOr<ParsedFeed> feed = ParseFeed(big, options);
  EXPECT_EQ(feed.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(ParseOpml(big, options).status().code(),
            absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(
      ParseFeed(absl::StrCat("{\"items\":[]", std::string(2000, ' '), "}"),
                options)
          .status()
          .code(),
      absl::StatusCode::kResourceExhausted);
}

TEST(HostileInputTest, InvalidUtf8IsReplacedAndCounted) {
  absl::StatusOr<ParsedFeed> feed =
      ParseFeed(ReadTestdata("invalid_utf8_rss.xml"));
  ASSERT_TRUE(feed.ok()) << feed.status();
  ASSERT_EQ(feed->items.size(), 2u);
  // One each: \xff, \xfe, \x80, \xd0, \xc0, \xaf, \xed, \xa0, \x80.
  EXPECT_EQ(feed->report.invalid_utf8_replaced, 9u);
  EXPECT_EQ(feed->items[0].title, "Kurakhove \uFFFD\uFFFD fell");
  EXPECT_EQ(feed->items[1].title, "Покровськ");
}

TEST(HostileInputTest, InvalidUtf8InJsonIsReplacedAndCounted) {
  absl::StatusOr<ParsedFeed> feed =
      ParseFeed("{\"items\":[{\"id\":\"1\",\"title\":\"Sud\xffzha\"}]}");
  ASSERT_TRUE(feed.ok()) << feed.status();
  EXPECT_EQ(feed->report.invalid_utf8_replaced, 1u);
  EXPECT_EQ(feed->items[0].title, "Sud\uFFFDzha");
}

TEST(HostileInputTest, NeitherXmlNorJsonIsInvalidArgument) {
  EXPECT_EQ(ParseFeed("Kurakhove fell").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseFeed("").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(DetectFeedFormat("Kurakhove fell"), FeedFormat::kUnknown);
}

TEST(HostileInputTest, ArbitraryBytesNeverCrash) {
  // Every prefix of every fixture: truncation at each byte.
  for (const char* name :
       {"kyiv_independent_rss.xml", "meduza_atom.xml", "isw_rdf.xml",
        "tass_feed.json", "ukrinform_windows1251.xml"}) {
    const std::string bytes = ReadTestdata(name);
    for (size_t n = 0; n <= bytes.size(); n += 7) {
      absl::StatusOr<ParsedFeed> feed = ParseFeed(bytes.substr(0, n));
      if (feed.ok()) {
        for (const FeedItem& item : feed->items) {
          EXPECT_FALSE(item.external_id.empty()) << name << " at " << n;
        }
      }
    }
  }
}

}  // namespace
}  // namespace frontline::feeds
