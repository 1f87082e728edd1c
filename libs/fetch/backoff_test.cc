#include "libs/fetch/backoff.h"

#include "gtest/gtest.h"

namespace frontline::fetch {
namespace {

TEST(BackoffTest, GrowsExponentiallyUnderTheCapWithJitter) {
  absl::BitGen gen;
  BackoffPolicy policy{.initial = absl::Seconds(1), .max = absl::Seconds(60)};
  EXPECT_EQ(BackoffDelay(policy, 0, gen), absl::ZeroDuration());
  for (int failures = 1; failures <= 12; ++failures) {
    absl::Duration ceiling =
        std::min(absl::Seconds(1) * (1 << (failures - 1)), absl::Seconds(60));
    absl::Duration longest = absl::ZeroDuration();
    for (int i = 0; i < 200; ++i) {
      absl::Duration d = BackoffDelay(policy, failures, gen);
      ASSERT_GE(d, absl::ZeroDuration());
      ASSERT_LE(d, ceiling);
      longest = std::max(longest, d);
    }
    EXPECT_GT(longest, ceiling / 2) << "jitter should span the range";
  }
}

TEST(RetryAfterTest, ReadsSecondsAndHttpDates) {
  absl::Time now = absl::FromUnixSeconds(1445412480);  // 2015-10-21 07:28:00
  EXPECT_EQ(ParseRetryAfter("120", now), absl::Seconds(120));
  EXPECT_EQ(ParseRetryAfter(" 0 ", now), absl::ZeroDuration());
  EXPECT_EQ(ParseRetryAfter("Wed, 21 Oct 2015 07:29:00 GMT", now),
            absl::Seconds(60));
  EXPECT_EQ(ParseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", now),
            absl::ZeroDuration());
  EXPECT_EQ(ParseRetryAfter("soon", now), std::nullopt);
  EXPECT_EQ(ParseRetryAfter("", now), std::nullopt);
  EXPECT_EQ(ParseRetryAfter("-5", now), std::nullopt);
}

}  // namespace
}  // namespace frontline::fetch
