#include "libs/ingest_input/reader.h"

#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "httplib.h"
#include "libs/ingest_input/test_util.h"
#include "libs/pipeline/raw_documents.h"

namespace frontline::ingest_input {
namespace {

using ::testing::HasSubstr;

struct Result {
  absl::Status status;
  std::vector<v1::RawDocument> docs;
  std::vector<std::pair<int64_t, int64_t>> progress;
  ReadSummary summary;
};

Result Read(const std::string& input, ReadOptions options = {}) {
  Result r;
  r.status = ReadInput(
      input, options,
      [&](v1::RawDocument doc) {
        r.docs.push_back(std::move(doc));
        return absl::OkStatus();
      },
      [&](int64_t read, int64_t total) {
        r.progress.emplace_back(read, total);
      },
      &r.summary);
  return r;
}

void ExpectPipelineReady(const std::vector<v1::RawDocument>& docs) {
  for (const v1::RawDocument& doc : docs) {
    EXPECT_EQ(doc.id(), pipeline::RawDocumentId(doc)) << doc.external_id();
    EXPECT_TRUE(pipeline::ValidateRawDocument(doc, 1 << 20).ok())
        << doc.external_id();
  }
}

TEST(ReaderTest, TelegramExportIsStreamedWithProgress) {
  const std::string path = TelegramFixture("export_deepstate.json");
  ReadOptions options;
  options.progress_interval_bytes = 1024;
  options.stamp.fetcher = "frontlinectl/test";
  Result r = Read(path, options);
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.summary.format, InputFormat::kTelegramExport);
  ASSERT_EQ(r.docs.size(), 5u);
  EXPECT_EQ(r.summary.documents, 5);
  const int64_t size = static_cast<int64_t>(ReadFile(path).size());
  EXPECT_EQ(r.summary.bytes_total, size);
  EXPECT_EQ(r.summary.bytes_read, size);
  ASSERT_GE(r.progress.size(), 2u);
  EXPECT_EQ(r.progress.back(), std::make_pair(size, size));
  EXPECT_EQ(r.docs[0].format(), v1::RAW_FORMAT_TELEGRAM_EXPORT_MESSAGE);
  EXPECT_EQ(r.docs[0].provenance().import_file(), path);
  EXPECT_EQ(r.docs[0].provenance().fetcher(), "frontlinectl/test");
  ExpectPipelineReady(r.docs);
}

TEST(ReaderTest, TruncatedExportDeliversWhatCameBeforeAndNamesFormatAndByte) {
  Result r = Read(TelegramFixture("export_truncated.json"));
  EXPECT_EQ(r.status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(r.status.message()),
              HasSubstr("telegram-export: malformed JSON near byte"));
  EXPECT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.summary.documents, 2);
}

TEST(ReaderTest, SkippedExportMessagesAreCounted) {
  Result r = Read(TelegramFixture("export_missing_date.json"));
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.summary.skipped, 1);
  ASSERT_EQ(r.summary.problems.size(), 1u);
}

TEST(ReaderTest, BotApiAndPreviewPage) {
  Result bot = Read(TelegramFixture("bot_updates.json"));
  ASSERT_TRUE(bot.status.ok()) << bot.status;
  EXPECT_EQ(bot.summary.format, InputFormat::kBotApi);
  EXPECT_EQ(bot.docs.size(), 6u);
  ExpectPipelineReady(bot.docs);

  Result preview = Read(TelegramFixture("preview_deepstate.html"));
  ASSERT_TRUE(preview.status.ok()) << preview.status;
  EXPECT_EQ(preview.summary.format, InputFormat::kPreview);
  ASSERT_EQ(preview.docs.size(), 3u);
  EXPECT_EQ(preview.docs[0].source().id(), "telegram:deepstateua");
  ExpectPipelineReady(preview.docs);
}

