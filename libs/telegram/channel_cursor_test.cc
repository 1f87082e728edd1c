#include "libs/telegram/channel_cursor.h"

#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace frontline::telegram {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(TelegramChannelCursorTest, EmptyCursorKnowsNothing) {
  ChannelCursor cursor;
  EXPECT_TRUE(cursor.empty());
  EXPECT_EQ(cursor.last_id(), 0);
  EXPECT_EQ(cursor.gap_count(), 0);
  EXPECT_THAT(cursor.gaps(), IsEmpty());
}

TEST(TelegramChannelCursorTest, ContiguousIdsHaveNoGaps) {
  ChannelCursor cursor;
  for (int64_t id = 20741; id <= 20746; ++id) cursor.Observe(id);
  EXPECT_EQ(cursor.first_id(), 20741);
  EXPECT_EQ(cursor.last_id(), 20746);
  EXPECT_EQ(cursor.seen_count(), 6);
  EXPECT_EQ(cursor.gap_count(), 0);
}

TEST(TelegramChannelCursorTest, MissingIdsAreGaps) {
  ChannelCursor cursor;
  for (int64_t id : {20741, 20742, 20743, 20744, 20746, 20750}) {
    cursor.Observe(id);
  }
  EXPECT_EQ(cursor.last_id(), 20750);
  EXPECT_EQ(cursor.gap_count(), 4);
  EXPECT_THAT(cursor.gaps(),
              ElementsAre(IdRange{20745, 20745}, IdRange{20747, 20749}));
  EXPECT_THAT(cursor.MissingIds(10), ElementsAre(20745, 20747, 20748, 20749));
  EXPECT_THAT(cursor.MissingIds(2), ElementsAre(20745, 20747));
}

TEST(TelegramChannelCursorTest, OutOfOrderRepeatsAndLateArrivalsAreAccounted) {
  ChannelCursor cursor;
  // Paging backwards through preview pages, then a redelivery.
  for (int64_t id : {30, 29, 28, 20, 19, 30, 25, 24}) cursor.Observe(id);
  EXPECT_EQ(cursor.seen_count(), 7);
  EXPECT_EQ(cursor.gap_count(), 5);
  EXPECT_THAT(cursor.gaps(), ElementsAre(IdRange{21, 23}, IdRange{26, 27}));
  for (int64_t id : {21, 22, 23, 26, 27}) cursor.Observe(id);
  EXPECT_EQ(cursor.gap_count(), 0);
  EXPECT_THAT(cursor.gaps(), IsEmpty());
  EXPECT_EQ(cursor.first_id(), 19);
  EXPECT_EQ(cursor.last_id(), 30);
}

TEST(TelegramChannelCursorTest, NonPositiveIdsAreIgnored) {
  ChannelCursor cursor;
  cursor.Observe(0);
  cursor.Observe(-5);
  EXPECT_TRUE(cursor.empty());
}

TEST(TelegramChannelCursorTest, IsACopyableValue) {
  ChannelCursor a;
  a.Observe(1);
  a.Observe(3);
  ChannelCursor b = a;
  EXPECT_EQ(a, b);
  b.Observe(2);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.gap_count(), 1);
  EXPECT_EQ(b.gap_count(), 0);
}

TEST(TelegramChannelCursorTest, EncodesAndDecodesRuns) {
  ChannelCursor cursor;
  for (int64_t id : {5, 6, 7, 9, 12, 13, 1}) cursor.Observe(id);
  EXPECT_EQ(cursor.Encode(), "1-1,5-7,9-9,12-13");
  auto back = ChannelCursor::Decode(cursor.Encode());
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, cursor);
  EXPECT_EQ(back->gap_count(), cursor.gap_count());
  EXPECT_TRUE(ChannelCursor::Decode("")->empty());
  for (const char* bad : {"x", "5-3", "1-4,3-9", "1-", "-2"}) {
    EXPECT_EQ(ChannelCursor::Decode(bad).status().code(),
              absl::StatusCode::kDataLoss)
        << bad;
  }
}

}  // namespace
}  // namespace frontline::telegram
