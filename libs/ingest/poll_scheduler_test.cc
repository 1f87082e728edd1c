#include "libs/ingest/poll_scheduler.h"

#include <map>

#include "gtest/gtest.h"

namespace frontline::ingest {
namespace {

SourceSpec Spec(const std::string& id) {
  SourceSpec s;
  s.source.set_id(id);
  s.interval = absl::Minutes(5);
  return s;
}

TEST(PollSchedulerTest, BacksOffAFailingSourceWithoutHoldingUpOthers) {
  std::map<std::string, int> polls;
  PollScheduler scheduler(
      {Spec("good"), Spec("broken")},
      [&](const SourceSpec& s, std::optional<absl::Duration>*) {
        ++polls[s.source.id()];
        return s.source.id() == "broken" ? absl::UnavailableError("HTTP 500")
                                         : absl::OkStatus();
      },
      {.initial = absl::Seconds(1), .max = absl::Minutes(30)});
  absl::Time now = absl::Now();
  scheduler.RunDue(now);
  EXPECT_EQ(polls["good"], 1);
  EXPECT_EQ(polls["broken"], 1);
  EXPECT_GE(scheduler.health(0).next_due, now + absl::Minutes(5));
  // Keep failing: the wait may grow up to the cap and never past it.
  for (int i = 0; i < 12; ++i) {
    now = scheduler.health(1).next_due;
    scheduler.RunDue(now);
  }
  EXPECT_EQ(scheduler.health(1).consecutive_failures, 13);
  EXPECT_EQ(scheduler.health(1).failures, 13u);
  EXPECT_NE(scheduler.health(1).last_error.find("HTTP 500"), std::string::npos);
  EXPECT_LE(scheduler.health(1).next_due - absl::Now(),
            absl::Minutes(30) + absl::Seconds(1));
  EXPECT_EQ(scheduler.health(0).failures, 0u);
}

TEST(PollSchedulerTest, HonoursRetryAfter) {
  PollScheduler scheduler(
      {Spec("busy")},
      [](const SourceSpec&, std::optional<absl::Duration>* retry_after) {
        *retry_after = absl::Minutes(7);
        return absl::UnavailableError("HTTP 429");
      },
      {.initial = absl::Seconds(1), .max = absl::Seconds(2)});
  const absl::Time before = absl::Now();
  scheduler.RunDue(before);
  EXPECT_GE(scheduler.health(0).next_due, before + absl::Minutes(7));
}

}  // namespace
}  // namespace frontline::ingest