TEST(ReaderTest, EveryFeedFormat) {
  const std::pair<std::string, size_t> cases[] = {
      {"kyiv_independent_rss.xml", 4},
      {"meduza_atom.xml", 3},
      {"isw_rdf.xml", 2},
      {"tass_feed.json", 3}};
  for (const auto& [name, count] : cases) {
    Result r = Read(FeedsFixture(name));
    ASSERT_TRUE(r.status.ok()) << name << ": " << r.status;
    EXPECT_EQ(r.docs.size(), count) << name;
    ExpectPipelineReady(r.docs);
    for (const v1::RawDocument& doc : r.docs) {
      EXPECT_EQ(doc.source().kind(), v1::SOURCE_KIND_FEED);
      EXPECT_EQ(doc.provenance().import_file(), FeedsFixture(name));
    }
  }
  Result rss = Read(FeedsFixture("kyiv_independent_rss.xml"));
  EXPECT_EQ(rss.docs[0].source().id(), "feed:kyivindependent.com");
  EXPECT_EQ(rss.docs[0].format(), v1::RAW_FORMAT_RSS_ITEM);
  Result json = Read(FeedsFixture("tass_feed.json"));
  EXPECT_EQ(json.summary.format, InputFormat::kJsonFeed);
  EXPECT_EQ(json.summary.skipped, 1);  // the non-object item
}

TEST(ReaderTest, TruncatedFeedDeliversCompleteItemsThenFails) {
  Result r = Read(FeedsFixture("truncated_rss.xml"));
  EXPECT_EQ(r.status.code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(std::string(r.status.message()), HasSubstr("rss: malformed XML"));
  EXPECT_THAT(std::string(r.status.message()), HasSubstr("at byte"));
  EXPECT_EQ(r.docs.size(), 1u);
}

TEST(ReaderTest, TextAndHtmlAreOneDocumentEach) {
  const std::string text_path = OwnFixture("kurakhove_note.txt");
  Result text = Read(text_path);
  ASSERT_TRUE(text.status.ok()) << text.status;
  ASSERT_EQ(text.docs.size(), 1u);
  EXPECT_EQ(text.docs[0].source().id(), "file:kurakhove_note.txt");
  EXPECT_EQ(text.docs[0].external_id(), text_path);
  EXPECT_EQ(text.docs[0].body(), ReadFile(text_path));
  EXPECT_EQ(text.docs[0].format(), v1::RAW_FORMAT_PLAIN_TEXT);

  Result html = Read(OwnFixture("kursk_page.html"));
  ASSERT_TRUE(html.status.ok()) << html.status;
  ASSERT_EQ(html.docs.size(), 1u);
  EXPECT_EQ(html.docs[0].format(), v1::RAW_FORMAT_HTML);
  EXPECT_EQ(html.docs[0].title(), "Renewed push in Kursk region");
  ExpectPipelineReady(html.docs);
}

TEST(ReaderTest, ForcedFormatWins) {
  ReadOptions options;
  options.format = InputFormat::kText;
  Result r = Read(FeedsFixture("kyiv_independent_rss.xml"), options);
  ASSERT_TRUE(r.status.ok()) << r.status;
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].format(), v1::RAW_FORMAT_PLAIN_TEXT);

  options.format = InputFormat::kTelegramExport;
  Result wrong = Read(FeedsFixture("kyiv_independent_rss.xml"), options);
  EXPECT_EQ(wrong.status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(wrong.status.message()),
              HasSubstr("telegram-export: "));
}

TEST(ReaderTest, StampOverridesSourceAndRecomputesIds) {
  ReadOptions options;
  options.stamp.source_id = "telegram:deepstate-archive";
  options.stamp.affiliation = v1::AFFILIATION_UKRAINIAN_MONITORING;
  Result r = Read(TelegramFixture("export_deepstate.json"), options);
  ASSERT_TRUE(r.status.ok()) << r.status;
  ASSERT_FALSE(r.docs.empty());
  for (const v1::RawDocument& doc : r.docs) {
    EXPECT_EQ(doc.source().id(), "telegram:deepstate-archive");
    EXPECT_EQ(doc.source().affiliation(), v1::AFFILIATION_UKRAINIAN_MONITORING);
  }
  ExpectPipelineReady(r.docs);
}

