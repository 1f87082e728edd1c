// The feed ingester against a real HTTP server on 127.0.0.1, on both bus
// engines: new items once, edits as new versions, nothing twice across
// restarts, errors without side effects.
#include "libs/ingest/feed_ingester.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/synchronization/mutex.h"
#include "gtest/gtest.h"
#include "libs/bus/testing/test_bus.h"
#include "libs/feeds/feed_parser.h"
#include "libs/fetch/testing/test_http_server.h"
#include "libs/ingest/ingester_test_base.h"
#include "libs/pipeline/raw_documents.h"
#include "libs/pipeline/topics.h"

namespace frontline::ingest {
namespace {

using bus::testing::Engine;
using bus::testing::TestBus;

std::string Fixture(const std::string& name) {
  return ReadFixture(FRONTLINE_FEEDS_TESTDATA, name);
}

// Serves a feed that the test can change, with ETag support.
class FeedServer {
 public:
  FeedServer() {
    httplib::Server& server = http_.server();
    server.Get("/feed",
               [this](const httplib::Request& req, httplib::Response& res) {
                 absl::MutexLock lock(&mu_);
                 if (req.get_header_value("If-None-Match") == etag_) {
                   res.status = 304;
                   return;
                 }
                 res.set_header("ETag", etag_);
                 res.set_content(body_, "application/rss+xml; charset=utf-8");
               });
    server.Get("/busy", [](const httplib::Request&, httplib::Response& res) {
      res.status = 503;
      res.set_header("Retry-After", "120");
    });
    server.Get("/garbage", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("<html>not a feed</html>", "text/html");
    });
    server.Get(R"(/article/(\d+))", [](const httplib::Request& req,
                                       httplib::Response& res) {
      res.set_content(absl::StrCat("<html><body><p>Full article ",
                                   req.matches[1].str(), "</p></body></html>"),
                      "text/html; charset=utf-8");
    });
    http_.Start();
  }
  void Serve(std::string body, std::string etag) {
    absl::MutexLock lock(&mu_);
    body_ = std::move(body);
    etag_ = std::move(etag);
  }
  std::string Url(absl::string_view path) const { return http_.Url(path); }

 private:
  absl::Mutex mu_;
  std::string body_ ABSL_GUARDED_BY(mu_);
  std::string etag_ ABSL_GUARDED_BY(mu_) = "\"none\"";
  fetch::testing::TestHttpServer http_;  // stops first
};

class FeedIngesterTest : public IngesterTestBase {
 protected:
  void SetUp() override {
    IngesterTestBase::SetUp();
    OpenIngester();
    spec_.source.set_id("feed:kyivindependent");
    spec_.source.set_affiliation(v1::AFFILIATION_UKRAINIAN_MEDIA);
    spec_.url = server_.Url("/feed");
  }
  void TearDown() override {
    ingester_.reset();
    IngesterTestBase::TearDown();
  }
  void OpenIngester() {
    ingester_.reset();
    OpenState();
    ingester_ = std::make_unique<FeedIngester>(bus_->bus(), *state_, gate_);
  }

  FeedServer server_;
  std::unique_ptr<FeedIngester> ingester_;
  SourceSpec spec_;
};

TEST_P(FeedIngesterTest, EmitsEachItemOnceAndEditsAsNewVersions) {
  const std::string feed = Fixture("kyiv_independent_rss.xml");
  server_.Serve(feed, "\"v1\"");
  auto first = ingester_->Poll(spec_);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->emitted, 4u);

  auto unchanged = ingester_->Poll(spec_);  // 304
  ASSERT_TRUE(unchanged.ok()) << unchanged.status();
  EXPECT_TRUE(unchanged->not_modified);
  EXPECT_EQ(unchanged->emitted, 0u);

