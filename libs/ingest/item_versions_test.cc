#include "libs/ingest/item_versions.h"

#include <filesystem>

#include "gtest/gtest.h"

namespace frontline::ingest {
namespace {

TEST(ItemVersionsTest, NumbersEditsAndSkipsWhatWasSeen) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("item-versions-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  {
    auto store = StateStore::Open(dir.string());
    ASSERT_TRUE(store.ok()) << store.status();
    ItemVersions versions(**store, "feed:a");
    EXPECT_EQ(*versions.VersionFor("guid-1", "h1"), 1u);
    EXPECT_EQ(*versions.VersionFor("guid-1", "h1"), 0u);  // same batch
    EXPECT_EQ(*versions.VersionFor("guid-2", "h9"), 1u);
    ASSERT_TRUE((*store)->Commit(versions.TakeUpdates()).ok());
  }
  auto store = StateStore::Open(dir.string());  // a restart
  ASSERT_TRUE(store.ok());
  ItemVersions versions(**store, "feed:a");
  EXPECT_EQ(*versions.VersionFor("guid-1", "h1"), 0u);
  EXPECT_EQ(*versions.VersionFor("guid-1", "h2"), 2u);  // an edit
  EXPECT_EQ(*versions.VersionFor("guid-1", "h3"), 3u);
  ItemVersions other(**store, "feed:b");  // sources do not share items
  EXPECT_EQ(*other.VersionFor("guid-1", "h1"), 1u);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace frontline::ingest
