// Operations end to end: `frontline run` with JSON logs and a metrics
// endpoint, on the example sources. The logs are one JSON object per line,
// the query service turns ready once the view has caught up, and a scrape
// of /metrics over HTTP shows every stage's records, the view's lag per
// partition and the latency of the queries this test made.
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "frontline/v1/conflict_state.grpc.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "libs/metrics/testing/scrape.h"
#include "nlohmann/json.hpp"
#include "tests/child_process.h"

namespace frontline {
namespace {

using grpc::health::v1::HealthCheckResponse;
using metrics::testing::Sample;
using metrics::testing::SumSamples;

HealthCheckResponse::ServingStatus Health(
    const std::shared_ptr<grpc::Channel>& channel, const std::string& service) {
  auto stub = grpc::health::v1::Health::NewStub(channel);
  grpc::ClientContext context;
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(service);
  HealthCheckResponse response;
  if (!stub->Check(&context, request, &response).ok()) {
    return HealthCheckResponse::UNKNOWN;
  }
  return response.status();
}

std::vector<Sample> Scrape(int port) {
  auto response = metrics::testing::HttpGet(port, "/metrics");
  EXPECT_TRUE(response.ok()) << response.status();
  if (!response.ok()) return {};
  EXPECT_EQ(response->status, 200);
  auto samples = metrics::testing::ParseExposition(response->body);
  EXPECT_TRUE(samples.ok()) << samples.status();
  return samples.ok() ? *samples : std::vector<Sample>{};
}

TEST(EndToEndMetricsTest, LogsAreJsonReadinessFollowsTheViewAndMetricsScrape) {
  const std::string data = (std::filesystem::temp_directory_path() /
                            absl::StrCat("e2e-metrics-", getpid()))
                               .string();
  std::filesystem::remove_all(data);
  testing::ChildProcess frontline(
      {FRONTLINE_BINARY, "run", "--data", data, "--listen", "127.0.0.1:0",
       "--config", "examples/sources.yaml", "--metrics-listen", "127.0.0.1:0",
       "--log-format", "json"},
      FRONTLINE_SOURCE_DIR);
  std::vector<std::string> lines;
  const std::string metrics_port =
      frontline.WaitForLine("metrics on port ([0-9]+)", &lines);
  ASSERT_FALSE(metrics_port.empty());
  const std::string grpc_port =
      frontline.WaitForLine("serving gRPC on port ([0-9]+)", &lines);
  ASSERT_FALSE(grpc_port.empty());
  ASSERT_FALSE(lines.empty());
  for (const std::string& line : lines) {
    auto parsed = nlohmann::json::parse(line, nullptr, false);
    ASSERT_FALSE(parsed.is_discarded()) << "not JSON: " << line;
    EXPECT_TRUE(parsed.contains("time") && parsed.contains("level") &&
                parsed.contains("message"))
        << line;
  }

  auto channel = grpc::CreateChannel(absl::StrCat("127.0.0.1:", grpc_port),
                                     grpc::InsecureChannelCredentials());
  EXPECT_EQ(Health(channel, ""), HealthCheckResponse::SERVING);
  const absl::Time deadline = absl::Now() + absl::Seconds(90);
  while (Health(channel, v1::ConflictState::service_full_name()) !=
             HealthCheckResponse::SERVING &&
         absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(200));
  }
  ASSERT_EQ(Health(channel, v1::ConflictState::service_full_name()),
            HealthCheckResponse::SERVING);

  auto stub = v1::ConflictState::NewStub(channel);
  for (int i = 0; i < 3; ++i) {
    grpc::ClientContext context;
    v1::Stats stats;
    ASSERT_TRUE(stub->GetStats(&context, {}, &stats).ok());
  }
  // Wait until the documents made it through every stage.
  const int port = std::stoi(metrics_port);
  std::vector<Sample> samples;
  while (absl::Now() < deadline) {
    samples = Scrape(port);
    if (SumSamples(samples, "frontline_records_in_total",
                   {{"stage", "normalize"}}) > 0 &&
        SumSamples(samples, "frontline_records_out_total",
                   {{"stage", "normalize"}}) > 0 &&
        SumSamples(samples, "frontline_records_out_total",
                   {{"stage", "dedup"}}) > 0) {
      break;
    }
    absl::SleepFor(absl::Milliseconds(300));
  }
  EXPECT_GT(SumSamples(samples, "frontline_ingest_items_total",
                       {{"outcome", "emitted"}}),
            0);
  EXPECT_GT(SumSamples(samples, "frontline_records_in_total",
                       {{"stage", "normalize"}, {"topic", "raw"}}),
            0);
  EXPECT_GT(SumSamples(samples, "frontline_records_out_total",
                       {{"stage", "normalize"}, {"topic", "docs"}}),
            0);
  EXPECT_GT(SumSamples(samples, "frontline_records_in_total",
                       {{"stage", "dedup"}, {"topic", "docs"}}),
            0);
  EXPECT_GT(SumSamples(samples, "frontline_records_out_total",
                       {{"stage", "dedup"}, {"topic", "events"}}),
            0);
  EXPECT_GE(SumSamples(samples, "frontline_grpc_request_duration_seconds_count",
                       {{"method", "/frontline.v1.ConflictState/GetStats"},
                        {"code", "OK"}}),
            3);
  // The view reports the lag of every events partition.
  int state_partitions = 0;
  for (const Sample& s : samples) {
    if (s.name == "frontline_consumer_lag" && s.labels.at("stage") == "state" &&
        s.labels.at("topic") == "events") {
      ++state_partitions;
    }
  }
  EXPECT_EQ(state_partitions, 6);

  const int status = frontline.Stop(SIGTERM);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  std::filesystem::remove_all(data);
}

}  // namespace
}  // namespace frontline
