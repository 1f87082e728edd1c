// Dates written in prose ("on Monday", "Sunday night", "yesterday", "last
// week", "last summer", "in December", "on Jan. 5", "5 січня", "в декабре")
// resolved against the time a text was published. Words come from
// data/calendar.txt (format in data/README.md).
#ifndef FRONTLINE_LIBS_TEXT_RELATIVE_DATE_H_
#define FRONTLINE_LIBS_TEXT_RELATIVE_DATE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "libs/text/calendar.h"

namespace frontline::text {

// ISO 8601 day of the week: Monday 1 ... Sunday 7.
int IsoWeekday(absl::CivilDay day);

enum class DatePrecision { kDay, kWeek, kMonth, kSeason, kYear };

struct DateMention {
  // The first instant of the day, week (Monday), month, season or year the
  // text means, in the resolver's time zone.
  absl::Time start;
  // The same period as a civil day (its first day).
  absl::CivilDay first_day;
  DatePrecision precision = DatePrecision::kDay;
  // Byte span of the mention in the text, a leading preposition included
  // ("on Monday", "у понеділок").
  size_t begin = 0;
  size_t end = 0;
};

// Immutable after loading; safe to share between threads.
class RelativeDateResolver {
 public:
  // kNotFound when the file is absent; kInvalidArgument naming the line.
  static absl::StatusOr<RelativeDateResolver> Load(const std::string& path);
  static absl::StatusOr<RelativeDateResolver> Parse(absl::string_view contents);

  // Every date mention in `text`, in order, not overlapping. The publication
  // day is taken in `zone` (Kyiv and Moscow news mean their local day).
  // Resolution, past preferred since news reports what happened:
  //   - weekday ("on Monday", "Sunday night", "у понеділок"): the latest
  //     such day not after publication; "last Monday": strictly before it;
  //     "next Monday": strictly after publication;
  //   - "yesterday", "today", "tomorrow", "last week", "next week", "last
  //     month", "last year" and the like: counted from publication; weeks
  //     start on Monday;
  //   - day and month ("on Jan. 5", "5 January", "5 січня", "5 января"):
  //     that date in the publication year when it is at most 7 days after
  //     publication (announced events), else in the year before; with a year
  //     ("January 5, 2025") that year;
  //   - month alone, after a preposition or before a year ("in December",
  //     "у грудні", "в декабре", "December 2024"): the latest such month
  //     starting not after publication; "last December": strictly before
  //     the publication month; "next March": strictly after it;
  //   - "last summer" (any season): the latest such season before the one
  //     publication falls in (winter runs Dec-Feb, spring Mar-May...).
  // A lone month name without preposition or year ("may") is not a date.
  std::vector<DateMention> FindAll(
      absl::string_view text, absl::Time published,
      absl::TimeZone zone = absl::UTCTimeZone()) const;

 private:
  explicit RelativeDateResolver(internal::Calendar calendar)
      : calendar_(std::move(calendar)) {}

  internal::Calendar calendar_;
};

}  // namespace frontline::text

#endif  // FRONTLINE_LIBS_TEXT_RELATIVE_DATE_H_
