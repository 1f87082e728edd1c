#include "libs/text/timestamp.h"

#include <cstdint>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace frontline::text {
namespace {

absl::Status Invalid(absl::string_view kind, absl::string_view text) {
  return absl::InvalidArgumentError(
      absl::StrCat("not an ", kind, " time: \"", text.substr(0, 80), "\""));
}

// A cursor over ASCII text.
class Cursor {
 public:
  explicit Cursor(absl::string_view s) : s_(s) {}
  bool done() const { return s_.empty(); }
  absl::string_view rest() const { return s_; }
  char peek() const { return s_.empty() ? '\0' : s_[0]; }
  bool Consume(char c) {
    if (peek() != c) return false;
    s_.remove_prefix(1);
    return true;
  }
  void SkipSpaces() {
    while (!s_.empty() && (s_[0] == ' ' || s_[0] == '\t')) s_.remove_prefix(1);
  }
  // Exactly `min`..`max` digits.
  bool Digits(int min, int max, int64_t& value, int* count = nullptr) {
    int n = 0;
    value = 0;
    while (n < max && n < static_cast<int>(s_.size()) &&
           absl::ascii_isdigit(static_cast<unsigned char>(s_[n]))) {
      value = value * 10 + (s_[n] - '0');
      ++n;
    }
    if (n < min) return false;
    s_.remove_prefix(n);
    if (count != nullptr) *count = n;
    return true;
  }
  absl::string_view Letters() {
    size_t n = 0;
    while (n < s_.size() &&
           absl::ascii_isalpha(static_cast<unsigned char>(s_[n]))) {
      ++n;
    }
    absl::string_view word = s_.substr(0, n);
    s_.remove_prefix(n);
    return word;
  }

 private:
  absl::string_view s_;
};

// Builds the time if every field is in range (no normalization of 31 Feb).
bool MakeTime(int64_t y, int64_t mo, int64_t d, int64_t h, int64_t mi,
              int64_t s, absl::Duration fraction, int64_t offset_seconds,
              absl::Time& out) {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) {
    return false;
  }
  const absl::CivilDay day(y, mo, d);
  if (day.month() != mo || day.day() != d) return false;
  if (s == 60) s = 59;  // A leap second is read as the second before it.
  out = absl::FromCivil(absl::CivilSecond(y, mo, d, h, mi, s),
                        absl::UTCTimeZone()) +
        fraction - absl::Seconds(offset_seconds);
  return true;
}

int MonthFromName(absl::string_view name) {
  static constexpr absl::string_view kMonths[] = {"jan", "feb", "mar", "apr",
                                                  "may", "jun", "jul", "aug",
                                                  "sep", "oct", "nov", "dec"};
  static constexpr absl::string_view kFull[] = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  const std::string lower = absl::AsciiStrToLower(name);
  for (int i = 0; i < 12; ++i) {
    if (lower == kMonths[i] || lower == kFull[i] ||
        (i == 8 && lower == "sept")) {
      return i + 1;
    }
  }
  return 0;
}

// "+0300", "-05:00", "+03", "Z"; false when malformed.
bool ParseNumericOffset(Cursor& c, int64_t& offset_seconds) {
  if (c.Consume('Z') || c.Consume('z')) {
    offset_seconds = 0;
    return true;
  }
  int sign = 0;
  if (c.Consume('+')) {
    sign = 1;
  } else if (c.Consume('-')) {
    sign = -1;
  } else {
    return false;
  }
  int64_t hours = 0, minutes = 0;
  if (!c.Digits(2, 2, hours)) return false;
  c.Consume(':');
  if (!c.done() && !c.Digits(2, 2, minutes)) return false;
  if (hours > 23 || minutes > 59) return false;
  offset_seconds = sign * (hours * 3600 + minutes * 60);
  return true;
}

bool ZoneFromName(absl::string_view name, int64_t& offset_seconds) {
  static constexpr struct {
    absl::string_view name;
    int hours;
  } kZones[] = {{"ut", 0},   {"utc", 0},  {"gmt", 0},  {"z", 0},    {"est", -5},
                {"edt", -4}, {"cst", -6}, {"cdt", -5}, {"mst", -7}, {"mdt", -6},
                {"pst", -8}, {"pdt", -7}, {"msk", 3},  {"eet", 2},  {"eest", 3},
                {"cet", 1},  {"cest", 2}};
  const std::string lower = absl::AsciiStrToLower(name);
  for (const auto& zone : kZones) {
    if (lower == zone.name) {
      offset_seconds = zone.hours * 3600;
      return true;
    }
  }
  return false;
}

}  // namespace

