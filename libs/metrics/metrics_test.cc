#include "libs/metrics/metrics.h"

#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/metrics/testing/scrape.h"
#include "nlohmann/json.hpp"
#include "spdlog/sinks/ostream_sink.h"
#include "spdlog/spdlog.h"

namespace frontline::metrics {
namespace {

using testing::FindSample;
using testing::Sample;

std::vector<Sample> ParseExposition(const std::string& text) {
  auto samples = testing::ParseExposition(text);
  EXPECT_TRUE(samples.ok()) << samples.status();
  return samples.ok() ? *samples : std::vector<Sample>{};
}

std::optional<double> Find(const std::vector<Sample>& samples,
                           const std::string& name,
                           const std::map<std::string, std::string>& labels) {
  return FindSample(samples, name, labels);
}

std::string Scrape(int port, const std::string& path, int* status) {
  auto response = testing::HttpGet(port, path);
  *status = response.ok() ? response->status : -1;
  return response.ok() ? response->body : "";
}

TEST(ParseExpositionTest, ReadsLabelsEscapesAndValues) {
  auto samples = ParseExposition(
      "# HELP x help\n# TYPE x counter\n"
      "x{a=\"1\",b=\"q\\\"\\\\\\n\"} 2.5\ny 7 1700000000\nz{le=\"+Inf\"} 3\n");
  ASSERT_EQ(samples.size(), 3u);
  EXPECT_EQ(samples[0].labels.at("b"), "q\"\\\n");
  EXPECT_EQ(samples[0].value, 2.5);
  EXPECT_EQ(samples[1].name, "y");
  EXPECT_EQ(samples[1].value, 7);
  EXPECT_EQ(samples[2].labels.at("le"), "+Inf");
}

TEST(ExposerTest, ServesTheStandardMetricsOnAFreePort) {
  auto registry = std::make_shared<prometheus::Registry>();
  Metrics m(*registry);
  auto exposer = Exposer::Start("127.0.0.1:0", registry);
  ASSERT_TRUE(exposer.ok()) << exposer.status();
  ASSERT_GT((*exposer)->port(), 0);

  m.RecordsIn("normalize", "raw").Increment(3);
  m.RecordsOut("normalize", "docs").Increment(2);
  m.Errors("normalize", absl::StatusCode::kUnavailable).Increment();
  m.DeadLetters("normalize", "raw").Increment();
  m.Duplicates("dedup", "paraphrase").Increment(4);
  m.SetConsumerLag("dedup", "docs", 5, 120);
  m.SetConsumerLag("dedup", "docs", 4, -3);
  m.IngestItems("feed:tass \"ru\"", "new").Increment(7);
  const std::string method = "/frontline.v1.ConflictState/GetPlace";
  m.ObserveGrpc(method, "OK", absl::Milliseconds(3));
  m.ObserveGrpc(method, "OK", absl::Milliseconds(30));
  m.ObserveGrpc(method, "OK", absl::Seconds(20));

  int status = 0;
  const std::string body = Scrape((*exposer)->port(), "/metrics", &status);
  ASSERT_EQ(status, 200);
  const auto samples = ParseExposition(body);
  EXPECT_EQ(Find(samples, "frontline_records_in_total",
                 {{"stage", "normalize"}, {"topic", "raw"}}),
            3);
  EXPECT_EQ(Find(samples, "frontline_records_out_total",
                 {{"stage", "normalize"}, {"topic", "docs"}}),
            2);
  EXPECT_EQ(Find(samples, "frontline_errors_total",
                 {{"stage", "normalize"}, {"code", "UNAVAILABLE"}}),
            1);
  EXPECT_EQ(Find(samples, "frontline_dead_letters_total",
                 {{"stage", "normalize"}, {"topic", "raw"}}),
            1);
  EXPECT_EQ(Find(samples, "frontline_duplicates_total",
                 {{"stage", "dedup"}, {"kind", "paraphrase"}}),
            4);
  EXPECT_EQ(Find(samples, "frontline_consumer_lag",
                 {{"stage", "dedup"}, {"topic", "docs"}, {"partition", "5"}}),
            120);
  EXPECT_EQ(Find(samples, "frontline_consumer_lag",
                 {{"stage", "dedup"}, {"topic", "docs"}, {"partition", "4"}}),
            0);
  EXPECT_EQ(Find(samples, "frontline_ingest_items_total",
                 {{"source", "feed:tass \"ru\""}, {"outcome", "new"}}),
            7);
  const std::string h = "frontline_grpc_request_duration_seconds";
  auto bucket = [&](const std::string& le) {
    return Find(samples, h + "_bucket",
                {{"method", method}, {"code", "OK"}, {"le", le}});
  };
  EXPECT_EQ(bucket("0.001"), 0);
  EXPECT_EQ(bucket("0.005"), 1);
  EXPECT_EQ(bucket("0.05"), 2);
  EXPECT_EQ(bucket("10"), 2);
  EXPECT_EQ(bucket("+Inf"), 3);
  EXPECT_EQ(Find(samples, h + "_count", {{"method", method}, {"code", "OK"}}),
            3);
  auto sum = Find(samples, h + "_sum", {{"method", method}, {"code", "OK"}});
  ASSERT_TRUE(sum.has_value());
  EXPECT_NEAR(*sum, 20.033, 1e-9);

  EXPECT_THAT(body, ::testing::HasSubstr(
                        "# TYPE frontline_grpc_request_duration_seconds "
                        "histogram"));
  EXPECT_THAT(body,
              ::testing::HasSubstr("# TYPE frontline_consumer_lag gauge"));

  Scrape((*exposer)->port(), "/healthz", &status);
  EXPECT_EQ(status, 200);
}

TEST(ExposerTest, TheProcessRegistryCarriesTheStandardMetrics) {
  Standard().RecordsIn("state", "events").Increment(2);
  auto exposer = Exposer::Start("127.0.0.1:0");
  ASSERT_TRUE(exposer.ok()) << exposer.status();
  int status = 0;
  const auto samples =
      ParseExposition(Scrape((*exposer)->port(), "/metrics", &status));
  ASSERT_EQ(status, 200);
  EXPECT_EQ(Find(samples, "frontline_records_in_total",
                 {{"stage", "state"}, {"topic", "events"}}),
            2);
  EXPECT_EQ(&Standard(), &Standard());
}

TEST(ExposerTest, RejectsMalformedAddresses) {
  for (const char* bad : {"", "9464", ":9464", "127.0.0.1:", "127.0.0.1:x",
                          "127.0.0.1:70000", "127.0.0.1:1,127.0.0.1:2"}) {
    auto exposer = Exposer::Start(bad);
    EXPECT_EQ(exposer.status().code(), absl::StatusCode::kInvalidArgument)
        << bad;
  }
}

TEST(ExposerTest, ABusyPortIsUnavailableNotAnException) {
  auto first = Exposer::Start("127.0.0.1:0");
  ASSERT_TRUE(first.ok()) << first.status();
  auto second = Exposer::Start(absl::StrCat("127.0.0.1:", (*first)->port()));
  EXPECT_EQ(second.status().code(), absl::StatusCode::kUnavailable);
}

TEST(LoggingTest, JsonLinesParseAsJson) {
  std::ostringstream out;
  auto logger = std::make_shared<spdlog::logger>(
      "normalize", std::make_shared<spdlog::sinks::ostream_sink_mt>(out));
  logger->set_formatter(MakeJsonFormatter());
  logger->warn("quote \" backslash \\ newline \n tab \t bell \a {} {}",
               "Курахове", std::string("bad \xff\xfe utf8"));
  logger->info("second");
  logger->flush();

  std::vector<std::string> lines = absl::StrSplit(out.str(), '\n');
  ASSERT_EQ(lines.size(), 3u) << out.str();  // two lines and the last '\n'
  EXPECT_EQ(lines[2], "");
  const auto first = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(first.at("level"), "warning");
  EXPECT_EQ(first.at("logger"), "normalize");
  EXPECT_EQ(first.at("message"),
            "quote \" backslash \\ newline \n tab \t bell \a Курахове bad "
            "\uFFFD\uFFFD utf8");
  const std::string time = first.at("time");
  EXPECT_THAT(time, ::testing::MatchesRegex(
                        "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}"
                        "\\.[0-9]{3}Z"));
  EXPECT_EQ(nlohmann::json::parse(lines[1]).at("message"), "second");
}

TEST(LoggingTest, FormatsAndLevels) {
  EXPECT_EQ(*ParseLogFormat("json"), LogFormat::kJson);
  EXPECT_EQ(*ParseLogFormat("plain"), LogFormat::kPlain);
  EXPECT_EQ(ParseLogFormat("xml").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ConfigureLogging(LogFormat::kJson, "loud").code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(ConfigureLogging(LogFormat::kJson, "debug").ok());
  EXPECT_TRUE(ConfigureLogging(LogFormat::kPlain, "info").ok());
  EXPECT_EQ(spdlog::default_logger()->name(), "frontline");
}

}  // namespace
}  // namespace frontline::metrics
