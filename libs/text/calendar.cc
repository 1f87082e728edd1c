#include "libs/text/calendar.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "libs/text/line_reader.h"

namespace frontline::text::internal {
namespace {

bool IsApostrophe(UChar32 c) {
  return c == '\'' || c == 0x2019 || c == 0x02BC || c == 0x2018;
}

}  // namespace

std::vector<Token> Tokenize(absl::string_view utf8) {
  std::vector<Token> tokens;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  Token current;
  bool in_token = false;
  bool gap_clean = false;  // Only spaces, '.' and ',' since the last token.
  auto finish = [&](size_t end) {
    if (!in_token) return;
    while (!current.text.empty() && current.text.back() == '\'') {
      current.text.pop_back();
      --end;
    }
    current.end = end;
    if (size_t apostrophe = current.text.find('\'');
        apostrophe != std::string::npos) {
      current.base = current.text.substr(0, apostrophe);
    }
    if (!current.text.empty()) tokens.push_back(std::move(current));
    current = Token();
    in_token = false;
    gap_clean = true;
  };
  int32_t i = 0;
  while (i < n) {
    const int32_t begin = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    const bool digit = c >= '0' && c <= '9';
    const bool letter = c >= 0 && !digit && u_isalpha(c);
    const bool apostrophe = in_token && !current.is_number && IsApostrophe(c);
    if (in_token && (digit != current.is_number) && (digit || letter)) {
      finish(begin);
    }
    if (digit || letter || apostrophe) {
      if (!in_token) {
        current.begin = begin;
        current.is_number = digit;
        current.adjacent_to_previous = !tokens.empty() && gap_clean;
        in_token = true;
      }
      if (apostrophe) {
        current.text.push_back('\'');
      } else {
        char buf[U8_MAX_LENGTH];
        int32_t len = 0;
        U8_APPEND_UNSAFE(buf, len, u_tolower(c));
        current.text.append(buf, len);
      }
      continue;
    }
    finish(begin);
    if (!(c == ' ' || c == '.' || c == ',' || c == 0xA0)) gap_clean = false;
  }
  finish(n);
  return tokens;
}

absl::StatusOr<Calendar> ParseCalendar(absl::string_view contents) {
  absl::StatusOr<std::vector<DataLine>> lines = SplitDataLines(contents);
  if (!lines.ok()) return lines.status();
  Calendar calendar;
  static constexpr absl::string_view kSeasons[] = {"winter", "spring", "summer",
                                                   "autumn"};
  for (const DataLine& line : *lines) {
    auto bad = [&](absl::string_view why) {
      return absl::InvalidArgumentError(
          absl::StrCat("line ", line.number, ": ", why));
    };
    if (line.fields.size() != 3)
      return bad("expected kind<TAB>value<TAB>forms");
    const std::string& kind = line.fields[0];
    const std::string& value = line.fields[1];
    std::vector<std::vector<std::string>> forms;
    for (absl::string_view form : absl::StrSplit(line.fields[2], '|')) {
      std::vector<std::string> words;
      for (Token& token : Tokenize(form))
        words.push_back(std::move(token.text));
      if (words.empty()) return bad("empty form");
      forms.push_back(std::move(words));
    }
    if (kind == "relative") {
      std::vector<std::string> parts = absl::StrSplit(value, ' ');
      RelativePhrase phrase;
      if (parts.size() != 2 || !absl::SimpleAtoi(parts[0], &phrase.count)) {
        return bad("relative value must be '<count> <unit>'");
      }
      if (parts[1] == "day") {
        phrase.unit = CalendarUnit::kDay;
      } else if (parts[1] == "week") {
        phrase.unit = CalendarUnit::kWeek;
      } else if (parts[1] == "month") {
        phrase.unit = CalendarUnit::kMonth;
      } else if (parts[1] == "year") {
        phrase.unit = CalendarUnit::kYear;
      } else {
        return bad("unit must be day, week, month or year");
      }
      for (auto& words : forms) {
        phrase.words = std::move(words);
        calendar.relatives.push_back(phrase);
      }
      continue;
    }
    for (const auto& words : forms) {
      if (words.size() != 1) return bad("only relative forms may be phrases");
    }
    int number = 0;
    if (kind == "month" || kind == "weekday") {
      const int max = kind == "month" ? 12 : 7;
      if (!absl::SimpleAtoi(value, &number) || number < 1 || number > max) {
        return bad(absl::StrCat(kind, " value out of range"));
      }
      auto& map = kind == "month" ? calendar.months : calendar.weekdays;
      for (const auto& words : forms) map[words[0]] = number;
    } else if (kind == "season") {
      auto it = std::find(std::begin(kSeasons), std::end(kSeasons), value);
      if (it == std::end(kSeasons)) return bad("unknown season");
      for (const auto& words : forms) {
        calendar.seasons[words[0]] =
            static_cast<int>(it - std::begin(kSeasons));
      }
    } else if (kind == "last" || kind == "next" || kind == "preposition" ||
               kind == "partofday") {
      auto& set = kind == "last"          ? calendar.last_words
                  : kind == "next"        ? calendar.next_words
                  : kind == "preposition" ? calendar.prepositions
                                          : calendar.parts_of_day;
      for (const auto& words : forms) set.insert(words[0]);
    } else {
      return bad(absl::StrCat("unknown kind '", kind, "'"));
    }
  }
  std::stable_sort(calendar.relatives.begin(), calendar.relatives.end(),
                   [](const RelativePhrase& a, const RelativePhrase& b) {
                     return a.words.size() > b.words.size();
                   });
  for (size_t i = 0; i < calendar.relatives.size(); ++i) {
    calendar.relatives_by_first[calendar.relatives[i].words[0]].push_back(i);
  }
  return calendar;
}

}  // namespace frontline::text::internal
