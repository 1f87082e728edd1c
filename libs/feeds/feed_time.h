// The date formats feeds use, parsed into absolute times.
#ifndef FRONTLINE_LIBS_FEEDS_FEED_TIME_H_
#define FRONTLINE_LIBS_FEEDS_FEED_TIME_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace frontline::feeds {

// RFC 822 / RFC 1123 / RFC 2822 dates as RSS 2.0 writes them:
//   "Mon, 06 Jan 2025 09:15:00 GMT", "6 Jan 25 12:15 +0300",
//   "Sun, 05 Jan 2025 22:40:11 EST".
// The day name is optional and not checked against the date; seconds are
// optional; two-digit years are 19xx from 50, else 20xx. Zones: UT, GMT, Z,
// EST/EDT/CST/CDT/MST/MDT/PST/PDT, MSK, EET/EEST, CET/CEST,
// +HHMM/-HHMM, and the common misspelling
// +HH:MM; a missing zone and military single letters other than Z are read as
// UTC (RFC 2822 says their meaning is unknown). Full month names are
// accepted. InvalidArgument for anything else, including impossible dates
// (31 Feb).
absl::StatusOr<absl::Time> ParseRfc822Time(absl::string_view text);

// ISO 8601 / RFC 3339 as Atom, RDF dc:date and JSON Feed write it:
//   "2025-01-06T09:15:00Z", "2025-01-06T12:15:00.250+03:00",
//   "2025-01-06T12:15:00+0300", "2025-01-06 09:15:00Z", "2025-01-06T09:15Z",
//   "2025-01-06" (midnight UTC).
// A missing zone is read as UTC. InvalidArgument for anything else.
absl::StatusOr<absl::Time> ParseIso8601Time(absl::string_view text);

// Tries ISO 8601 first, then RFC 822: feeds in the wild mix them.
absl::StatusOr<absl::Time> ParseFeedTime(absl::string_view text);

}  // namespace frontline::feeds

#endif  // FRONTLINE_LIBS_FEEDS_FEED_TIME_H_
