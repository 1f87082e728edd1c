#include "libs/dedup/deduplicator.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "libs/dedup/test_util.h"

namespace frontline::dedup {
namespace {

using testing::MakeDoc;
using testing::TempDir;

constexpr int64_t kDay = 86400;
constexpr int64_t kT0 = 1736150000;  // 2025-01-06

const char kReport[] =
    "The Russian Ministry of Defense said on Monday that its forces had "
    "taken full control of Kurakhove, an industrial town in the Donetsk "
    "region that Ukraine had defended for more than two months.\n\n"
    "\"Units of the Southern group of forces have completed the liberation "
    "of the settlement of Kurakhove,\" the ministry said in a statement on "
    "Telegram.\n\n"
    "Defense Minister Andrei Belousov congratulated the troops, the Kremlin "
    "said. Kurakhove had a pre-war population of about 18,000 and lies 32 "
    "kilometers south of Pokrovsk.\n\n"
    "Ukraine's military did not immediately comment on the claim.";

const char kNear[] =
    "By Staff Reporter\n\n"
    "The Russian Ministry of Defence said on Monday that its forces had "
    "taken full control of Kurakhovo, an industrial town in the Donetsk "
    "region that Ukraine had defended for more than two months.\n\n"
    "«Units of the Southern group of forces have completed the liberation "
    "of the settlement of Kurakhovo», the ministry said in a statement on "
    "Telegram.\n\n"
    "Defence Minister Andrei Belousov congratulated the troops, the Kremlin "
    "said. Kurakhovo had a pre-war population of about 18,000 and lies 32 "
    "kilometers south of Pokrovsk.\n\nSubscribe to our newsletter.";

const char kParaphrase[] =
    "Moscow announced on Monday that Russian troops now fully control "
    "Kurakhove, a Donetsk industrial town whose Ukrainian defenders had held "
    "out for over two months.\n\n"
    "In a Telegram statement the defense ministry wrote: \"Units of the "
    "Southern group of forces have completed the liberation of the "
    "settlement of Kurakhove.\"\n\n"
    "According to the Kremlin, Andrei Belousov, the defense minister, sent "
    "his congratulations to the soldiers. The town, 32 kilometers to the "
    "south of Pokrovsk, was home to roughly 18,000 people before the war.";

// Same day, same town, same figures: a different report.
const char kOther[] =
    "Ukraine's General Staff on Monday rejected Moscow's claim that "
    "Kurakhove had fallen, saying fighting was continuing in the western "
    "part of the town near the thermal power plant.\n\n"
    "Kurakhove, 32 kilometers south of Pokrovsk, had about 18,000 residents "
    "before the war. \"Our units continue to hold positions,\" spokesman "
    "Andriy Kovalyov said, adding that 47 Russian assaults were repelled.";

class DeduplicatorTest : public ::testing::Test {
 protected:
  void SetUp() override { Reopen(); }
  void Reopen() {
    dedup_.reset();
    DedupOptions o;
    o.dir = dir_.path();
    auto d = Deduplicator::Open(o);
    ASSERT_TRUE(d.ok()) << d.status();
    dedup_ = *std::move(d);
  }
  v1::DocumentVerdict Judge(
      const v1::Document& doc,
      std::vector<v1::DocumentVerdict>* revised = nullptr) {
    auto v = dedup_->Judge(doc, revised);
    EXPECT_TRUE(v.ok()) << v.status();
    return v.ok() ? *v : v1::DocumentVerdict();
  }
  TempDir dir_;
  std::unique_ptr<Deduplicator> dedup_;
};

TEST_F(DeduplicatorTest, FirstDocumentIsNew) {
  EXPECT_EQ(Judge(MakeDoc("a", "feed:a", kT0, kReport)).verdict(),
            v1::VERDICT_NEW);
}

TEST_F(DeduplicatorTest, ExactCopy) {
  Judge(MakeDoc("a", "feed:a", kT0, kReport));
  std::string copy = kReport;
  copy.replace(copy.find('"'), 1, "“");
  const v1::DocumentVerdict v = Judge(MakeDoc("b", "feed:b", kT0 + 60, copy));
  EXPECT_EQ(v.verdict(), v1::VERDICT_DUPLICATE);
  EXPECT_EQ(v.kind(), v1::DUPLICATE_KIND_EXACT);
  EXPECT_EQ(v.duplicate_of(), "a");
}

TEST_F(DeduplicatorTest, NearDuplicate) {
  Judge(MakeDoc("a", "feed:a", kT0, kReport));
  const v1::DocumentVerdict v = Judge(MakeDoc("b", "feed:b", kT0 + 60, kNear));
  EXPECT_EQ(v.verdict(), v1::VERDICT_DUPLICATE);
  EXPECT_EQ(v.kind(), v1::DUPLICATE_KIND_NEAR);
  EXPECT_EQ(v.duplicate_of(), "a");
  EXPECT_GE(v.similarity(), 0.5);
}

TEST_F(DeduplicatorTest, Paraphrase) {
  Judge(MakeDoc("a", "feed:a", kT0, kReport));
  const v1::DocumentVerdict v =
      Judge(MakeDoc("b", "feed:b", kT0 + 60, kParaphrase));
  EXPECT_EQ(v.verdict(), v1::VERDICT_DUPLICATE);
  EXPECT_EQ(v.kind(), v1::DUPLICATE_KIND_PARAPHRASE);
  EXPECT_EQ(v.duplicate_of(), "a");
}

TEST_F(DeduplicatorTest, SameDaySamePlaceSameFiguresIsNotADuplicate) {
  Judge(MakeDoc("a", "feed:a", kT0, kReport));
  EXPECT_EQ(Judge(MakeDoc("b", "feed:b", kT0 + 60, kOther)).verdict(),
            v1::VERDICT_NEW);
}

TEST_F(DeduplicatorTest, TelegramForwardAndCrossPost) {
  const std::string post =
      "Курахове: противник просунувся в районі ТЕС та на північній околиці "
      "міста. Бої тривають, місто не захоплене повністю. Карту оновлено.";
  v1::Document original = MakeDoc("o", "telegram:deepstateua", kT0, post);
  original.mutable_source()->set_kind(v1::SOURCE_KIND_TELEGRAM);
  original.set_external_id("deepstateua/20801");
  Judge(original);

  v1::Document forward =
      MakeDoc("f", "telegram:other", kT0 + 60, "⚡️ " + post);
  forward.mutable_source()->set_kind(v1::SOURCE_KIND_TELEGRAM);
  auto* origin = forward.mutable_provenance()->mutable_forward_origin();
  origin->set_channel_id("DeepStateUA");
  origin->set_message_id("20801");
  v1::DocumentVerdict v = Judge(forward);
  EXPECT_EQ(v.kind(), v1::DUPLICATE_KIND_FORWARD);
  EXPECT_EQ(v.duplicate_of(), "o");

  v1::Document cross =
      MakeDoc("x", "telegram:third", kT0 + 120,
              "🔴 " + post + " 👇\n#Курахове https://t.me/deepstateua/20801");
  v = Judge(cross);
  EXPECT_EQ(v.verdict(), v1::VERDICT_DUPLICATE);
  EXPECT_EQ(v.duplicate_of(), "o");
}

TEST_F(DeduplicatorTest, EditIsNewVersionNotDuplicate) {
  v1::Document v1doc = MakeDoc("a1", "telegram:ds", kT0, kReport);
  v1doc.set_external_id("ds/1");
  Judge(v1doc);
  v1::Document v2doc = v1doc;
  v2doc.set_id("a2");
  v2doc.set_version(2);
  v2doc.set_text(std::string(kReport) + " Updated.");
  const v1::DocumentVerdict v = Judge(v2doc);
  EXPECT_EQ(v.verdict(), v1::VERDICT_NEW_VERSION);
  EXPECT_EQ(v.duplicate_of(), "a1");
}

TEST_F(DeduplicatorTest, EntriesOutsideTheWindowAreIgnoredAndCompactedAway) {
  Judge(MakeDoc("old", "feed:a", kT0, kReport));
  EXPECT_EQ(
      Judge(MakeDoc("late", "feed:b", kT0 + 31 * kDay, kReport)).verdict(),
      v1::VERDICT_NEW);
  // The watermark is now kT0 + 31 days: "old" goes at compaction.
  ASSERT_TRUE(dedup_->Compact().ok());
  auto v = dedup_->VerdictOf("old");
  ASSERT_TRUE(v.ok());
  EXPECT_FALSE(v->has_value());
  auto kept = dedup_->VerdictOf("late");
  ASSERT_TRUE(kept.ok());
  EXPECT_TRUE(kept->has_value());
}

TEST_F(DeduplicatorTest, RestartKeepsIndexAndVerdicts) {
  Judge(MakeDoc("a", "feed:a", kT0, kReport));
  const v1::DocumentVerdict before =
      Judge(MakeDoc("b", "feed:b", kT0 + 60, kNear));
  Reopen();
  const v1::DocumentVerdict again =
      Judge(MakeDoc("b", "feed:b", kT0 + 60, kNear));
  EXPECT_EQ(again.SerializeAsString(), before.SerializeAsString());
  const v1::DocumentVerdict c =
      Judge(MakeDoc("c", "feed:c", kT0 + 120, kParaphrase));
  EXPECT_EQ(c.verdict(), v1::VERDICT_DUPLICATE);
  EXPECT_EQ(c.duplicate_of(), "a");
}

TEST_F(DeduplicatorTest, EarlierPublicationWinsARace) {
  Judge(MakeDoc("copy", "feed:b", kT0 + 60, kNear));
  std::vector<v1::DocumentVerdict> revised;
  const v1::DocumentVerdict v =
      Judge(MakeDoc("orig", "feed:a", kT0, kReport), &revised);
  EXPECT_EQ(v.verdict(), v1::VERDICT_NEW);
  ASSERT_EQ(revised.size(), 1u);
  EXPECT_EQ(revised[0].document_id(), "copy");
  EXPECT_EQ(revised[0].duplicate_of(), "orig");
  EXPECT_EQ(revised[0].revision(), 2u);
}

TEST_F(DeduplicatorTest, JudgingAgainReturnsTheStoredRevisions) {
  Judge(MakeDoc("copy", "feed:b", kT0 + 60, kNear));
  Judge(MakeDoc("orig", "feed:a", kT0, kReport));
  std::vector<v1::DocumentVerdict> revised;
  EXPECT_EQ(Judge(MakeDoc("orig", "feed:a", kT0, kReport), &revised).verdict(),
            v1::VERDICT_NEW);
  ASSERT_EQ(revised.size(), 1u);
  EXPECT_EQ(revised[0].document_id(), "copy");
  EXPECT_EQ(revised[0].revision(), 2u);
  revised.clear();
  Judge(MakeDoc("copy", "feed:b", kT0 + 60, kNear), &revised);
  EXPECT_TRUE(revised.empty());
}

TEST_F(DeduplicatorTest, LoadedDocumentsAreFoundByPipelineIds) {
  // 16 hex digits, as pipeline::RawDocumentId: packed in index keys.
  ASSERT_TRUE(
      dedup_->Load(MakeDoc("0123456789abcdef", "feed:a", kT0, kReport)).ok());
  const v1::DocumentVerdict v =
      Judge(MakeDoc("fedcba9876543210", "feed:b", kT0 + 60, kNear));
  EXPECT_EQ(v.verdict(), v1::VERDICT_DUPLICATE);
  EXPECT_EQ(v.duplicate_of(), "0123456789abcdef");
  auto loaded = dedup_->VerdictOf("0123456789abcdef");
  ASSERT_TRUE(loaded.ok() && loaded->has_value());
  EXPECT_EQ((*loaded)->verdict(), v1::VERDICT_NEW);
}

TEST_F(DeduplicatorTest, RebuildByReplayGivesTheSameVerdicts) {
  const std::vector<v1::Document> docs = {
      MakeDoc("a", "feed:a", kT0, kReport),
      MakeDoc("b", "feed:b", kT0 + 60, kNear),
      MakeDoc("c", "feed:c", kT0 + 120, kParaphrase),
      MakeDoc("d", "feed:d", kT0 + 180, kOther)};
  std::vector<std::string> first;
  for (const auto& d : docs) first.push_back(Judge(d).SerializeAsString());
  TempDir other;
  DedupOptions o;
  o.dir = other.path();
  auto rebuilt = Deduplicator::Open(o);
  ASSERT_TRUE(rebuilt.ok());
  for (size_t i = 0; i < docs.size(); ++i) {
    ASSERT_TRUE((*rebuilt)->Index(docs[i]).ok());
    auto v = (*rebuilt)->VerdictOf(docs[i].id());
    ASSERT_TRUE(v.ok() && v->has_value());
    EXPECT_EQ((*v)->SerializeAsString(), first[i]);
  }
}

TEST_F(DeduplicatorTest, SeedsAreMutualHardNegatives) {
  const char* shared = std::getenv("FRONTLINE_SHARED_DIR");
  const std::filesystem::path seeds =
      std::filesystem::path(shared ? shared : "../shared") / "seeds";
  if (!std::filesystem::exists(seeds)) GTEST_SKIP() << "no " << seeds;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(seeds)) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 5u);
  int i = 0;
  for (const auto& f : files) {
    std::ifstream in(f);
    std::stringstream ss;
    ss << in.rdbuf();
    const v1::DocumentVerdict v = Judge(MakeDoc(
        f.stem().string(), "seed:" + f.stem().string(), kT0 + i++, ss.str()));
    EXPECT_EQ(v.verdict(), v1::VERDICT_NEW)
        << f << " judged a duplicate of " << v.duplicate_of();
  }
}

}  // namespace
}  // namespace frontline::dedup