absl::StatusOr<absl::Time> ParseRfc822Time(absl::string_view text) {
  Cursor c(absl::StripAsciiWhitespace(text));
  if (absl::ascii_isalpha(static_cast<unsigned char>(c.peek()))) {
    c.Letters();
    c.Consume(',');
    c.SkipSpaces();
  }
  int64_t day, year, hour, minute, second = 0;
  int year_digits = 0;
  if (!c.Digits(1, 2, day)) return Invalid("RFC 822", text);
  c.SkipSpaces();
  const int month = MonthFromName(c.Letters());
  if (month == 0) return Invalid("RFC 822", text);
  c.SkipSpaces();
  if (!c.Digits(2, 4, year, &year_digits) || year_digits == 3) {
    return Invalid("RFC 822", text);
  }
  if (year_digits == 2) year += year >= 50 ? 1900 : 2000;
  c.SkipSpaces();
  if (!c.Digits(1, 2, hour) || !c.Consume(':') || !c.Digits(2, 2, minute)) {
    return Invalid("RFC 822", text);
  }
  if (c.Consume(':') && !c.Digits(2, 2, second)) {
    return Invalid("RFC 822", text);
  }
  c.SkipSpaces();
  int64_t offset = 0;
  if (!c.done()) {
    if (c.peek() == '+' || c.peek() == '-') {
      if (!ParseNumericOffset(c, offset)) return Invalid("RFC 822", text);
    } else {
      const absl::string_view zone = c.Letters();
      // Military single letters other than Z: unknown meaning, read as UTC.
      if (!ZoneFromName(zone, offset) && zone.size() != 1) {
        return Invalid("RFC 822", text);
      }
    }
    c.SkipSpaces();
    if (!c.done()) return Invalid("RFC 822", text);
  }
  absl::Time out;
  if (!MakeTime(year, month, day, hour, minute, second, absl::ZeroDuration(),
                offset, out)) {
    return Invalid("RFC 822", text);
  }
  return out;
}

absl::StatusOr<absl::Time> ParseIso8601Time(absl::string_view text) {
  Cursor c(absl::StripAsciiWhitespace(text));
  int64_t year, month, day, hour = 0, minute = 0, second = 0;
  if (!c.Digits(4, 4, year)) return Invalid("ISO 8601", text);
  const bool extended = c.Consume('-');
  if (!c.Digits(2, 2, month) || (extended && !c.Consume('-')) ||
      !c.Digits(2, 2, day)) {
    return Invalid("ISO 8601", text);
  }
  absl::Duration fraction = absl::ZeroDuration();
  int64_t offset = 0;
  if (!c.done()) {
    if (!c.Consume('T') && !c.Consume('t') && !c.Consume(' ')) {
      return Invalid("ISO 8601", text);
    }
    if (!c.Digits(2, 2, hour) || (extended && !c.Consume(':')) ||
        !c.Digits(2, 2, minute)) {
      return Invalid("ISO 8601", text);
    }
    if ((extended
             ? c.Consume(':')
             : absl::ascii_isdigit(static_cast<unsigned char>(c.peek())))) {
      if (!c.Digits(2, 2, second)) return Invalid("ISO 8601", text);
      if (c.Consume('.') || c.Consume(',')) {
        int64_t digits_value = 0;
        int digits = 0;
        if (!c.Digits(1, 9, digits_value, &digits)) {
          return Invalid("ISO 8601", text);
        }
        for (int i = digits; i < 9; ++i) digits_value *= 10;
        fraction = absl::Nanoseconds(digits_value);
        int64_t ignored;
        c.Digits(0, 30, ignored);  // Precision past nanoseconds is dropped.
      }
    }
    c.SkipSpaces();
    if (!c.done() && !ParseNumericOffset(c, offset)) {
      return Invalid("ISO 8601", text);
    }
    if (!c.done()) return Invalid("ISO 8601", text);
  }
  absl::Time out;
  if (!MakeTime(year, month, day, hour, minute, second, fraction, offset,
                out)) {
    return Invalid("ISO 8601", text);
  }
  return out;
}

absl::StatusOr<absl::Time> ParseUnixTime(absl::string_view text) {
  text = absl::StripAsciiWhitespace(text);
  absl::string_view integer = text, fraction;
  if (size_t dot = text.find('.'); dot != absl::string_view::npos) {
    integer = text.substr(0, dot);
    fraction = text.substr(dot + 1);
  }
  if (integer.empty() || integer.size() > 16) return Invalid("Unix", text);
  for (char ch : integer) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(ch))) {
      return Invalid("Unix", text);
    }
  }
  int64_t whole = 0;
  if (!absl::SimpleAtoi(integer, &whole)) return Invalid("Unix", text);
  int64_t nanos = 0;
  if (!fraction.empty()) {
    if (fraction.size() > 9) fraction = fraction.substr(0, 9);
    int digits = 0;
    for (char ch : fraction) {
      if (!absl::ascii_isdigit(static_cast<unsigned char>(ch))) {
        return Invalid("Unix", text);
      }
      nanos = nanos * 10 + (ch - '0');
      ++digits;
    }
    for (; digits < 9; ++digits) nanos *= 10;
  }
  if (integer.size() >= 13) {
    return absl::FromUnixMillis(whole) + absl::Nanoseconds(nanos / 1000);
  }
  return absl::FromUnixSeconds(whole) + absl::Nanoseconds(nanos);
}

absl::StatusOr<absl::Time> ParseTimestamp(absl::string_view text) {
  text = absl::StripAsciiWhitespace(text);
  size_t digits = 0;
  while (digits < text.size() &&
         absl::ascii_isdigit(static_cast<unsigned char>(text[digits]))) {
    ++digits;
  }
  if (digits == text.size() ||
      (digits < text.size() && text[digits] == '.' && digits > 8)) {
    return ParseUnixTime(text);
  }
  if (digits == 4 || digits == 8) return ParseIso8601Time(text);
  return ParseRfc822Time(text);
}

}  // namespace frontline::text
