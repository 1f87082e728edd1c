// Machine-written timestamps (HTTP and feed headers, APIs, Telegram) parsed
// into UTC absl::Time.
#ifndef FRONTLINE_LIBS_TEXT_TIMESTAMP_H_
#define FRONTLINE_LIBS_TEXT_TIMESTAMP_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace frontline::text {

// RFC 822 / 1123 / 2822: "Mon, 06 Jan 2025 09:15:00 GMT",
// "6 Jan 25 12:15 +0300", "Sunday, 05 January 2025 22:40:11 EST".
// Day name optional and not checked; seconds optional; two-digit years are
// 19xx from 50, else 20xx; English month names, abbreviated or full. Zones:
// UT, UTC, GMT, Z, EST/EDT/CST/CDT/MST/MDT/PST/PDT, MSK, EET/EEST, CET/CEST,
// +HHMM, -HHMM, +HH:MM; none means UTC. kInvalidArgument otherwise,
// including impossible dates (31 Feb) and times (24:30).
absl::StatusOr<absl::Time> ParseRfc822Time(absl::string_view text);

// ISO 8601 / RFC 3339: "2025-01-06T09:15:00Z", "2025-01-06T12:15:00.250+03:00",
// "2025-01-06T12:15:00+0300", "2025-01-06 09:15", "2025-01-06T09:15+03",
// "20250106T091500Z", "2025-01-06" (midnight). Fractions of a second to
// nanoseconds; none zone means UTC. kInvalidArgument otherwise.
absl::StatusOr<absl::Time> ParseIso8601Time(absl::string_view text);

// Unix time: seconds since the epoch, optionally with a fraction
// ("1736154900", "1736154900.25"); an integer of 13 digits or more is read as
// milliseconds (JavaScript's Date.now()). kInvalidArgument otherwise.
absl::StatusOr<absl::Time> ParseUnixTime(absl::string_view text);

// Any of the three: all digits is Unix time, a leading four-digit year is
// ISO 8601, anything else RFC 822. Leading and trailing white space ignored.
absl::StatusOr<absl::Time> ParseTimestamp(absl::string_view text);

}  // namespace frontline::text

#endif  // FRONTLINE_LIBS_TEXT_TIMESTAMP_H_