TEST(ReaderTest, SinkErrorStopsTheReadUnchanged) {
  ReadSummary summary;
  int calls = 0;
  absl::Status status = ReadInput(
      TelegramFixture("export_deepstate.json"), {},
      [&](v1::RawDocument) {
        return ++calls == 2 ? absl::UnavailableError("server went away")
                            : absl::OkStatus();
      },
      nullptr, &summary);
  EXPECT_EQ(status, absl::UnavailableError("server went away"));
  EXPECT_EQ(calls, 2);
}

TEST(ReaderTest, UndetectableMissingAndEmptyInputs) {
  Result unknown = Read(OwnFixture("not_an_input.json"));
  EXPECT_EQ(unknown.status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(unknown.status.message()),
              HasSubstr("cannot tell the input's format"));
  EXPECT_EQ(Read(OwnFixture("no_such_file")).status.code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(Read(FRONTLINE_INGEST_INPUT_TESTDATA).status.code(),
            absl::StatusCode::kInvalidArgument);

  std::istringstream empty("");
  ReadSummary summary;
  absl::Status status = ReadStream(
      empty, FileOrigin("empty.txt"), 0, {},
      [](v1::RawDocument) { return absl::OkStatus(); }, nullptr, &summary);
  EXPECT_EQ(status, absl::InvalidArgumentError("input is empty"));
}

TEST(ReaderTest, OversizedWholeInputIsRefused) {
  ReadOptions options;
  options.max_document_bytes = 100;
  Result r = Read(FeedsFixture("kyiv_independent_rss.xml"), options);
  EXPECT_EQ(r.status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(r.status.message()), HasSubstr("rss: "));
}

class ReaderUrlTest : public testing::Test {
 protected:
  void SetUp() override {
    server_.Get("/page", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(ReadFile(OwnFixture("kursk_page.html")),
                      "text/html; charset=utf-8");
    });
    server_.Get("/moved", [](const httplib::Request&, httplib::Response& res) {
      res.set_redirect("/page");
    });
    server_.Get("/gone", [](const httplib::Request&, httplib::Response& res) {
      res.status = 404;
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    ASSERT_GT(port_, 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
  }
  void TearDown() override {
    server_.stop();
    thread_.join();
  }
  std::string Url(absl::string_view path) {
    return absl::StrCat("http://127.0.0.1:", port_, path);
  }

  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

TEST_F(ReaderUrlTest, PageAfterRedirectIsOneHtmlDocument) {
  Result r = Read(Url("/moved"));
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.summary.format, InputFormat::kHtml);
  ASSERT_EQ(r.docs.size(), 1u);
  const v1::RawDocument& doc = r.docs[0];
  EXPECT_EQ(doc.source().id(), "url:127.0.0.1");
  EXPECT_EQ(doc.source().kind(), v1::SOURCE_KIND_WEB);
  EXPECT_EQ(doc.external_id(), Url("/moved"));
  EXPECT_EQ(doc.url(), Url("/page"));
  EXPECT_EQ(doc.content_type(), "text/html; charset=utf-8");
  EXPECT_EQ(r.summary.bytes_total, r.summary.bytes_read);
  ExpectPipelineReady(r.docs);
}

TEST_F(ReaderUrlTest, HttpErrorIsUnavailable) {
  Result r = Read(Url("/gone"));
  EXPECT_EQ(r.status.code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(std::string(r.status.message()), HasSubstr("HTTP 404"));
}

TEST(ReaderTest, UnreachableUrlFails) {
  ReadOptions options;
  options.fetch.connect_timeout = absl::Seconds(2);
  // Port 1 on loopback: nothing listens there.
  Result r = Read("http://127.0.0.1:1/feed.xml", options);
  EXPECT_EQ(r.status.code(), absl::StatusCode::kUnavailable) << r.status;
  EXPECT_TRUE(r.docs.empty());
}

}  // namespace
}  // namespace frontline::ingest_input
