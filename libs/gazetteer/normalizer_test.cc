#include "libs/gazetteer/normalizer.h"

#include "gtest/gtest.h"

namespace frontline::gazetteer {
namespace {

class GazetteerNormalizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<Normalizer> created = Normalizer::Create();
    ASSERT_TRUE(created.ok()) << created.status();
    normalizer_.emplace(*std::move(created));
  }
  std::optional<Normalizer> normalizer_;
};

TEST_F(GazetteerNormalizerTest, FoldsCaseInEveryScript) {
  EXPECT_EQ(normalizer_->Fold("KURAKHOVE"), "kurakhove");
  EXPECT_EQ(normalizer_->Fold("КУРАХОВЕ"), "курахове");
  EXPECT_EQ(normalizer_->Fold("Straße"), "strasse");
}

TEST_F(GazetteerNormalizerTest, UnifiesApostrophesDashesAndYo) {
  EXPECT_EQ(normalizer_->Fold("Слов’янськ"), "слов'янськ");
  EXPECT_EQ(normalizer_->Fold("Словʼянськ"), "слов'янськ");
  EXPECT_EQ(normalizer_->Fold("Слов`янськ"), "слов'янськ");
  EXPECT_EQ(normalizer_->Fold("Kupiansk–Vuzlovyi"), "kupiansk-vuzlovyi");
  EXPECT_EQ(normalizer_->Fold("Тёткино"), "теткино");
}

TEST_F(GazetteerNormalizerTest, AppliesNfkcAndCollapsesSpace) {
  EXPECT_EQ(normalizer_->Fold("Kurajo\u0301ve"), "kurajóve");
  EXPECT_EQ(normalizer_->Fold("ﬁ"), "fi");
  EXPECT_EQ(normalizer_->Fold("  Chasiv \u00a0\n Yar "), "chasiv yar");
  EXPECT_EQ(normalizer_->Fold("Ku\u00adrakhove"), "kurakhove");
}

TEST_F(GazetteerNormalizerTest, MapsEveryByteBackToItsOriginalSpan) {
  const std::string text = "À  Ё’x";
  NormalizedText n = normalizer_->Normalize(text);
  ASSERT_EQ(n.text, "à е'x");
  ASSERT_EQ(n.original_begin.size(), n.text.size());
  // "à" is two bytes from the two-byte "À".
  EXPECT_EQ(n.original_begin[0], 0u);
  EXPECT_EQ(n.original_end[1], 2u);
  // One space stands for both.
  EXPECT_EQ(n.original_begin[2], 2u);
  EXPECT_EQ(n.original_end[2], 4u);
  // "'" stands for the three bytes of "’".
  EXPECT_EQ(n.original_begin[5], 6u);
  EXPECT_EQ(n.original_end[5], 9u);
  EXPECT_EQ(n.original_begin[6], 9u);
}

TEST_F(GazetteerNormalizerTest, ToleratesIllFormedUtf8) {
  NormalizedText n = normalizer_->Normalize(
      "a\xff"
      "b");
  EXPECT_EQ(n.text,
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(n.original_begin[1], 1u);
  EXPECT_EQ(n.original_end[3], 2u);
}

TEST_F(GazetteerNormalizerTest, WordCharacters) {
  EXPECT_TRUE(Normalizer::IsWordChar('a'));
  EXPECT_TRUE(Normalizer::IsWordChar('7'));
  EXPECT_TRUE(Normalizer::IsWordChar(0x0416));  // Ж
  EXPECT_TRUE(Normalizer::IsWordChar(0x0301));  // combining acute
  EXPECT_FALSE(Normalizer::IsWordChar('\''));
  EXPECT_FALSE(Normalizer::IsWordChar('-'));
  EXPECT_FALSE(Normalizer::IsWordChar(' '));
  EXPECT_FALSE(Normalizer::IsWordChar(-1));
}

}  // namespace
}  // namespace frontline::gazetteer
