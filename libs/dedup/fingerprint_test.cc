#include "libs/dedup/fingerprint.h"

#include <gtest/gtest.h>

#include "libs/dedup/similarity.h"

namespace frontline::dedup {
namespace {

v1::Document Doc(absl::string_view text) {
  v1::Document d;
  d.set_text(std::string(text));
  return d;
}

constexpr char kReport[] =
    "The Russian Ministry of Defense said on Monday that its forces had "
    "taken full control of Kurakhove, an industrial town in the Donetsk "
    "region that Ukraine had defended for more than two months.\n\n"
    "\"Units of the Southern group of forces have completed the liberation "
    "of the settlement of Kurakhove,\" the ministry said.\n\n"
    "Kurakhove had a pre-war population of about 18,000 and lies 32 "
    "kilometers south of Pokrovsk.";

TEST(Fingerprint, ExactIgnoresQuotesDashesCaseAndSpacing) {
  std::string other = kReport;
  other.replace(other.find('"'), 1, "“");
  other.replace(other.find("pre-war"), 7, "pre — war");
  const FingerprintOptions o;
  EXPECT_EQ(ComputeFingerprint(Doc(kReport), o).exact,
            ComputeFingerprint(Doc(other), o).exact);
  EXPECT_NE(ComputeFingerprint(Doc(kReport), o).exact,
            ComputeFingerprint(Doc("Something else entirely."), o).exact);
}

TEST(Fingerprint, NearSurvivesSpellingVariantsAndBoilerplate) {
  std::string other = std::string("By Staff Reporter\n\n") + kReport +
                      "\n\nSubscribe to our newsletter.";
  for (size_t p; (p = other.find("Kurakhove")) != std::string::npos;) {
    other.replace(p, 9, "Kurakhovo");
  }
  const FingerprintOptions o;
  EXPECT_GE(NearSimilarity(ComputeFingerprint(Doc(kReport), o),
                           ComputeFingerprint(Doc(other), o)),
            0.5);
}

TEST(Fingerprint, AnchorsHoldFiguresNamesAndQuotes) {
  const Fingerprint fp = ComputeFingerprint(Doc(kReport), {});
  EXPECT_EQ(fp.anchors.numbers.size(), 2u);  // 18000, 32
  EXPECT_EQ(fp.anchors.quotes.size(), 1u);
  EXPECT_GE(fp.anchors.names.size(), 4u);
  const ParaphraseMatch self = ParaphraseScore(fp.anchors, fp.anchors);
  EXPECT_DOUBLE_EQ(self.score, 1.0);
  EXPECT_EQ(self.figures_and_quotes, 3);
}

TEST(Fingerprint, ForwardKeys) {
  v1::Document original = Doc("text");
  original.mutable_source()->set_kind(v1::SOURCE_KIND_TELEGRAM);
  original.set_external_id("DeepStateUA/20801");
  EXPECT_EQ(ComputeFingerprint(original, {}).forward_key, "deepstateua/20801");
  v1::Document forward = Doc("text");
  auto* origin = forward.mutable_provenance()->mutable_forward_origin();
  origin->set_channel_id("@DeepStateUA");
  origin->set_message_id("20801");
  EXPECT_EQ(ComputeFingerprint(forward, {}).forward_of, "deepstateua/20801");
}

TEST(Fingerprint, EncodingRoundTrips) {
  v1::Document d = Doc(kReport);
  d.mutable_provenance()->mutable_forward_origin()->set_channel_id("a");
  d.mutable_provenance()->mutable_forward_origin()->set_message_id("1");
  const Fingerprint fp = ComputeFingerprint(d, {});
  absl::StatusOr<Fingerprint> back = DecodeFingerprint(EncodeFingerprint(fp));
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->exact, fp.exact);
  ASSERT_EQ(back->minhash.size(), fp.minhash.size());
  for (size_t i = 0; i < fp.minhash.size(); ++i) {
    EXPECT_EQ(back->minhash[i], fp.minhash[i] & 0xffff);
  }
  EXPECT_EQ(NearSimilarity(*back, fp), 1.0);
  EXPECT_EQ(back->anchors.names, fp.anchors.names);
  EXPECT_EQ(back->anchors.quotes, fp.anchors.quotes);
  EXPECT_EQ(back->forward_of, "a/1");
  EXPECT_FALSE(DecodeFingerprint("garbage").ok());
}

}  // namespace
}  // namespace frontline::dedup
