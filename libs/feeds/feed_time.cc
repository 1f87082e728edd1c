#include "libs/feeds/feed_time.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"

namespace frontline::feeds {
namespace {

absl::Status Invalid(absl::string_view kind, absl::string_view text) {
  return absl::InvalidArgumentError(
      absl::StrCat("unparseable ", kind, " date: \"", text.substr(0, 64),
                   text.size() > 64 ? "..." : "", "\""));
}

// Parses all of `digits` (1..9 ASCII digits) into a non-negative number.
std::optional<int> Number(absl::string_view digits) {
  if (digits.empty() || digits.size() > 9) return std::nullopt;
  int value = 0;
  for (char c : digits) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      return std::nullopt;
    }
    value = value * 10 + (c - '0');
  }
  return value;
}

// Builds the time, refusing fields that CivilSecond would silently normalize
// (31 Feb, 25:00).
std::optional<absl::Time> Assemble(int64_t year, int month, int day, int hour,
                                   int minute, int second, int offset_seconds) {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 ||
      minute > 59 || second > 60) {
    return std::nullopt;
  }
  if (second == 60) second = 59;  // leap second: the nearest representable
  const absl::CivilSecond civil(year, month, day, hour, minute, second);
  if (civil.month() != month || civil.day() != day) return std::nullopt;
  return absl::FromCivil(civil, absl::UTCTimeZone()) -
         absl::Seconds(offset_seconds);
}

// "+HHMM", "-HHMM", "+HH:MM", "+HH" into seconds east of UTC.
std::optional<int> NumericOffset(absl::string_view zone) {
  if (zone.size() < 3 || (zone[0] != '+' && zone[0] != '-')) {
    return std::nullopt;
  }
  const int sign = zone[0] == '-' ? -1 : 1;
  absl::string_view rest = zone.substr(1);
  std::optional<int> hours;
  std::optional<int> minutes = 0;
  if (rest.size() == 2) {
    hours = Number(rest);
  } else if (rest.size() == 4) {
    hours = Number(rest.substr(0, 2));
    minutes = Number(rest.substr(2, 2));
  } else if (rest.size() == 5 && rest[2] == ':') {
    hours = Number(rest.substr(0, 2));
    minutes = Number(rest.substr(3, 2));
  }
  if (!hours || !minutes || *hours > 23 || *minutes > 59) return std::nullopt;
  return sign * (*hours * 3600 + *minutes * 60);
}

std::optional<int> NamedOffset(absl::string_view zone) {
  struct Named {
    const char* name;
    int hours;
  };
  // RFC 822's names, plus the zones Ukrainian and Russian outlets print.
  static constexpr std::array<Named, 17> kZones = {{{"UT", 0},
                                                    {"UTC", 0},
                                                    {"GMT", 0},
                                                    {"Z", 0},
                                                    {"EST", -5},
                                                    {"EDT", -4},
                                                    {"CST", -6},
                                                    {"CDT", -5},
                                                    {"MST", -7},
                                                    {"MDT", -6},
                                                    {"PST", -8},
                                                    {"PDT", -7},
                                                    {"MSK", 3},
                                                    {"EET", 2},
                                                    {"EEST", 3},
                                                    {"CET", 1},
                                                    {"CEST", 2}}};
  for (const Named& named : kZones) {
    if (absl::EqualsIgnoreCase(zone, named.name)) return named.hours * 3600;
  }
  if (zone.size() == 1 &&
      absl::ascii_isalpha(static_cast<unsigned char>(zone[0]))) {
    return 0;  // RFC 2822 4.3: military zones are to be read as -0000
  }
  return std::nullopt;
}

std::optional<int> MonthNumber(absl::string_view name) {
  static constexpr std::array<const char*, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (name.size() < 3) return std::nullopt;
  for (int i = 0; i < 12; ++i) {
    absl::string_view full = kMonths[i];
    if (name.size() <= full.size() &&
        absl::EqualsIgnoreCase(name, full.substr(0, name.size()))) {
      return i + 1;
    }
  }
  return std::nullopt;
}

// "HH:MM" or "HH:MM:SS".
bool ParseClock(absl::string_view text, int* hour, int* minute, int* second) {
  std::vector<absl::string_view> parts = absl::StrSplit(text, ':');
  if (parts.size() < 2 || parts.size() > 3) return false;
  for (absl::string_view part : parts) {
    if (part.size() != 2 && part.size() != 1) return false;
  }
  std::optional<int> h = Number(parts[0]);
  std::optional<int> m = Number(parts[1]);
  std::optional<int> s = parts.size() == 3 ? Number(parts[2]) : 0;
  if (!h || !m || !s) return false;
  *hour = *h;
  *minute = *m;
  *second = *s;
  return true;
}

}  // namespace

