#include "libs/ingest/ingest_runner.h"

#include <filesystem>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "libs/bus/testing/test_bus.h"
#include "libs/metrics/metrics.h"
#include "libs/pipeline/topics.h"
#include "prometheus/counter.h"

namespace frontline::ingest {
namespace {

// The runner as the services use it: a config of feed files and an export,
// run until every item is on the raw topic, stopped, run again: nothing new.
TEST(IngestRunnerTest, RunsEverySourceAndStopsCleanly) {
  bus::testing::TestBus bus(bus::testing::Engine::kLocal);
  ASSERT_TRUE(pipeline::EnsurePipelineTopics(bus.bus(), 2).ok());
  auto config = ParseIngestConfig(
      absl::StrCat(R"(
sources:
  - {id: feed:ki, path: )",
                   FRONTLINE_FEEDS_TESTDATA, R"(/kyiv_independent_rss.xml}
  - {id: feed:isw, path: )",
                   FRONTLINE_FEEDS_TESTDATA, R"(/isw_rdf.xml}
  - {id: telegram:deepstateua, kind: telegram_export, channel: DeepStateUA,
     path: )",
                   FRONTLINE_TELEGRAM_TESTDATA, R"(/export_deepstate.json}
)"),
      "");
  ASSERT_TRUE(config.ok()) << config.status();
  const auto dir = std::filesystem::temp_directory_path() /
                   absl::StrCat("ingest-runner-", getpid());
  std::filesystem::remove_all(dir);
  auto state = StateStore::Open(dir.string());
  ASSERT_TRUE(state.ok());
  size_t first_run = 0;
  {
    IngestRunner runner(bus.bus(), **state, *config);
    runner.Start();
    // Everything that arrives within a few seconds (all of it: files).
    first_run = bus.ReadAll(pipeline::kRawTopic, 1000, absl::Seconds(3)).size();
    runner.Stop();
  }
  EXPECT_GE(first_run, 7u);  // 4 + 2 feed items and the export's posts
  {
    IngestRunner runner(bus.bus(), **state, *config);
    runner.Start();
    absl::SleepFor(absl::Milliseconds(500));
    runner.Stop();
  }
  EXPECT_EQ(bus.ReadAll(pipeline::kRawTopic, 1000, absl::Seconds(2)).size(),
            first_run);
  // The counts reach the process's metrics: every item emitted once, then
  // seen again unchanged by the second run.
  metrics::Metrics& m = metrics::Standard();
  const double emitted =
      m.IngestItems("feed:ki", "emitted").Value() +
      m.IngestItems("feed:isw", "emitted").Value() +
      m.IngestItems("telegram:deepstateua", "emitted").Value();
  EXPECT_EQ(emitted, double(first_run));
  EXPECT_EQ(m.IngestItems("feed:ki", "unchanged").Value(), 4.0);
  EXPECT_EQ(m.RecordsOut("feed-ingest", "raw").Value() +
                m.RecordsOut("telegram-ingest", "raw").Value(),
            double(first_run));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace frontline::ingest
