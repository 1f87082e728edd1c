// The ConflictState service over real gRPC on loopback, on a real view.
#include <filesystem>
#include <thread>

#include "absl/strings/str_cat.h"
#include "frontline/v1/conflict_state.grpc.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "libs/api/conflict_state_service.h"
#include "libs/api/server.h"
#include "libs/api/view_readiness.h"
#include "libs/metrics/metrics.h"
#include "libs/metrics/testing/scrape.h"
#include "libs/state/state_test_util.h"
#include "libs/state/state_view.h"
#include "prometheus/text_serializer.h"

namespace frontline {
namespace {

using state::testing::EventRecord;
using state::testing::MakeEvent;

constexpr char kKurakhove[] = "ua.donetsk.kurakhove";

class ConflictStateGrpcTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto g = gazetteer::Gazetteer::Load(FRONTLINE_PLACES_TSV);
    ASSERT_TRUE(g.ok()) << g.status();
    gazetteer_ = new gazetteer::Gazetteer(*std::move(g));
  }
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           absl::StrCat("conflict-state-grpc-", getpid());
    std::filesystem::remove_all(dir_);
    auto view = state::StateView::Open(dir_.string(), gazetteer_);
    ASSERT_TRUE(view.ok()) << view.status();
    view_ = *std::move(view);
    v1::Event capture =
        MakeEvent("cap", v1::CLAIM_TYPE_CAPTURE, v1::SIDE_RUSSIA,
                  v1::SIDE_RUSSIA, kKurakhove, 1736100000);
    capture.mutable_sources(0)->set_claim_id("doc-cap/0");
    ASSERT_TRUE(
        view_
            ->Apply({EventRecord(capture, 0),
                     EventRecord(
                         MakeEvent("deny", v1::CLAIM_TYPE_CAPTURE,
                                   v1::SIDE_RUSSIA, v1::SIDE_UKRAINE,
                                   kKurakhove, 1736110000, v1::POLARITY_DENIED),
                         1),
                     VerdictRecord(2)})
            .ok());
    service_ = std::make_unique<api::ConflictStateService>(*view_);
    auto server =
        api::Server::Start({.listen = "127.0.0.1:0"}, {service_.get()});
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    stub_ = v1::ConflictState::NewStub(
        grpc::CreateChannel(absl::StrCat("127.0.0.1:", server_->port()),
                            grpc::InsecureChannelCredentials()));
  }
  void TearDown() override {
    server_.reset();
    service_.reset();
    view_.reset();
    std::filesystem::remove_all(dir_);
  }
  static bus::Record VerdictRecord(int64_t offset) {
    v1::DocumentVerdict v;
    v.set_document_id("doc-cap");
    v.set_verdict(v1::VERDICT_NEW);
    v.mutable_document()->set_id("doc-cap");
    v.mutable_document()->mutable_source()->set_id("feed:ria");
    v1::Claim* claim = v.mutable_document()->add_claims();
    claim->set_id("doc-cap/0");
    claim->set_sentence(
        "The Russian Ministry of Defense claimed its forces had seized "
        "control of Kurakhove.");
    bus::Record r{.topic = "events", .offset = offset, .key = "doc-cap"};
    v.SerializeToString(&r.value);
    r.headers = {{"ce_type", "frontline.v1.DocumentVerdict"}};
    return r;
  }

  static gazetteer::Gazetteer* gazetteer_;
  std::filesystem::path dir_;
  std::unique_ptr<state::StateView> view_;
  std::unique_ptr<api::ConflictStateService> service_;
  std::unique_ptr<api::Server> server_;
  std::unique_ptr<v1::ConflictState::Stub> stub_;
};
gazetteer::Gazetteer* ConflictStateGrpcTest::gazetteer_ = nullptr;

