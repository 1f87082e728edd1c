#include "tools/frontlinectl/time_text.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"

namespace frontline::ctl {
namespace {

google::protobuf::Timestamp ToProto(absl::Time time) {
  google::protobuf::Timestamp out;
  const int64_t micros = absl::ToUnixMicros(time);
  out.set_seconds(micros >= 0 ? micros / 1000000 : (micros - 999999) / 1000000);
  out.set_nanos(
      static_cast<int32_t>((micros - out.seconds() * 1000000) * 1000));
  return out;
}

absl::Time FromProto(const google::protobuf::Timestamp& time) {
  return absl::FromUnixSeconds(time.seconds()) +
         absl::Nanoseconds(time.nanos());
}

bool IsUnset(const google::protobuf::Timestamp& time) {
  return time.seconds() == 0 && time.nanos() == 0;
}

std::string Format(const char* format, const google::protobuf::Timestamp& t) {
  if (IsUnset(t)) return "";
  return absl::FormatTime(format, FromProto(t), absl::UTCTimeZone());
}

}  // namespace

absl::StatusOr<google::protobuf::Timestamp> ParseTimeFlag(
    absl::string_view text, DayEnd end) {
  const std::string input(absl::StripAsciiWhitespace(text));
  absl::Time time;
  std::string error;
  if (absl::ParseTime("%Y-%m-%d", input, absl::UTCTimeZone(), &time, &error)) {
    if (end == DayEnd::kEnd) time += absl::Hours(24) - absl::Microseconds(1);
    return ToProto(time);
  }
  for (const char* format :
       {absl::RFC3339_full, "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"}) {
    if (absl::ParseTime(format, input, absl::UTCTimeZone(), &time, &error)) {
      return ToProto(time);
    }
  }
  return absl::InvalidArgumentError(
      absl::StrCat("\"", input,
                   "\" is not a date or time; use 2025-01-05, "
                   "2025-01-05T10:30:00Z or 2025-01-05 10:30 (UTC)"));
}

std::string FormatTimeShort(const google::protobuf::Timestamp& time) {
  return Format("%Y-%m-%d %H:%M", time);
}

std::string FormatDate(const google::protobuf::Timestamp& time) {
  return Format("%Y-%m-%d", time);
}

std::string FormatRfc3339(const google::protobuf::Timestamp& time) {
  return Format("%Y-%m-%dT%H:%M:%SZ", time);
}

}  // namespace frontline::ctl