absl::StatusOr<absl::Time> ParseRfc822Time(absl::string_view text) {
  std::vector<absl::string_view> tokens =
      absl::StrSplit(text, absl::ByAnyChar(" \t\r\n,"), absl::SkipEmpty());
  size_t i = 0;
  if (i < tokens.size() &&
      absl::ascii_isalpha(static_cast<unsigned char>(tokens[i][0]))) {
    ++i;  // day name
  }
  if (tokens.size() < i + 4) return Invalid("RFC 822", text);
  std::optional<int> day = Number(tokens[i]);
  std::optional<int> month = MonthNumber(tokens[i + 1]);
  std::optional<int> year = Number(tokens[i + 2]);
  if (!day || !month || !year || tokens[i + 2].size() == 3 ||
      tokens[i + 2].size() > 4) {
    return Invalid("RFC 822", text);
  }
  if (tokens[i + 2].size() <= 2) *year += *year >= 50 ? 1900 : 2000;
  int hour = 0;
  int minute = 0;
  int second = 0;
  if (!ParseClock(tokens[i + 3], &hour, &minute, &second)) {
    return Invalid("RFC 822", text);
  }
  int offset = 0;
  if (tokens.size() > i + 4 && tokens[i + 4][0] != '(') {
    absl::string_view zone = tokens[i + 4];
    std::optional<int> parsed = NumericOffset(zone);
    if (!parsed) parsed = NamedOffset(zone);
    if (!parsed) return Invalid("RFC 822", text);
    offset = *parsed;
    if (tokens.size() > i + 5 && tokens[i + 5][0] != '(') {
      return Invalid("RFC 822", text);
    }
  }
  std::optional<absl::Time> time =
      Assemble(*year, *month, *day, hour, minute, second, offset);
  if (!time) return Invalid("RFC 822", text);
  return *time;
}

absl::StatusOr<absl::Time> ParseIso8601Time(absl::string_view text) {
  absl::string_view s = absl::StripAsciiWhitespace(text);
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') {
    return Invalid("ISO 8601", text);
  }
  std::optional<int> year = Number(s.substr(0, 4));
  std::optional<int> month = Number(s.substr(5, 2));
  std::optional<int> day = Number(s.substr(8, 2));
  if (!year || !month || !day) return Invalid("ISO 8601", text);
  int hour = 0;
  int minute = 0;
  int second = 0;
  absl::Duration fraction;
  int offset = 0;
  s.remove_prefix(10);
  if (!s.empty()) {
    if (s[0] != 'T' && s[0] != 't' && s[0] != ' ') {
      return Invalid("ISO 8601", text);
    }
    s.remove_prefix(1);
    size_t clock_end = s.find_first_not_of("0123456789:");
    absl::string_view clock = s.substr(0, clock_end);
    if (clock.size() != 5 && clock.size() != 8) {
      return Invalid("ISO 8601", text);
    }
    if (!ParseClock(clock, &hour, &minute, &second)) {
      return Invalid("ISO 8601", text);
    }
    s.remove_prefix(clock.size());
    if (!s.empty() && (s[0] == '.' || s[0] == ',')) {
      size_t digits_end = s.find_first_not_of("0123456789", 1);
      absl::string_view digits = s.substr(1, digits_end - 1);
      if (digits.empty()) return Invalid("ISO 8601", text);
      absl::string_view nanos_digits = digits.substr(0, 9);
      int64_t nanos = *Number(nanos_digits);
      for (size_t k = nanos_digits.size(); k < 9; ++k) nanos *= 10;
      fraction = absl::Nanoseconds(nanos);
      s.remove_prefix(1 + digits.size());
    }
    if (!s.empty()) {
      std::optional<int> parsed;
      if (s == "Z" || s == "z") {
        parsed = 0;
      } else {
        parsed = NumericOffset(s);
      }
      if (!parsed) return Invalid("ISO 8601", text);
      offset = *parsed;
    }
  }
  std::optional<absl::Time> time =
      Assemble(*year, *month, *day, hour, minute, second, offset);
  if (!time) return Invalid("ISO 8601", text);
  return *time + fraction;
}

absl::StatusOr<absl::Time> ParseFeedTime(absl::string_view text) {
  absl::StatusOr<absl::Time> iso = ParseIso8601Time(text);
  if (iso.ok()) return iso;
  absl::StatusOr<absl::Time> rfc = ParseRfc822Time(text);
  if (rfc.ok()) return rfc;
  return Invalid("feed", text);
}

}  // namespace frontline::feeds
