#include "libs/dedup/redelivery_ledger.h"

#include <gtest/gtest.h>

#include "libs/dedup/test_util.h"

namespace frontline::dedup {
namespace {

using State = LedgerEntry::State;

TEST(RedeliveryLedger, EntriesMoveFromStartedToPendingToDone) {
  testing::TempDir dir;
  {
    auto ledger = RedeliveryLedger::Open(dir.path(), absl::Hours(1));
    ASSERT_TRUE(ledger.ok()) << ledger.status();
    auto absent = (*ledger)->Get("a");
    ASSERT_TRUE(absent.ok());
    EXPECT_EQ(absent->state, State::kAbsent);
    ASSERT_TRUE((*ledger)
                    ->Put("a", {.state = State::kStarted, .content_key = "k"})
                    .ok());
    EXPECT_EQ((*ledger)->Get("a")->state, State::kStarted);
    const LedgerEntry pending{
        .state = State::kPending,
        .content_key = "k",
        .outputs = {{OutputRecord::Type::kVerdict, "a", std::string("v\0", 2)},
                    {OutputRecord::Type::kEvent, "ev-1", "e"}}};
    ASSERT_TRUE((*ledger)->Put("a", pending).ok());
  }
  auto ledger = RedeliveryLedger::Open(dir.path(), absl::Hours(1));
  ASSERT_TRUE(ledger.ok());
  auto got = (*ledger)->Get("a");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->state, State::kPending);
  ASSERT_EQ(got->outputs.size(), 2u);
  EXPECT_EQ(got->outputs[0].value, std::string("v\0", 2));
  EXPECT_EQ(got->outputs[1].type, OutputRecord::Type::kEvent);
  EXPECT_EQ(got->outputs[1].key, "ev-1");
  ASSERT_TRUE((*ledger)->MarkDone({"a"}).ok());
  got = (*ledger)->Get("a");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->state, State::kDone);
  EXPECT_EQ(got->content_key, "k");
  EXPECT_TRUE(got->outputs.empty());
}

}  // namespace
}  // namespace frontline::dedup