  server_.Serve(feed, "\"v1-restamped\"");  // same items, new ETag
  auto same = ingester_->Poll(spec_);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->emitted, 0u);
  EXPECT_EQ(same->unchanged, 4u);

  std::string edited = absl::StrReplaceAll(
      feed, {{"Russia claims capture of Kurakhove in Donetsk Oblast",
              "Russia claims capture of Kurakhove; Ukraine denies"}});
  ASSERT_NE(edited, feed);
  edited = absl::StrReplaceAll(
      edited, {{"</channel>",
                "<item><guid isPermaLink=\"false\">ki-new-1</guid>"
                "<title>Drone strike on Sumy</title><description>Several "
                "drones hit Sumy overnight.</description></item></channel>"}});
  server_.Serve(edited, "\"v2\"");
  auto second = ingester_->Poll(spec_);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->emitted, 2u);

  // A restart of everything: the ingester's state and the bus.
  bus_->Reopen();
  OpenIngester();
  server_.Serve(edited, "\"v2-after-restart\"");
  auto after = ingester_->Poll(spec_);
  ASSERT_TRUE(after.ok()) << after.status();
  EXPECT_EQ(after->emitted, 0u);
  EXPECT_EQ(after->unchanged, 5u);

  auto docs = RawDocs(6);
  ASSERT_EQ(docs.size(), 6u);
  std::map<std::string, std::vector<uint32_t>> versions;
  std::set<std::string> ids;
  for (const v1::RawDocument& d : docs) {
    versions[d.external_id()].push_back(d.version());
    ids.insert(d.id());
    EXPECT_EQ(d.source().id(), "feed:kyivindependent");
    EXPECT_EQ(d.format(), v1::RAW_FORMAT_RSS_ITEM);
    EXPECT_EQ(d.id(), pipeline::RawDocumentId(d));
    EXPECT_EQ(d.provenance().fetch_url(), server_.Url("/feed"));
  }
  EXPECT_EQ(ids.size(), 6u);
  EXPECT_EQ(versions.size(), 5u);
  std::vector<uint32_t> kurakhove = versions
      ["https://kyivindependent.com/russia-claims-capture-of-kurakhove/"];
  std::sort(kurakhove.begin(), kurakhove.end());
  EXPECT_EQ(kurakhove, (std::vector<uint32_t>{1, 2}));
  EXPECT_EQ(versions["ki-new-1"], (std::vector<uint32_t>{1}));
}

TEST_P(FeedIngesterTest, HttpErrorsEmitNothingAndCarryRetryAfter) {
  spec_.url = server_.Url("/busy");
  auto busy = ingester_->Poll(spec_);
  EXPECT_EQ(busy.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(ingester_->last_retry_after(), absl::Seconds(120));

  spec_.url = server_.Url("/garbage");
  auto garbage = ingester_->Poll(spec_);
  EXPECT_EQ(garbage.status().code(), absl::StatusCode::kInvalidArgument)
      << garbage.status();
  EXPECT_NE(garbage.status().message().find("feed:kyivindependent"),
            std::string::npos);
  EXPECT_TRUE(RawDocs(0).empty());
}

TEST_P(FeedIngesterTest, FetchesArticlePagesForSummaryFeeds) {
  server_.Serve(absl::StrCat("<rss version=\"2.0\"><channel><title>t</title>"
                             "<item><guid>a1</guid><title>Summary only</title>"
                             "<link>",
                             server_.Url("/article/1"),
                             "</link><description>Short.</description></item>"
                             "</channel></rss>"),
                "\"s1\"");
  spec_.fetch_articles = true;
  auto outcome = ingester_->Poll(spec_);
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  auto docs = RawDocs(1);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_NE(docs[0].body().find("Full article 1"), std::string::npos);
  EXPECT_EQ(docs[0].format(), v1::RAW_FORMAT_HTML);
  EXPECT_EQ(docs[0].attributes().at("feed_summary"), "Short.");
}

TEST_P(FeedIngesterTest, IngestsEveryFeedFormat) {
  size_t total = 0;
  for (const auto& [name, format] :
       std::vector<std::pair<std::string, v1::RawFormat>>{
           {"kyiv_independent_rss.xml", v1::RAW_FORMAT_RSS_ITEM},
           {"meduza_atom.xml", v1::RAW_FORMAT_ATOM_ENTRY},
           {"isw_rdf.xml", v1::RAW_FORMAT_RDF_ITEM},
           {"tass_feed.json", v1::RAW_FORMAT_JSON_FEED_ITEM},
           {"ukrinform_windows1251.xml", v1::RAW_FORMAT_RSS_ITEM}}) {
    const std::string body = Fixture(name);
    auto parsed = feeds::ParseFeed(body);
    ASSERT_TRUE(parsed.ok()) << name;
    spec_.source.set_id("feed:" + name);
    server_.Serve(body, "\"" + name + "\"");
    auto first = ingester_->Poll(spec_);
    ASSERT_TRUE(first.ok()) << name << ": " << first.status();
    EXPECT_EQ(first->emitted, parsed->items.size()) << name;
    server_.Serve(body, "\"" + name + "-again\"");
    auto second = ingester_->Poll(spec_);
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second->emitted, 0u) << name;
    total += first->emitted;
    for (const v1::RawDocument& d : RawDocs(total)) {
      if (d.source().id() == spec_.source.id()) {
        EXPECT_EQ(d.format(), format) << name;
      }
    }
  }
  EXPECT_EQ(RawDocs(total).size(), total);
}

INSTANTIATE_TEST_SUITE_P(Engines, FeedIngesterTest,
                         testing::Values(Engine::kLocal, Engine::kKafka),
                         [](const auto& info) {
                           return bus::testing::EngineName(info.param);
                         });

}  // namespace
}  // namespace frontline::ingest
