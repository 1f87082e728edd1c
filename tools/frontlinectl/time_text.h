// Times on the command line and in tables, always UTC.
#ifndef FRONTLINE_TOOLS_FRONTLINECTL_TIME_TEXT_H_
#define FRONTLINE_TOOLS_FRONTLINECTL_TIME_TEXT_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/timestamp.pb.h"

namespace frontline::ctl {

// Which end of a day a bare date stands for.
enum class DayEnd { kStart, kEnd };

// Accepts "2025-01-05" (the start of that UTC day, or its last microsecond
// with DayEnd::kEnd, so that --until includes the day named), "2025-01-05
// 10:30", "2025-01-05T10:30:00Z" and RFC 3339 with an offset.
// kInvalidArgument otherwise.
absl::StatusOr<google::protobuf::Timestamp> ParseTimeFlag(
    absl::string_view text, DayEnd end = DayEnd::kStart);

// "2025-01-05 10:30" (UTC, minutes); "" for an unset (zero) timestamp.
std::string FormatTimeShort(const google::protobuf::Timestamp& time);
// "2025-01-05"; "" for an unset timestamp.
std::string FormatDate(const google::protobuf::Timestamp& time);
// "2025-01-05T10:30:00Z"; "" for an unset timestamp.
std::string FormatRfc3339(const google::protobuf::Timestamp& time);

}  // namespace frontline::ctl

#endif  // FRONTLINE_TOOLS_FRONTLINECTL_TIME_TEXT_H_
