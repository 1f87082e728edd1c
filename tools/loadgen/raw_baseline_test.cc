#include "tools/loadgen/raw_baseline.h"

#include <unistd.h>

#include <filesystem>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "libs/bus/kafka_mock_cluster.h"

namespace frontline::loadgen {
namespace {

Corpus MakeCorpus() {
  auto places = LoadCorpusPlaces(FRONTLINE_PLACES_TSV);
  EXPECT_TRUE(places.ok()) << places.status();
  return Corpus(*places, {});
}

double MeanSize(const Corpus& corpus, int n) {
  double bytes = 0;
  for (int i = 0; i < n; ++i) bytes += corpus.Document(i).ByteSizeLong();
  return bytes / n;
}

void ExpectFilled(const LoadReport& report, const Corpus& corpus, int n) {
  EXPECT_EQ(report.raw_records, n);
  EXPECT_EQ(report.raw_rounds, 2);
  EXPECT_DOUBLE_EQ(report.raw_record_bytes, MeanSize(corpus, n));
  EXPECT_GT(report.raw_docs_per_s, 0);
  // Writing and reading back takes longer than either alone.
  EXPECT_LT(report.raw_docs_per_s, report.raw_write_per_s);
  EXPECT_LT(report.raw_docs_per_s, report.raw_read_per_s);
}

TEST(RawBaselineTest, LocalWritesAndReadsBackThroughRocksDbAndCleansUp) {
  const Corpus corpus = MakeCorpus();
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      absl::StrCat("raw-baseline-test-", getpid());
  LoadReport report;
  ASSERT_TRUE(
      MeasureRawBaseline(
          corpus,
          {.engine = "local", .dir = dir.string(), .records = 300, .rounds = 2},
          report)
          .ok());
  ExpectFilled(report, corpus, 300);
  EXPECT_NE(report.raw_engine.find("RocksDB"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir));
  std::filesystem::remove_all(dir);
}

// The mock cluster creates the topic on first produce (it has no
// CreateTopics), with its own partition count: every partition is read.
TEST(RawBaselineTest, KafkaReadsBackEveryRecordFromAnAutoCreatedTopic) {
  auto mock = bus::KafkaMockCluster::Start(3);
  ASSERT_TRUE(mock.ok()) << mock.status();
  const Corpus corpus = MakeCorpus();
  LoadReport report;
  const absl::Status s =
      MeasureRawBaseline(corpus,
                         {.engine = "kafka",
                          .kafka_brokers = (*mock)->bootstrap_servers(),
                          .records = 300,
                          .rounds = 2},
                         report);
  ASSERT_TRUE(s.ok()) << s;
  ExpectFilled(report, corpus, 300);
  EXPECT_NE(report.raw_engine.find("librdkafka"), std::string::npos);
}

TEST(RawBaselineTest, RefusesWhatItCannotMeasure) {
  const Corpus corpus = MakeCorpus();
  LoadReport report;
  EXPECT_FALSE(
      MeasureRawBaseline(corpus, {.engine = "attached", .records = 10}, report)
          .ok());
  EXPECT_FALSE(
      MeasureRawBaseline(corpus, {.engine = "local", .records = 0}, report)
          .ok());
  EXPECT_EQ(report.raw_records, 0);
}

}  // namespace
}  // namespace frontline::loadgen
