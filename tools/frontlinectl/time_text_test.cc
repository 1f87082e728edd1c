#include "tools/frontlinectl/time_text.h"

#include "gtest/gtest.h"

namespace frontline::ctl {
namespace {

constexpr int64_t kJan5 = 1736035200;  // 2025-01-05T00:00:00Z

TEST(TimeTextTest, BareDateIsTheStartOrTheEndOfTheDay) {
  auto start = ParseTimeFlag("2025-01-05");
  ASSERT_TRUE(start.ok()) << start.status();
  EXPECT_EQ(start->seconds(), kJan5);
  EXPECT_EQ(start->nanos(), 0);
  auto end = ParseTimeFlag("2025-01-05", DayEnd::kEnd);
  ASSERT_TRUE(end.ok());
  EXPECT_EQ(end->seconds(), kJan5 + 86399);
  EXPECT_EQ(end->nanos(), 999999000);
}

TEST(TimeTextTest, ParsesTimesInUtcAndWithOffsets) {
  EXPECT_EQ(ParseTimeFlag("2025-01-05T10:30:00Z")->seconds(),
            kJan5 + 10 * 3600 + 1800);
  EXPECT_EQ(ParseTimeFlag("2025-01-05 10:30")->seconds(),
            kJan5 + 10 * 3600 + 1800);
  EXPECT_EQ(ParseTimeFlag("2025-01-05T12:30:00+02:00")->seconds(),
            kJan5 + 10 * 3600 + 1800);
}

TEST(TimeTextTest, RejectsOtherText) {
  for (const char* bad : {"yesterday", "05.01.2025", "2025-13-01", ""}) {
    auto t = ParseTimeFlag(bad);
    EXPECT_FALSE(t.ok()) << bad;
    if (!t.ok()) {
      EXPECT_TRUE(absl::IsInvalidArgument(t.status()));
    }
  }
}

TEST(TimeTextTest, FormatsUtcAndLeavesUnsetEmpty) {
  google::protobuf::Timestamp t;
  t.set_seconds(kJan5 + 10 * 3600 + 1800 + 7);
  EXPECT_EQ(FormatTimeShort(t), "2025-01-05 10:30");
  EXPECT_EQ(FormatDate(t), "2025-01-05");
  EXPECT_EQ(FormatRfc3339(t), "2025-01-05T10:30:07Z");
  EXPECT_EQ(FormatTimeShort(google::protobuf::Timestamp()), "");
  EXPECT_EQ(FormatRfc3339(google::protobuf::Timestamp()), "");
}

}  // namespace
}  // namespace frontline::ctl
