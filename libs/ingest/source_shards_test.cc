#include "libs/ingest/source_shards.h"

#include <filesystem>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "frontline/v1/raw_document.pb.h"
#include "gtest/gtest.h"
#include "libs/bus/testing/test_bus.h"
#include "libs/ingest/ingest_runner.h"
#include "libs/pipeline/topics.h"

namespace frontline::ingest {
namespace {

using bus::testing::Engine;
using bus::testing::TestBus;

constexpr int kShards = 8;

class SourceShardsTest : public testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(
        bus_.CreateTopic({.name = "ingest-shards", .partitions = kShards})
            .ok());
  }
  std::unique_ptr<SourceShards> Join() {
    auto shards =
        SourceShards::Join(bus_.bus(), {.group = "feed-ingest",
                                        .partitions = kShards,
                                        .refresh = absl::Milliseconds(100)});
    EXPECT_TRUE(shards.ok()) << shards.status();
    return shards.ok() ? *std::move(shards) : nullptr;
  }

  TestBus bus_{GetParam()};
};

// Waits until `done` holds (the group settles in the background).
bool Eventually(const std::function<bool()>& done) {
  const absl::Time deadline = absl::Now() + absl::Seconds(60);
  while (absl::Now() < deadline) {
    if (done()) return true;
    absl::SleepFor(absl::Milliseconds(100));
  }
  return done();
}

TEST_P(SourceShardsTest, ReplicasSplitTheSourcesAndTakeOverWhenOneLeaves) {
  auto a = Join();
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->Owned().size(), size_t{kShards}) << "a lone replica owns all";
  auto b = Join();
  ASSERT_NE(b, nullptr);
  ASSERT_TRUE(Eventually([&] {
    std::set<int> both = a->Owned();
    const std::set<int> theirs = b->Owned();
    const size_t overlap = both.size() + theirs.size();
    both.insert(theirs.begin(), theirs.end());
    return !a->Owned().empty() && !theirs.empty() &&
           both.size() == size_t{kShards} && overlap == size_t{kShards};
  })) << "the two replicas never split the shards";
  int owned_by_a = 0;
  for (int i = 0; i < 200; ++i) {
    const std::string id = absl::StrCat("feed:source-", i);
    EXPECT_NE(a->Owns(id), b->Owns(id)) << id << " must have one owner";
    owned_by_a += a->Owns(id);
  }
  EXPECT_GT(owned_by_a, 0);
  EXPECT_LT(owned_by_a, 200);

  b.reset();  // a replica goes away: its sources move
  EXPECT_TRUE(Eventually([&] { return a->Owned().size() == size_t{kShards}; }));
}

TEST(SourceShardIdTest, ShardOfIsStableAndInRange) {
  std::set<int> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string id = absl::StrCat("telegram:channel", i);
    const int shard = SourceShards::ShardOf(id, 16);
    ASSERT_GE(shard, 0);
    ASSERT_LT(shard, 16);
    EXPECT_EQ(SourceShards::ShardOf(id, 16), shard);
    seen.insert(shard);
  }
  EXPECT_EQ(seen.size(), 16u) << "ids should spread over every shard";
}

TEST(IngestRunnerShardsTest, ARunnerPollsOnlyTheSourcesItOwns) {
  TestBus bus(Engine::kLocal);
  ASSERT_TRUE(pipeline::EnsurePipelineTopics(bus.bus(), 2).ok());
  auto config = ParseIngestConfig(
      absl::StrCat(
          "sources:\n  - {id: feed:ki, path: ", FRONTLINE_FEEDS_TESTDATA,
          "/kyiv_independent_rss.xml}\n  - {id: feed:isw, path: ",
          FRONTLINE_FEEDS_TESTDATA, "/isw_rdf.xml}\n"),
      "");
  ASSERT_TRUE(config.ok()) << config.status();
  const auto dir = std::filesystem::temp_directory_path() /
                   absl::StrCat("ingest-shards-", getpid());
  std::filesystem::remove_all(dir);
  auto state = StateStore::Open(dir.string());
  ASSERT_TRUE(state.ok());
  {
    IngestRunner runner(
        bus.bus(), **state, *config,
        {.owns = [](const std::string& id) { return id == "feed:isw"; }});
    runner.Start();
    auto records = bus.ReadAll(pipeline::kRawTopic, 1000, absl::Seconds(3));
    runner.Stop();
    ASSERT_FALSE(records.empty());
    for (const bus::Record& r : records) {
      v1::RawDocument raw;
      ASSERT_TRUE(raw.ParseFromString(r.value));
      EXPECT_EQ(raw.source().id(), "feed:isw");
    }
  }
  std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(BothEngines, SourceShardsTest,
                         testing::Values(Engine::kLocal, Engine::kKafka),
                         [](const auto& info) {
                           return bus::testing::EngineName(info.param);
                         });

}  // namespace
}  // namespace frontline::ingest
