#include "libs/testing/seeds.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "gtest/gtest.h"

namespace frontline::seeds {
namespace {

class SeedsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("seeds_test_" + std::to_string(getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }

  std::filesystem::path dir_;
};

TEST_F(SeedsTest, ReadsTheTextFilesInNameOrder) {
  Write("001_b.txt", "second\n");
  Write("000_a.txt", "first\n");
  Write("notes.md", "not a seed");
  std::filesystem::create_directories(dir_ / "002_dir.txt");

  absl::StatusOr<std::vector<Seed>> seeds = ReadSeeds(dir_);
  ASSERT_TRUE(seeds.ok()) << seeds.status();
  ASSERT_EQ(seeds->size(), 2u);
  EXPECT_EQ((*seeds)[0].name, "000_a.txt");
  EXPECT_EQ((*seeds)[0].text, "first\n");
  EXPECT_EQ((*seeds)[1].name, "001_b.txt");
  EXPECT_EQ((*seeds)[1].text, "second\n");
}

TEST_F(SeedsTest, AbsentDirectoryGivesNoSeeds) {
  absl::StatusOr<std::vector<Seed>> seeds = ReadSeeds(dir_ / "absent");
  ASSERT_TRUE(seeds.ok()) << seeds.status();
  EXPECT_TRUE(seeds->empty());
}

TEST_F(SeedsTest, SeedsDirFollowsTheEnvironment) {
  ASSERT_EQ(setenv("FRONTLINE_SHARED_DIR", dir_.c_str(), 1), 0);
  EXPECT_EQ(SeedsDir(), dir_ / "seeds");
  ASSERT_EQ(unsetenv("FRONTLINE_SHARED_DIR"), 0);
  EXPECT_EQ(SeedsDir(), std::filesystem::path(FRONTLINE_SHARED_DIR) / "seeds");
}

}  // namespace
}  // namespace frontline::seeds
