#include "libs/text/text_resources.h"

#include <filesystem>
#include <fstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace frontline::text {
namespace {

TEST(TextResourcesTest, LoadsTheShippedData) {
  absl::StatusOr<std::unique_ptr<const TextResources>> resources =
      TextResources::Load(FRONTLINE_TEXT_DATA);
  ASSERT_TRUE(resources.ok()) << resources.status();
  absl::StatusOr<ExtractedText> out =
      (*resources)->html().Extract("<p>Бої тривають.</p><p>Share</p>");
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->text, "Бої тривають.");
  EXPECT_EQ((*resources)->plain().Clean("a\n\n\nb"), "a\n\nb");
}

TEST(TextResourcesTest, NamesTheMissingFile) {
  const std::filesystem::path dir =
      std::filesystem::path(::testing::TempDir()) / "text_resources_empty";
  std::filesystem::create_directories(dir);
  absl::StatusOr<std::unique_ptr<const TextResources>> resources =
      TextResources::Load(dir.string());
  EXPECT_EQ(resources.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(resources.status().message()),
              ::testing::HasSubstr("boilerplate.txt"));
}

TEST(TextResourcesTest, NamesTheBadLine) {
  const std::filesystem::path dir =
      std::filesystem::path(::testing::TempDir()) / "text_resources_bad";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "boilerplate.txt") << "# ok\nprefix\t0\tsee also\n"
                                         << "nonsense line\n";
  absl::StatusOr<std::unique_ptr<const TextResources>> resources =
      TextResources::Load(dir.string());
  EXPECT_EQ(resources.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(resources.status().message()),
              ::testing::HasSubstr("line 3"));
}

}  // namespace
}  // namespace frontline::text
