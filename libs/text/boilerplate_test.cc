#include "libs/text/boilerplate.h"

#include "gtest/gtest.h"
#include "libs/text/test_util.h"

namespace frontline::text {
namespace {

BoilerplateVerdict Judge(absl::string_view paragraph) {
  const TextResources& shipped = testing::Shipped::Get();
  return shipped.boilerplate.Judge(shipped.normalizer.Key(paragraph));
}

TEST(BoilerplateTest, ShippedRulesLoad) {
  EXPECT_GT(testing::Shipped::Get().boilerplate.rule_count(), 50u);
}

TEST(BoilerplateTest, DropsTheUsualSuspects) {
  for (const char* p :
       {"By John Smith", "By John Smith and Jane Doe", "Author: Jane Doe",
        "This story was originally published by The Conversation.",
        "Subscribe to our newsletter for daily updates", "Share",
        "SHARE THIS ARTICLE", "We use cookies to personalise content.",
        "Підписуйтесь на наш Telegram", "Подписывайтесь на нас в Telegram",
        "Автор: Ірина Коваль", "© 2025 Example Media"}) {
    EXPECT_EQ(Judge(p), BoilerplateVerdict::kDrop) << p;
  }
  for (const char* p : {"See also:", "Read more",
                        "ЧИТАЙТЕ ТАКОЖ:", "Читайте также", "Related stories"}) {
    EXPECT_EQ(Judge(p), BoilerplateVerdict::kDropWithFollowingList) << p;
  }
}

TEST(BoilerplateTest, KeepsReporting) {
  for (const char* p :
       {"By Monday, Russian forces had advanced.",
        "By 2025 the front had barely moved",
        "Russia's defense ministry said Sunday that its forces had captured "
        "the village.",
        "Shares of the company fell",
        "Ukraine asked allies to donate more "
        "air defense systems.",
        "Related fighting was reported near Pokrovsk, according to the "
        "Institute for the Study of War, which tracks the war daily.",
        "Українські війська у неділю розпочали нові атаки."}) {
    EXPECT_EQ(Judge(p), BoilerplateVerdict::kKeep) << p;
  }
}

TEST(BoilerplateTest, ContainerHints) {
  const BoilerplateFilter& filter = testing::Shipped::Get().boilerplate;
  EXPECT_TRUE(filter.IsBoilerplateContainer("article-share-bar"));
  EXPECT_TRUE(filter.IsBoilerplateContainer("Newsletter-Signup"));
  EXPECT_FALSE(filter.IsBoilerplateContainer("article-body"));
  EXPECT_FALSE(filter.IsBoilerplateContainer(""));
}

TEST(BoilerplateTest, RejectsMalformedRules) {
  const UnicodeNormalizer& n = testing::Shipped::Get().normalizer;
  EXPECT_FALSE(BoilerplateFilter::Parse("prefix\tx\tsee also\n", n).ok());
  EXPECT_FALSE(BoilerplateFilter::Parse("bogus\t0\tsee also\n", n).ok());
  EXPECT_FALSE(BoilerplateFilter::Parse("prefix\t0\n", n).ok());
  absl::StatusOr<BoilerplateFilter> empty =
      BoilerplateFilter::Parse("# nothing\n\n", n);
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->Judge("see also"), BoilerplateVerdict::kKeep);
  EXPECT_EQ(BoilerplateFilter::Load("/nonexistent/b.txt", n).status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace frontline::text
