// The `frontlinectl` binary in its own process, ingesting files and a URL
// into a real Ingest gRPC server (in this process, over a local bus) and
// straight onto a local bus.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "httplib.h"
#include "libs/api/ingest_service.h"
#include "libs/api/server.h"
#include "libs/bus/bus.h"
#include "libs/bus/cloud_events.h"
#include "libs/ingest_input/reader.h"
#include "libs/pipeline/raw_documents.h"
#include "libs/pipeline/topics.h"
#include "nlohmann/json.hpp"
#include "tests/frontlinectl_runner.h"

namespace frontline {
namespace {

using ::frontline::testing::ChildRun;
using ::frontline::testing::RunCtl;
using ::frontline::testing::Slurp;
using ::frontline::testing::SpawnCtl;
using ::frontline::testing::WaitExit;
using ::testing::HasSubstr;

const std::string kExport =
    absl::StrCat(FRONTLINE_TELEGRAM_TESTDATA, "/export_deepstate.json");
const std::string kTruncatedExport =
    absl::StrCat(FRONTLINE_TELEGRAM_TESTDATA, "/export_truncated.json");
const std::string kRss =
    absl::StrCat(FRONTLINE_FEEDS_TESTDATA, "/kyiv_independent_rss.xml");
const std::string kText =
    absl::StrCat(FRONTLINE_INGEST_INPUT_TESTDATA, "/kurakhove_note.txt");

// The ids the reader gives the documents of `input`.
std::vector<std::string> ExpectedIds(const std::string& input) {
  std::vector<std::string> ids;
  ingest_input::ReadSummary summary;
  absl::Status status = ingest_input::ReadInput(
      input, {},
      [&](v1::RawDocument doc) {
        ids.push_back(doc.id());
        return absl::OkStatus();
      },
      nullptr, &summary);
  EXPECT_TRUE(status.ok()) << status;
  return ids;
}

std::vector<bus::Record> RawRecords(bus::Bus& bus) {
  std::vector<bus::TopicPartitionOffset> start;
  auto partitions = bus.PartitionCount(pipeline::kRawTopic);
  EXPECT_TRUE(partitions.ok()) << partitions.status();
  if (!partitions.ok()) return {};
  for (int32_t p = 0; p < *partitions; ++p) {
    start.push_back({pipeline::kRawTopic, p, bus::kOffsetBeginning});
  }
  auto consumer = bus.Assign(start, {});
  EXPECT_TRUE(consumer.ok()) << consumer.status();
  std::vector<bus::Record> all;
  while (true) {
    auto records = (*consumer)->Poll(1000, absl::Milliseconds(300));
    EXPECT_TRUE(records.ok()) << records.status();
    if (!records.ok() || records->empty()) break;
    all.insert(all.end(), records->begin(), records->end());
  }
  return all;
}

// Checks every record is a RawDocument with CloudEvents headers from
// `producer`, and returns the ids.
std::multiset<std::string> CheckRecords(const std::vector<bus::Record>& records,
                                        const std::string& producer) {
  std::multiset<std::string> ids;
  for (const bus::Record& record : records) {
    v1::RawDocument doc;
    EXPECT_TRUE(doc.ParseFromString(record.value));
    EXPECT_EQ(record.key, doc.id());
    EXPECT_EQ(doc.id(), pipeline::RawDocumentId(doc));
    auto event = bus::ParseCloudEventHeaders(record.headers);
    EXPECT_TRUE(event.ok()) << event.status();
    if (event.ok()) {
      EXPECT_EQ(event->id, doc.id());
      EXPECT_EQ(event->type, "frontline.v1.RawDocument");
      EXPECT_EQ(event->source, producer);
      EXPECT_EQ(event->content_type, bus::kProtobufContentType);
    }
    EXPECT_EQ(bus::FindHeader(record.headers, bus::kCeSpecVersion), "1.0");
    ids.insert(doc.id());
  }
  return ids;
}

class FrontlinectlIngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           absl::StrCat("frontlinectl-ingest-", getpid(), "-",
                        ::testing::UnitTest::GetInstance()->random_seed(), "-",
                        counter_++);
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto bus = bus::Bus::Open("local:" + (dir_ / "server-bus").string());
    ASSERT_TRUE(bus.ok()) << bus.status();
    bus_ = *std::move(bus);
    ASSERT_TRUE(pipeline::EnsurePipelineTopics(*bus_, 2).ok());
    ingest_ = std::make_unique<api::IngestService>(*bus_);
    auto server =
        api::Server::Start({.listen = "127.0.0.1:0"}, {ingest_.get()});
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    server_address_ = absl::StrCat("127.0.0.1:", server_->port());
  }
  void TearDown() override {
    server_.reset();
    ingest_.reset();
    bus_.reset();
    std::filesystem::remove_all(dir_);
  }

  ChildRun Ingest(std::vector<std::string> args) {
    args.insert(args.begin(), {"--server", server_address_, "ingest"});
    return RunCtl(dir_, args);
  }

  static inline int counter_ = 0;
  std::filesystem::path dir_;
  std::unique_ptr<bus::Bus> bus_;
  std::unique_ptr<api::IngestService> ingest_;
  std::unique_ptr<api::Server> server_;
  std::string server_address_;
};

