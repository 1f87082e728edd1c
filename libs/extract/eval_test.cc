// The coder's quality on the labeled sets must not drop below the figures
// recorded in testdata/labeled/recorded.tsv (and EVAL.md).
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "libs/extract/evaluation.h"
#include "libs/extract/test_util.h"

namespace frontline::extract {
namespace {

struct Floor {
  std::string language, what;
  double precision = 0, recall = 0;
};

std::multimap<std::string, Floor> Floors() {
  std::ifstream in(std::string(FRONTLINE_EXTRACT_LABELED) + "/recorded.tsv");
  std::multimap<std::string, Floor> floors;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = absl::StrSplit(line, '\t');
    Floor floor{f.at(1), f.at(2)};
    EXPECT_TRUE(absl::SimpleAtod(f.at(3), &floor.precision)) << line;
    EXPECT_TRUE(absl::SimpleAtod(f.at(4), &floor.recall)) << line;
    floors.emplace(f[0], floor);
  }
  return floors;
}

void Check(const std::string& set, const std::vector<LabeledDocument>& docs) {
  const Evaluation e = Evaluate(ShippedExtractor(), docs);
  const auto floors = Floors();
  auto [begin, end] = floors.equal_range(set);
  ASSERT_NE(begin, end) << "no recorded figures for " << set;
  for (auto it = begin; it != end; ++it) {
    const Floor& floor = it->second;
    const auto& scores = floor.what == "claims" ? e.claims : e.places;
    ASSERT_TRUE(scores.contains(floor.language)) << floor.language;
    const Score& s = scores.at(floor.language);
    EXPECT_GE(s.precision() + 5e-4, floor.precision)
        << set << " " << floor.language << " " << floor.what;
    EXPECT_GE(s.recall() + 5e-4, floor.recall)
        << set << " " << floor.language << " " << floor.what;
  }
}

TEST(EvalTest, TunedSetHoldsRecordedFigures) {
  auto docs =
      LoadLabeledSet(std::string(FRONTLINE_EXTRACT_LABELED) + "/tuned.jsonl");
  ASSERT_TRUE(docs.ok()) << docs.status();
  EXPECT_GE(docs->size(), 30u);
  Check("tuned.jsonl", *docs);
}

TEST(EvalTest, HeldOutSetHoldsRecordedFigures) {
  auto docs =
      LoadLabeledSet(std::string(FRONTLINE_EXTRACT_LABELED) + "/heldout.jsonl");
  ASSERT_TRUE(docs.ok()) << docs.status();
  EXPECT_GE(docs->size(), 10u);
  Check("heldout.jsonl", *docs);
}

TEST(EvalTest, ArticleSetsHoldRecordedFigures) {
  for (const std::string name :
       {"articles_dev.jsonl", "articles_blind.jsonl", "articles2.jsonl",
        "articles3.jsonl", "articles4.jsonl", "articles5.jsonl",
        "articles6.jsonl", "articles7.jsonl", "articles8.jsonl",
        "articles9.jsonl", "articles10.jsonl", "articles11.jsonl"}) {
    auto docs =
        LoadLabeledSet(std::string(FRONTLINE_EXTRACT_LABELED) + "/" + name);
    ASSERT_TRUE(docs.ok()) << docs.status();
    EXPECT_GE(docs->size(), 6u) << name;
    Check(name, *docs);
  }
}

TEST(EvalTest, SeedsHoldRecordedFigures) {
  const char* shared = std::getenv("FRONTLINE_SHARED_DIR");
  if (shared == nullptr) GTEST_SKIP() << "FRONTLINE_SHARED_DIR is not set";
  auto docs = LoadSeedSet(
      std::string(FRONTLINE_EXTRACT_LABELED) + "/seeds.jsonl", shared);
  ASSERT_TRUE(docs.ok()) << docs.status();
  if (docs->empty()) GTEST_SKIP() << shared << "/seeds is absent";
  Check("seeds.jsonl", *docs);
}

TEST(EvalTest, MalformedLabelsNameTheLine) {
  auto docs = ParseLabeledSet(
      "{\"id\":\"a\",\"language\":\"en\",\"published\":\"2025-01-06T00:00:"
      "00Z\","
      "\"text\":\"x\",\"claims\":[]}\n{\"id\":\"b\"}\n",
      "set.jsonl");
  ASSERT_FALSE(docs.ok());
  EXPECT_NE(docs.status().message().find("set.jsonl:2:"), std::string::npos);
}

}  // namespace
}  // namespace frontline::extract
