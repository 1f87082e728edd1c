// End to end with every service as its own process on the Kafka engine:
// `frontline dev-kafka` (librdkafka's mock cluster) and then feed-ingest,
// telegram-ingest, normalize, dedup and state, each talking Kafka to it.
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

using testing::ChildProcess;

TEST(EndToEndKafkaTest, EveryServiceItsOwnProcessOverKafka) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    absl::StrCat("e2e-kafka-", getpid());
  std::filesystem::remove_all(dir);
  const std::string root = FRONTLINE_SOURCE_DIR;
  const std::string binary = FRONTLINE_BINARY;

  ChildProcess kafka(
      {binary, "dev-kafka", "--brokers", "3", "--partitions", "3"}, root);
  const std::string bootstrap =
      kafka.WaitForLine("^(127\\.0\\.0\\.1:[0-9,.:]+)");
  ASSERT_FALSE(bootstrap.empty()) << "dev-kafka did not start";
  const std::string bus = "kafka://" + bootstrap;

  auto service = [&](std::vector<std::string> args) {
    args.insert(args.begin(), binary);
    args.insert(args.end(), {"--bus", bus});
    return std::make_unique<ChildProcess>(args, root);
  };
  auto state = service(
      {"state", "--data", (dir / "view").string(), "--listen", "127.0.0.1:0"});
  const std::string port = state->WaitForLine("serving gRPC on port ([0-9]+)");
  ASSERT_FALSE(port.empty()) << "state did not start";
  auto dedup = service({"dedup", "--state", (dir / "dedup").string()});
  auto normalize = service({"normalize"});
  auto feeds = service({"feed-ingest", "--config", "examples/sources.yaml",
                        "--state", (dir / "feeds").string()});
  auto telegram =
      service({"telegram-ingest", "--config", "examples/sources.yaml",
               "--state", (dir / "telegram").string()});

  auto stub = v1::ConflictState::NewStub(grpc::CreateChannel(
      absl::StrCat("127.0.0.1:", port), grpc::InsecureChannelCredentials()));
  v1::PlaceState place;
  const absl::Time deadline = absl::Now() + absl::Seconds(120);
  while (absl::Now() < deadline) {
    grpc::ClientContext context;
    v1::GetPlaceRequest request;
    request.set_name("Kurakhove");
    if (stub->GetPlace(&context, request, &place).ok()) {
      std::set<v1::Side> sides;
      for (const auto& c : place.control_claims())
        sides.insert(c.claimant_side());
      if (sides.contains(v1::SIDE_RUSSIA) && sides.contains(v1::SIDE_UKRAINE)) {
        break;
      }
    }
    absl::SleepFor(absl::Milliseconds(500));
  }
  EXPECT_TRUE(place.contested());
  ASSERT_GE(place.control_claims_size(), 2);
  grpc::ClientContext context;
  v1::Stats stats;
  ASSERT_TRUE(stub->GetStats(&context, {}, &stats).ok());
  EXPECT_GT(stats.documents(), 10u);
  EXPECT_GT(stats.events(), 5u);

  for (auto* child : {telegram.get(), feeds.get(), normalize.get(), dedup.get(),
                      state.get()}) {
    const int status = child->Stop(SIGTERM);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  }
  EXPECT_TRUE(WIFEXITED(kafka.Stop(SIGTERM)));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace frontline