TEST_F(ConflictStateGrpcTest, GetPlaceByAnyNameShowsBothSidesClaims) {
  grpc::ClientContext context;
  v1::GetPlaceRequest request;
  request.set_name("Курахове");
  v1::PlaceState place;
  grpc::Status status = stub_->GetPlace(&context, request, &place);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(place.place().id(), kKurakhove);
  EXPECT_TRUE(place.contested());
  ASSERT_EQ(place.control_claims_size(), 2);
  std::set<v1::Side> sides;
  for (const auto& c : place.control_claims()) sides.insert(c.claimant_side());
  EXPECT_EQ(sides, (std::set<v1::Side>{v1::SIDE_RUSSIA, v1::SIDE_UKRAINE}));

  grpc::ClientContext missing_context;
  request.set_name("Atlantis");
  status = stub_->GetPlace(&missing_context, request, &place);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
}

// The process registry as a scrape would see it.
std::vector<metrics::testing::Sample> ProcessMetrics() {
  const std::string text = prometheus::TextSerializer().Serialize(
      metrics::ProcessRegistry()->Collect());
  auto samples = metrics::testing::ParseExposition(text);
  EXPECT_TRUE(samples.ok()) << samples.status();
  return samples.ok() ? *samples : std::vector<metrics::testing::Sample>{};
}

double CallsObserved(const std::string& method, const std::string& code) {
  return metrics::testing::SumSamples(
      ProcessMetrics(), "frontline_grpc_request_duration_seconds_count",
      {{"method", method}, {"code", code}});
}

TEST_F(ConflictStateGrpcTest, EveryUnaryCallIsTimedByMethodAndCode) {
  const std::string method = "/frontline.v1.ConflictState/GetPlace";
  const double ok_before = CallsObserved(method, "OK");
  const double missing_before = CallsObserved(method, "NOT_FOUND");
  for (const char* name : {"Курахове", "Kurakhovo", "Atlantis"}) {
    grpc::ClientContext context;
    v1::GetPlaceRequest request;
    request.set_name(name);
    v1::PlaceState place;
    stub_->GetPlace(&context, request, &place);
  }
  EXPECT_EQ(CallsObserved(method, "OK") - ok_before, 2);
  EXPECT_EQ(CallsObserved(method, "NOT_FOUND") - missing_before, 1);
}

