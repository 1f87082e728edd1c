// The load generator, tiny: the whole system (`frontline run`, started by
// loadgen as a child process) takes 200 documents at a low rate; every one
// must become queryable, the JSON report must be complete and the baselines
// of the same run (empty RPC, raw RocksDB) present with their ratios. No
// figure is asserted: those are benchmarks (docs/BENCHMARKS.md, "Load").
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace frontline {
namespace {

TEST(LoadgenSmokeTest, EveryDocumentBecomesQueryableAndTheReportIsComplete) {
  const std::filesystem::path json =
      std::filesystem::temp_directory_path() /
      absl::StrCat("loadgen-smoke-", getpid(), ".json");
  const std::string command = absl::StrCat(
      FRONTLINE_LOADGEN,
      " --engine local --docs 200 --rate 50 --query-rate 10 --drain 90"
      " --checkpoints 100 --progress 0 --json ",
      json.string(), " > ", json.string(), ".out 2>&1");
  const int status = std::system(command.c_str());
  std::ifstream out(json.string() + ".out");
  const std::string output((std::istreambuf_iterator<char>(out)),
                           std::istreambuf_iterator<char>());
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << output;

  std::ifstream in(json);
  const nlohmann::json report = nlohmann::json::parse(in, nullptr, false);
  std::filesystem::remove(json);
  std::filesystem::remove(json.string() + ".out");
  ASSERT_FALSE(report.is_discarded()) << output;
  ASSERT_EQ(report["runs"].size(), 1u);
  const nlohmann::json& run = report["runs"][0];
  EXPECT_EQ(run["engine"], "local");
  EXPECT_EQ(run["submitted"], 200);
  EXPECT_EQ(run["acknowledged"], 200);
  EXPECT_EQ(run["rejected"], 0);
  EXPECT_EQ(run["queryable"], 200);
  EXPECT_EQ(run["via_watch"].get<int>() + run["via_poll"].get<int>(), 200);
  EXPECT_TRUE(run["exited"].empty());
  EXPECT_GT(run["sustained_docs_per_s"].get<double>(), 0);
  EXPECT_GT(run["latency_p50_ms"].get<double>(), 0);
  EXPECT_GE(run["latency_p99_ms"].get<double>(),
            run["latency_p50_ms"].get<double>());
  EXPECT_GT(run["queries"].get<int>(), 0);
  EXPECT_EQ(run["query_errors"], 0) << run["first_query_error"];
  // The baselines of the same run: the empty RPC on the same server, and the
  // same 200 documents through raw RocksDB; each ratio printed and positive.
  EXPECT_GT(run["echoes"].get<int>(), 0);
  EXPECT_EQ(run["echo_errors"], 0) << run["first_query_error"];
  EXPECT_GT(run["echo_p50_ms"].get<double>(), 0);
  EXPECT_GE(run["echo_p99_ms"].get<double>(), run["echo_p50_ms"].get<double>());
  EXPECT_GT(run["query_echo_p50_ratio"].get<double>(), 0);
  EXPECT_GT(run["query_echo_p99_ratio"].get<double>(), 0);
  EXPECT_EQ(run["raw_records"], 200);
  EXPECT_GT(run["raw_docs_per_s"].get<double>(), 0);
  EXPECT_GT(run["sustained_raw_ratio"].get<double>(), 0);
  EXPECT_NE(output.find("baseline: empty RPC (health Check"), std::string::npos)
      << output;
  EXPECT_NE(output.find("queries / empty RPC: p50 "), std::string::npos)
      << output;
  EXPECT_NE(output.find("through raw RocksDB"), std::string::npos) << output;
  EXPECT_NE(output.find("sustained / raw: "), std::string::npos) << output;
  // A row at the checkpoint (100) and one at the end (200), each with the
  // memory of the one process.
  ASSERT_EQ(run["bands"].size(), 2u);
  EXPECT_EQ(run["bands"][0]["corpus"], 100);
  EXPECT_EQ(run["bands"][1]["corpus"], 200);
  for (const auto& band : run["bands"]) {
    EXPECT_GT(band["peak_rss"]["run"].get<int64_t>(), 0);
    EXPECT_EQ(band["peak_rss_total"], band["peak_rss"]["run"]);
    EXPECT_EQ(band["documents"], 100);
  }
}

}  // namespace
}  // namespace frontline
