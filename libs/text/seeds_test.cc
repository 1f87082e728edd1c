// The project's seed reports (../shared/seeds) through the text stages: as
// plain text and wrapped in a news page with every kind of boilerplate.
#include "libs/testing/seeds.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/text/html_to_text.h"
#include "libs/text/plain_text.h"
#include "libs/text/test_util.h"

namespace frontline::text {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Each test runs over the seeds, and is skipped when there are none.
class SeedsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::vector<seeds::Seed>> loaded =
        seeds::ReadSeeds(seeds::SeedsDir());
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    if (loaded->empty()) GTEST_SKIP() << seeds::SeedsDir() << " has no seeds";
    seeds_ = *std::move(loaded);
  }

  std::vector<seeds::Seed> seeds_;
};

// The seed's paragraphs as a page of a news site.
std::string AsNewsPage(const std::string& seed) {
  std::string body;
  for (absl::string_view line : absl::StrSplit(seed, '\n', absl::SkipEmpty())) {
    absl::StrAppend(&body, "<p>", line, "</p>\n");
  }
  return absl::StrCat(
      "<html><head><title>Report</title><script>var x=1;</script></head><body>"
      "<nav><a href=/>Home</a><a href=/w>World</a></nav><article><h1>Report"
      "</h1><p>By Jane Doe</p>",
      body,
      "<p>See also:</p><ul><li><a href=/1>Other story</a></li></ul>"
      "<p>This story was originally published by Example Wire.</p>"
      "<p>Subscribe to our newsletter</p></article><footer>© 2025</footer>"
      "</body></html>");
}

TEST_F(SeedsTest, AllSeedsAreEnglishWithConfidence) {
  const TextResources& shipped = testing::Shipped::Get();
  for (const seeds::Seed& seed : seeds_) {
    const LanguageGuess guess = shipped.languages.Identify(seed.text);
    EXPECT_EQ(guess.code, "en") << seed.name;
    EXPECT_GT(guess.confidence, 0.8) << seed.name;
  }
}

// The seeds' own boilerplate, as the pages carried it; everything else
// is reporting and must survive.
bool IsSeedBoilerplate(absl::string_view paragraph) {
  for (absl::string_view prefix :
       {"By Marc Santora", "Copyright", "This story was originally published",
        "See also", "Discover more from", "Subscribe to get", "Leave a Reply",
        "Your email address will not be published", "Read more"}) {
    if (absl::StartsWith(paragraph, prefix)) return true;
  }
  return false;
}

TEST_F(SeedsTest, PlainTextDropsOnlyTheBoilerplate) {
  const TextResources& shipped = testing::Shipped::Get();
  PlainTextCleaner cleaner(shipped.normalizer, shipped.boilerplate);
  for (const seeds::Seed& seed : seeds_) {
    const std::string clean_key =
        shipped.normalizer.Key(cleaner.Clean(seed.text));
    for (absl::string_view paragraph :
         absl::StrSplit(seed.text, '\n', absl::SkipWhitespace())) {
      const std::string key = shipped.normalizer.Key(paragraph);
      if (IsSeedBoilerplate(paragraph)) {
        EXPECT_THAT(clean_key, Not(HasSubstr(key))) << seed.name << ": " << key;
      } else {
        EXPECT_THAT(clean_key, HasSubstr(key)) << seed.name << ": " << key;
      }
    }
  }
}

TEST_F(SeedsTest, NewsPageGivesBackTheSeed) {
  const TextResources& shipped = testing::Shipped::Get();
  HtmlToText extractor(shipped.normalizer, shipped.boilerplate);
  PlainTextCleaner cleaner(shipped.normalizer, shipped.boilerplate);
  for (const seeds::Seed& seed : seeds_) {
    absl::StatusOr<ExtractedText> out =
        extractor.Extract(AsNewsPage(seed.text));
    ASSERT_TRUE(out.ok()) << out.status();
    EXPECT_EQ(out->title, "Report");
    // Each seed line is a <p> here, so lines the plain path keeps inside a
    // paragraph are judged on their own: compare with the seed's reporting
    // lines.
    std::vector<std::string> reporting;
    for (absl::string_view line :
         absl::StrSplit(seed.text, '\n', absl::SkipWhitespace())) {
      if (!IsSeedBoilerplate(line)) {
        reporting.push_back(shipped.normalizer.Key(line));
      }
    }
    EXPECT_EQ(shipped.normalizer.Key(out->text), absl::StrJoin(reporting, " "))
        << seed.name;
    EXPECT_THAT(out->text, Not(HasSubstr("Jane Doe")));
    EXPECT_THAT(out->text, Not(HasSubstr("originally published")));
  }
}

TEST_F(SeedsTest, RelativeDatesResolveToTheFifthAndSixth) {
  const auto found =
      std::find_if(seeds_.begin(), seeds_.end(), [](const seeds::Seed& s) {
        return s.name == "000_257d79e16fde2f9d.txt";
      });
  ASSERT_NE(found, seeds_.end()) << "no seed 000_257d79e16fde2f9d.txt";
  const std::string& seed = found->text;
  // Published on Monday 6 January 2025.
  const absl::Time published = absl::FromCivil(
      absl::CivilSecond(2025, 1, 6, 20, 0, 0), absl::UTCTimeZone());
  bool sunday_night = false, monday = false;
  for (const DateMention& m :
       testing::Shipped::Get().dates.FindAll(seed, published)) {
    const absl::string_view span =
        absl::string_view(seed).substr(m.begin, m.end - m.begin);
    if (span == "Sunday night") {
      sunday_night = true;
      EXPECT_EQ(m.first_day, absl::CivilDay(2025, 1, 5));
    }
    if (span == "on Monday") {
      monday = true;
      EXPECT_EQ(m.first_day, absl::CivilDay(2025, 1, 6));
    }
  }
  EXPECT_TRUE(sunday_night);
  EXPECT_TRUE(monday);
}

}  // namespace
}  // namespace frontline::text