grpc::health::v1::HealthCheckResponse::ServingStatus Readiness(int port) {
  auto health = grpc::health::v1::Health::NewStub(grpc::CreateChannel(
      absl::StrCat("127.0.0.1:", port), grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(api::ReadinessServiceName());
  grpc::health::v1::HealthCheckResponse response;
  EXPECT_TRUE(health->Check(&context, request, &response).ok());
  return response.status();
}

TEST_F(ConflictStateGrpcTest, ReadyOnlyWhileTheViewIsCaughtUp) {
  using grpc::health::v1::HealthCheckResponse;
  auto progress = api::StateProgress(*server_, /*max_lag=*/100, false);
  EXPECT_EQ(Readiness(server_->port()), HealthCheckResponse::NOT_SERVING);
  progress({{{"events", 0}, 70}, {{"events", 1}, 30}});
  EXPECT_EQ(Readiness(server_->port()), HealthCheckResponse::SERVING);
  progress({{{"events", 0}, 700}, {{"events", 1}, 0}});
  EXPECT_EQ(Readiness(server_->port()), HealthCheckResponse::NOT_SERVING);
  EXPECT_EQ(metrics::testing::FindSample(
                ProcessMetrics(), "frontline_consumer_lag",
                {{"stage", "state"}, {"topic", "events"}, {"partition", "0"}}),
            700);
}

TEST_F(ConflictStateGrpcTest, GetEventCarriesItsProvenance) {
  grpc::ClientContext context;
  v1::GetEventRequest request;
  request.set_id("cap");
  v1::GetEventResponse response;
  ASSERT_TRUE(stub_->GetEvent(&context, request, &response).ok());
  EXPECT_EQ(response.event().id(), "cap");
  ASSERT_EQ(response.documents_size(), 1);
  EXPECT_EQ(response.documents(0).document().source().id(), "feed:ria");
  ASSERT_EQ(response.claims_size(), 1);
  EXPECT_NE(response.claims(0).sentence().find("Kurakhove"), std::string::npos);
}

TEST_F(ConflictStateGrpcTest, ListEventsRejectsAbsurdPagesAndFilters) {
  grpc::ClientContext context;
  v1::ListEventsRequest request;
  request.set_page_size(100000);
  v1::ListEventsResponse response;
  EXPECT_EQ(stub_->ListEvents(&context, request, &response).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  grpc::ClientContext context2;
  request.set_page_size(10);
  request.mutable_filter()->set_side(v1::SIDE_RUSSIA);
  request.mutable_filter()->set_place("Kurakhovo");
  ASSERT_TRUE(stub_->ListEvents(&context2, request, &response).ok());
  EXPECT_EQ(response.events_size(), 2);
}

TEST_F(ConflictStateGrpcTest, PagesThroughEventsWithTokens) {
  std::vector<bus::Record> records;
  for (int i = 0; i < 7; ++i) {
    records.push_back(
        EventRecord(MakeEvent(absl::StrCat("p", i), v1::CLAIM_TYPE_SHELLING,
                              v1::SIDE_RUSSIA, v1::SIDE_UKRAINE, "ua.sumy.sumy",
                              1736300000 + i),
                    10 + i));
  }
  ASSERT_TRUE(view_->Apply(records).ok());
  std::vector<std::string> ids;
  v1::ListEventsRequest request;
  request.set_page_size(3);
  request.mutable_filter()->set_place("Sumy");
  do {
    grpc::ClientContext context;
    v1::ListEventsResponse response;
    grpc::Status status = stub_->ListEvents(&context, request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
    for (const auto& e : response.events()) {
      ids.push_back(e.id());
      EXPECT_FALSE(e.region_id().empty()) << "filled from the gazetteer";
    }
    request.set_page_token(response.next_page_token());
  } while (!request.page_token().empty() && ids.size() < 100);
  EXPECT_EQ(ids, (std::vector<std::string>{"p6", "p5", "p4", "p3", "p2", "p1",
                                           "p0"}));
  grpc::ClientContext bad;
  request.set_page_token("%%%");
  v1::ListEventsResponse response;
  EXPECT_EQ(stub_->ListEvents(&bad, request, &response).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(ConflictStateGrpcTest, WatchStreamsNewEventsAndResumes) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(20));
  v1::WatchEventsRequest request;
  request.mutable_filter()->set_place("Kurakhove");
  auto reader = stub_->WatchEvents(&context, request);
  std::thread later([this] {
    absl::SleepFor(absl::Milliseconds(300));
    EXPECT_TRUE(
        view_
            ->Apply({EventRecord(MakeEvent("elsewhere", v1::CLAIM_TYPE_SHELLING,
                                           v1::SIDE_RUSSIA, v1::SIDE_UKRAINE,
                                           "ua.sumy.sumy", 1736200000),
                                 3),
                     EventRecord(MakeEvent("new", v1::CLAIM_TYPE_ASSAULT,
                                           v1::SIDE_RUSSIA, v1::SIDE_UKRAINE,
                                           kKurakhove, 1736200000),
                                 4)})
            .ok());
  });
  v1::WatchEventsResponse response;
  ASSERT_TRUE(reader->Read(&response));
  EXPECT_EQ(response.event().id(), "new");  // the Sumy one is filtered out
  context.TryCancel();
  later.join();
  reader->Finish().IgnoreError();

  // Resuming from a token before it replays it.
  grpc::ClientContext again;
  again.set_deadline(std::chrono::system_clock::now() +
                     std::chrono::seconds(20));
  request.set_resume_token("0");
  auto resumed = stub_->WatchEvents(&again, request);
  std::vector<std::string> ids;
  while (ids.size() < 3 && resumed->Read(&response)) {
    ids.push_back(response.event().id());
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"cap", "deny", "new"}));
  again.TryCancel();
  resumed->Finish().IgnoreError();
}

TEST_F(ConflictStateGrpcTest, DeadlinesAreHonoured) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::milliseconds(300));
  v1::WatchEventsRequest request;
  auto reader = stub_->WatchEvents(&context, request);
  v1::WatchEventsResponse response;
  EXPECT_FALSE(reader->Read(&response));
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
}

}  // namespace
}  // namespace frontline
