// End to end: `frontline run` as its own process on the embedded log with the
// example sources, killed with SIGKILL mid-work and restarted; then real gRPC
// queries. Kurakhove must come out contested with both sides' claims and
// their sources, and the view must equal a clean rebuild from the topics.
#include <filesystem>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "frontline/v1/conflict_state.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "tests/child_process.h"

namespace frontline {
namespace {

// `frontline run` on `data` with the example sources.
class RunningFrontline {
 public:
  explicit RunningFrontline(const std::string& data)
      : child_({FRONTLINE_BINARY, "run", "--data", data, "--listen",
                "127.0.0.1:0", "--config", "examples/sources.yaml"},
               FRONTLINE_SOURCE_DIR) {
    const std::string port =
        child_.WaitForLine("serving gRPC on port ([0-9]+)");
    port_ = port.empty() ? 0 : std::stoi(port);
  }
  int port() const { return port_; }
  int Stop(int signal) { return child_.Stop(signal); }

 private:
  testing::ChildProcess child_;
  int port_ = 0;
};

std::unique_ptr<v1::ConflictState::Stub> Connect(int port) {
  return v1::ConflictState::NewStub(grpc::CreateChannel(
      absl::StrCat("127.0.0.1:", port), grpc::InsecureChannelCredentials()));
}

std::set<v1::Side> ClaimantSides(const v1::PlaceState& place) {
  std::set<v1::Side> sides;
  for (const auto& claim : place.control_claims()) {
    sides.insert(claim.claimant_side());
  }
  return sides;
}

bool BothSidesClaim(const v1::PlaceState& place) {
  const std::set<v1::Side> sides = ClaimantSides(place);
  return sides.contains(v1::SIDE_RUSSIA) && sides.contains(v1::SIDE_UKRAINE);
}

// Waits until Kurakhove has claims from both sides.
v1::PlaceState WaitForKurakhove(v1::ConflictState::Stub& stub) {
  v1::PlaceState place;
  const absl::Time deadline = absl::Now() + absl::Seconds(90);
  while (absl::Now() < deadline) {
    grpc::ClientContext context;
    v1::GetPlaceRequest request;
    request.set_name("Курахове");
    if (stub.GetPlace(&context, request, &place).ok() &&
        BothSidesClaim(place)) {
      break;
    }
    absl::SleepFor(absl::Milliseconds(250));
  }
  return place;
}

std::vector<std::string> AllEvents(v1::ConflictState::Stub& stub) {
  grpc::ClientContext context;
  v1::ListEventsRequest request;
  request.set_page_size(1000);
  v1::ListEventsResponse response;
  EXPECT_TRUE(stub.ListEvents(&context, request, &response).ok());
  std::vector<std::string> out;
  for (const auto& e : response.events()) {
    out.push_back(
        absl::StrCat(e.id(), "@", e.revision(), "/", e.sources_size()));
  }
  return out;
}

// Waits until the view has applied everything on the events topic.
void WaitCaughtUp(v1::ConflictState::Stub& stub) {
  const absl::Time deadline = absl::Now() + absl::Seconds(60);
  while (absl::Now() < deadline) {
    grpc::ClientContext context;
    v1::Stats stats;
    if (stub.GetStats(&context, {}, &stats).ok() && stats.lag_size() > 0) {
      bool caught_up = true;
      for (const auto& lag : stats.lag()) {
        caught_up = caught_up && lag.applied_offset() >= lag.end_offset();
      }
      if (caught_up) return;
    }
    absl::SleepFor(absl::Milliseconds(200));
  }
}

TEST(EndToEndTest, ExampleSourcesMakeKurakhoveContestedAndSurviveKillNine) {
  const std::string data = (std::filesystem::temp_directory_path() /
                            absl::StrCat("e2e-run-", getpid()))
                               .string();
  std::filesystem::remove_all(data);
  {
    // Killed while the pipeline is still working through the examples.
    RunningFrontline frontline(data);
    ASSERT_GT(frontline.port(), 0) << "frontline run did not start";
    absl::SleepFor(absl::Milliseconds(300));
    EXPECT_TRUE(WIFSIGNALED(frontline.Stop(SIGKILL)));
  }
  std::vector<std::string> live;
  {
    RunningFrontline frontline(data);
    ASSERT_GT(frontline.port(), 0);
    auto stub = Connect(frontline.port());
    v1::PlaceState place = WaitForKurakhove(*stub);
    EXPECT_EQ(place.place().id(), "ua.donetsk.kurakhove");
    EXPECT_TRUE(place.contested());
    EXPECT_TRUE(BothSidesClaim(place));
    for (const auto& claim : place.control_claims()) {
      EXPECT_GT(claim.sources_size(), 0);
      // Provenance: the claim's event names its documents and sentences.
      grpc::ClientContext context;
      v1::GetEventRequest request;
      request.set_id(claim.event_id());
      v1::GetEventResponse event;
      ASSERT_TRUE(stub->GetEvent(&context, request, &event).ok());
      EXPECT_FALSE(event.documents().empty());
      EXPECT_FALSE(event.claims().empty());
      for (const auto& c : event.claims()) {
        EXPECT_EQ(c.place_id(), "ua.donetsk.kurakhove");
        EXPECT_FALSE(c.sentence().empty());
      }
    }
    absl::SleepFor(absl::Seconds(2));  // let every stage settle
    WaitCaughtUp(*stub);
    live = AllEvents(*stub);
    EXPECT_FALSE(live.empty());
    const int status = frontline.Stop(SIGTERM);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  }
  {
    // A clean rebuild from the same topics, by the state service alone.
    testing::ChildProcess state(
        {FRONTLINE_BINARY, "state", "--bus", "local:" + data + "/bus", "--data",
         data + "/rebuilt", "--listen", "127.0.0.1:0"},
        FRONTLINE_SOURCE_DIR);
    const std::string port = state.WaitForLine("serving gRPC on port ([0-9]+)");
    ASSERT_FALSE(port.empty());
    auto stub = Connect(std::stoi(port));
    WaitCaughtUp(*stub);
    EXPECT_EQ(AllEvents(*stub), live)
        << "the view after kill -9 differs from a clean rebuild";
    EXPECT_TRUE(WIFEXITED(state.Stop(SIGTERM)));
  }
  std::filesystem::remove_all(data);
}

}  // namespace
}  // namespace frontline