TEST_F(FrontlinectlIngestTest, ExportFeedAndTextThroughTheServer) {
  const std::pair<std::string, std::string> inputs[] = {
      {kExport, "telegram-export"}, {kRss, "rss"}, {kText, "text"}};
  std::multiset<std::string> expected;
  for (const auto& [input, format] : inputs) {
    const std::vector<std::string> ids = ExpectedIds(input);
    expected.insert(ids.begin(), ids.end());
    ChildRun run = Ingest({input});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, absl::StrCat("ingested ", ids.size(),
                                    " documents (0 rejected) from ", input,
                                    " as ", format, "\n"));
  }
  EXPECT_EQ(expected.size(), 5u + 4u + 1u);
  EXPECT_EQ(CheckRecords(RawRecords(*bus_), "/frontline/ingest"), expected);
  EXPECT_EQ(ingest_->accepted(), expected.size());
}

TEST_F(FrontlinectlIngestTest, SourceOptionsReachTheDocuments) {
  ChildRun run = Ingest(
      {kText, "--source-id", "upload:field-notes", "--affiliation", "analyst"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::vector<bus::Record> records = RawRecords(*bus_);
  ASSERT_EQ(records.size(), 1u);
  v1::RawDocument doc;
  ASSERT_TRUE(doc.ParseFromString(records[0].value));
  EXPECT_EQ(doc.source().id(), "upload:field-notes");
  EXPECT_EQ(doc.source().affiliation(), v1::AFFILIATION_ANALYST);
  EXPECT_EQ(doc.id(), pipeline::RawDocumentId(doc));
  EXPECT_EQ(doc.provenance().fetcher(), "frontlinectl/0.1.0");
}

TEST_F(FrontlinectlIngestTest, StraightOntoABus) {
  const std::string uri = "local:" + (dir_ / "ctl-bus").string();
  std::multiset<std::string> expected;
  for (const std::string& input : {kExport, kRss, kText}) {
    const std::vector<std::string> ids = ExpectedIds(input);
    expected.insert(ids.begin(), ids.end());
    ChildRun run = RunCtl(dir_, {"ingest", "--bus", uri, input});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_THAT(run.out, HasSubstr(absl::StrCat("ingested ", ids.size(),
                                                " documents (0 rejected)")));
  }
  auto bus = bus::Bus::Open(uri);
  ASSERT_TRUE(bus.ok()) << bus.status();
  EXPECT_EQ(CheckRecords(RawRecords(**bus), "/frontline/frontlinectl"),
            expected);
  EXPECT_EQ(ingest_->accepted(), 0u);
}

TEST_F(FrontlinectlIngestTest, FeedByUrl) {
  httplib::Server http;
  const std::string feed = Slurp(kRss);
  http.Get("/feed.xml", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(feed, "application/rss+xml");
  });
  const int port = http.bind_to_any_port("127.0.0.1");
  ASSERT_GT(port, 0);
  std::thread thread([&] { http.listen_after_bind(); });
  while (!http.is_running()) std::this_thread::yield();

  const std::string url = absl::StrCat("http://127.0.0.1:", port, "/feed.xml");
  ChildRun run = Ingest({url});
  http.stop();
  thread.join();
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, absl::StrCat("ingested 4 documents (0 rejected) from ",
                                  url, " as rss\n"));
  std::vector<bus::Record> records = RawRecords(*bus_);
  ASSERT_EQ(records.size(), 4u);
  CheckRecords(records, "/frontline/ingest");
  v1::RawDocument doc;
  ASSERT_TRUE(doc.ParseFromString(records[0].value));
  EXPECT_EQ(doc.provenance().fetch_url(), url);
  EXPECT_EQ(doc.source().id(), "feed:kyivindependent.com");
}

TEST_F(FrontlinectlIngestTest,
       MalformedExportFailsAfterDeliveringWhatCameFirst) {
  ChildRun run = Ingest({kTruncatedExport});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("telegram-export: malformed JSON near byte"));
  EXPECT_THAT(run.out, HasSubstr("ingested 2 documents (0 rejected)"));
  EXPECT_EQ(RawRecords(*bus_).size(), 2u);
}

TEST_F(FrontlinectlIngestTest, RejectedDocumentExitsOneAndJsonCounts) {
  const std::filesystem::path big = dir_ / "big.txt";
  std::ofstream(big) << std::string(1'000'000, 'x');
  ChildRun run = Ingest({big.string()});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_THAT(run.out, HasSubstr("ingested 0 documents (1 rejected)"));
  EXPECT_THAT(run.err, HasSubstr("exceeds"));

  ChildRun json =
      RunCtl(dir_, {"--server", server_address_, "--json", "ingest", kRss});
  EXPECT_EQ(json.exit_code, 0) << json.err;
  nlohmann::json report = nlohmann::json::parse(json.out, nullptr, false);
  ASSERT_FALSE(report.is_discarded()) << json.out;
  EXPECT_EQ(report["acknowledged"], 4);
  EXPECT_EQ(report["rejected"], 0);
  EXPECT_EQ(report["format"], "rss");
  EXPECT_EQ(report["ok"], true);
  EXPECT_THAT(json.err, HasSubstr("ingested 4 documents"));
}

TEST_F(FrontlinectlIngestTest, UnreachableServerAndUnknownInputFail) {
  ChildRun unreachable = RunCtl(
      dir_, {"--server", "127.0.0.1:1", "--timeout", "1", "ingest", kText});
  EXPECT_EQ(unreachable.exit_code, 2);
  EXPECT_THAT(unreachable.err, HasSubstr("cannot reach the server"));

  ChildRun missing = Ingest({(dir_ / "no-such-file").string()});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("no such file"));
}

}  // namespace
}  // namespace frontline
