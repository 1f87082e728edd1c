// Holds the figures recorded in EVAL.md: fails when any of them drops.
#include "libs/dedup/evaluation.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "libs/dedup/test_util.h"

namespace frontline::dedup {
namespace {

std::vector<LabeledDocument> Load() {
  auto all =
      ReadLabeledSet(std::string(FRONTLINE_DEDUP_LABELED) + "/documents.jsonl");
  EXPECT_TRUE(all.ok()) << all.status();
  return all.ok() ? *all : std::vector<LabeledDocument>{};
}

EvalReport RunEval(std::vector<LabeledDocument> docs) {
  testing::TempDir dir;
  DedupOptions o;
  o.dir = dir.path();
  auto r = Evaluate(std::move(docs), o);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *r : EvalReport();
}

std::vector<LabeledDocument> Split(const std::string& split) {
  std::vector<LabeledDocument> out;
  for (auto& d : Load()) {
    if (d.split == split) out.push_back(std::move(d));
  }
  return out;
}

TEST(LabeledSet, HasTheDocumentsItPromises) {
  const auto all = Load();
  EXPECT_GE(all.size(), 60u);
}

TEST(LabeledSet, TunedFiguresHold) {
  const EvalReport r = RunEval(Split("tune"));
  EXPECT_EQ(r.false_merges, 0);
  EXPECT_GE(r.kinds.at("all").precision(), 1.0);
  EXPECT_GE(r.kinds.at("near").recall(), 1.0);
  EXPECT_GE(r.kinds.at("exact").recall(), 1.0);
  EXPECT_GE(r.kinds.at("forward").recall(), 1.0);
  EXPECT_GE(r.kinds.at("paraphrase").recall(), 6.0 / 7.0 - 1e-9);
  EXPECT_EQ(r.edits_recognized, r.edits);
}

TEST(LabeledSet, HeldOutFiguresHold) {
  const EvalReport r = RunEval(Split("heldout"));
  EXPECT_EQ(r.false_merges, 0);
  EXPECT_GE(r.kinds.at("all").precision(), 1.0);
  EXPECT_GE(r.kinds.at("near").recall(), 1.0);
  EXPECT_GE(r.kinds.at("paraphrase").recall(), 1.0);
  EXPECT_GE(r.kinds.at("forward").recall(), 1.0);
  EXPECT_EQ(r.edits_recognized, r.edits);
}

TEST(LabeledSet, SeedsAreNeverMerged) {
  const char* shared = std::getenv("FRONTLINE_SHARED_DIR");
  const std::string seeds =
      std::string(shared ? shared : "../shared") + "/seeds";
  if (!std::filesystem::exists(seeds)) GTEST_SKIP() << "no " << seeds;
  auto s = ReadSeeds(seeds);
  ASSERT_TRUE(s.ok()) << s.status();
  ASSERT_GE(s->size(), 5u);
  std::vector<LabeledDocument> docs = Load();
  docs.insert(docs.end(), s->begin(), s->end());
  const EvalReport r = RunEval(docs);
  EXPECT_EQ(r.false_merges, 0);
}

}  // namespace
}  // namespace frontline::dedup
