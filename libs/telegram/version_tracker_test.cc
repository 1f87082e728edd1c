#include "libs/telegram/version_tracker.h"

#include "gtest/gtest.h"

namespace frontline::telegram {
namespace {

TEST(TelegramVersionTrackerTest, OriginalIsOneAndEditsCountUp) {
  VersionTracker tracker;
  const absl::Time t0 = absl::FromUnixSeconds(1736149800);
  EXPECT_EQ(tracker.Observe("rybar/66120", std::nullopt), 1u);
  EXPECT_EQ(tracker.Observe("rybar/66120", t0 + absl::Minutes(20)), 2u);
  EXPECT_EQ(tracker.Observe("rybar/66120", t0 + absl::Minutes(20)), 2u);
  EXPECT_EQ(tracker.Observe("rybar/66120", t0 + absl::Minutes(50)), 3u);
  EXPECT_EQ(tracker.Observe("rybar/66120", std::nullopt), 1u);
  EXPECT_EQ(tracker.Observe("rybar/66120", t0 + absl::Minutes(20)), 2u);
  EXPECT_EQ(tracker.size(), 1u);
}

TEST(TelegramVersionTrackerTest, EditOfUnseenPostIsVersionTwo) {
  VersionTracker tracker;
  EXPECT_EQ(tracker.Observe("mod_russia/46002", absl::FromUnixSeconds(1)), 2u);
  EXPECT_EQ(tracker.Observe("mod_russia/46003", std::nullopt), 1u);
}

}  // namespace
}  // namespace frontline::telegram
