#include "tools/frontlinectl/progress_bar.h"

#include "gtest/gtest.h"

namespace frontline::ctl {
namespace {

TEST(ProgressBarTest, KnownTotalShowsBarPercentAndRate) {
  ProgressState state;
  state.bytes_read = 3 << 20;
  state.bytes_total = 12 << 20;
  state.sent = 400;
  state.acknowledged = 300;
  state.elapsed = absl::Seconds(2);
  EXPECT_EQ(FormatProgress(state),
            "[######..................]  25%  3.0 MiB / 12.0 MiB  400 sent  "
            "300 acked  150 docs/s");
}

TEST(ProgressBarTest, UnknownTotalShowsBytesOnly) {
  ProgressState state;
  state.bytes_read = 1 << 19;
  state.sent = 1;
  EXPECT_EQ(FormatProgress(state), "0.5 MiB  1 sent  0 acked");
}

TEST(ProgressBarTest, ReplayShowsRecordsOfTotal) {
  EXPECT_EQ(FormatReplayProgress(
                {.applied = 50, .total = 200, .elapsed = absl::Seconds(2)}),
            "[######..................]  25%  50 / 200 records  25 records/s");
  EXPECT_EQ(FormatReplayProgress({.applied = 0, .total = 0}),
            "[########################] 100%  0 / 0 records");
}

}  // namespace
}  // namespace frontline::ctl
