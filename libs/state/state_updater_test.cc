#include "libs/state/state_updater.h"

#include <filesystem>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "libs/bus/testing/test_bus.h"
#include "libs/pipeline/topics.h"
#include "libs/state/state_test_util.h"

namespace frontline::state {
namespace {

using bus::testing::Engine;
using bus::testing::TestBus;
using testing::EventMessage;
using testing::MakeEvent;

class StateUpdaterTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    bus_ = std::make_unique<TestBus>(GetParam());
    for (const auto& spec : pipeline::PipelineTopics(2)) {
      ASSERT_TRUE(bus_->CreateTopic(spec).ok());
    }
    base_ = std::filesystem::temp_directory_path() /
            absl::StrCat("state-updater-", getpid(), "-",
                         bus::testing::EngineName(GetParam()));
    std::filesystem::remove_all(base_);
  }
  void TearDown() override {
    bus_.reset();
    std::filesystem::remove_all(base_);
  }
  std::unique_ptr<StateView> OpenView(const std::string& name) {
    auto view = StateView::Open((base_ / name).string(), nullptr);
    EXPECT_TRUE(view.ok()) << view.status();
    return *std::move(view);
  }
  void Produce(const v1::Event& e) {
    auto r = bus_->bus().ProduceSync(EventMessage(e), absl::Seconds(30));
    ASSERT_TRUE(r.ok() && r->status.ok());
  }
  // Runs until the view has consumed everything on the topic.
  void CatchUp(StateUpdater& updater) {
    const absl::Time deadline = absl::Now() + absl::Seconds(60);
    while (absl::Now() < deadline) {
      ASSERT_TRUE(updater.RunOnce().ok());
      auto lag = updater.Lag();
      ASSERT_TRUE(lag.ok());
      if (*lag == 0) return;
    }
    FAIL() << "did not catch up";
  }
  static std::vector<std::string> Ids(StateView& view) {
    std::vector<std::string> ids;
    auto response = view.ListEvents({}, {.size = 1000});
    EXPECT_TRUE(response.ok());
    for (const auto& e : response->events()) {
      ids.push_back(absl::StrCat(e.id(), "@", e.revision()));
    }
    return ids;
  }

  std::unique_ptr<TestBus> bus_;
  std::filesystem::path base_;
};

TEST_P(StateUpdaterTest, FoldsTheTopicParksPoisonAndResumesWhereItStopped) {
  for (int i = 0; i < 20; ++i) {
    Produce(MakeEvent(absl::StrCat("e", i), v1::CLAIM_TYPE_ASSAULT,
                      v1::SIDE_UKRAINE, v1::SIDE_UKRAINE, "ru.kursk.sudzha",
                      1736000000 + i));
  }
  bus::Message poison =
      EventMessage(MakeEvent("p", v1::CLAIM_TYPE_ASSAULT, v1::SIDE_UKRAINE,
                             v1::SIDE_UKRAINE, "x", 1736000000));
  poison.value = "not a protobuf \xff\xff";
  ASSERT_TRUE(bus_->bus().ProduceSync(poison, absl::Seconds(30)).ok());
  {
    auto view = OpenView("live");
    auto updater = StateUpdater::Create(bus_->bus(), *view);
    ASSERT_TRUE(updater.ok()) << updater.status();
    CatchUp(**updater);
    EXPECT_EQ(view->GetStats()->events(), 20u);
  }
  auto letters = bus_->ReadAll(pipeline::kDeadLetterTopic, 1);
  ASSERT_EQ(letters.size(), 1u);
  EXPECT_EQ(bus::FindHeader(letters[0].headers, bus::kDlqStage), "state");

  // A restart: revisions and new events only; nothing applied twice.
  v1::Event revised = MakeEvent("e3", v1::CLAIM_TYPE_ASSAULT, v1::SIDE_UKRAINE,
                                v1::SIDE_UKRAINE, "ru.kursk.sudzha", 1736000003,
                                v1::POLARITY_ASSERTED, 2);
  Produce(revised);
  Produce(MakeEvent("late", v1::CLAIM_TYPE_SHELLING, v1::SIDE_RUSSIA,
                    v1::SIDE_UKRAINE, "ua.sumy.sumy", 1736100000));
  bus_->Reopen();
  auto view = OpenView("live");
  auto updater = StateUpdater::Create(bus_->bus(), *view);
  ASSERT_TRUE(updater.ok());
  CatchUp(**updater);
  auto stats = view->GetStats();
  EXPECT_EQ(stats->events(), 21u);
  EXPECT_EQ(view->GetEvent("e3")->event().revision(), 2u);

  // A rebuild from offset zero is the same view.
  auto rebuilt = OpenView("rebuilt");
  auto replay = StateUpdater::Create(bus_->bus(), *rebuilt);
  ASSERT_TRUE(replay.ok());
  CatchUp(**replay);
  EXPECT_EQ(Ids(*rebuilt), Ids(*view));
  EXPECT_EQ(rebuilt->GetStats()->events(), 21u);
}

INSTANTIATE_TEST_SUITE_P(Engines, StateUpdaterTest,
                         ::testing::Values(Engine::kLocal, Engine::kKafka),
                         [](const auto& info) {
                           return bus::testing::EngineName(info.param);
                         });

}  // namespace
}  // namespace frontline::state
