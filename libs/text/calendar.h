// Internal to frontline_text: the calendar words of data/calendar.txt and the
// word tokenizer both the data and the text go through. Not a public header.
#ifndef FRONTLINE_LIBS_TEXT_CALENDAR_H_
#define FRONTLINE_LIBS_TEXT_CALENDAR_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace frontline::text::internal {

// A word or number of a text: lower case, apostrophe variants as '\''.
struct Token {
  std::string text;
  // `text` up to its first apostrophe ("yesterday" of "yesterday's"); empty
  // when it has none.
  std::string base;
  size_t begin = 0;  // Byte span in the text.
  size_t end = 0;
  bool is_number = false;
  // Only spaces, '.' and ',' between this token and the previous one.
  bool adjacent_to_previous = false;
};

std::vector<Token> Tokenize(absl::string_view utf8);

enum class CalendarUnit { kDay, kWeek, kMonth, kYear };

struct RelativePhrase {
  std::vector<std::string> words;
  int count = 0;
  CalendarUnit unit = CalendarUnit::kDay;
};

struct Calendar {
  absl::flat_hash_map<std::string, int> months;    // -> 1..12
  absl::flat_hash_map<std::string, int> weekdays;  // -> 1 (Monday)..7
  absl::flat_hash_map<std::string, int> seasons;   // -> 0 winter..3 autumn
  std::vector<RelativePhrase> relatives;           // Longest first.
  // Indexes into `relatives` (longest first) by their first word.
  absl::flat_hash_map<std::string, std::vector<size_t>> relatives_by_first;
  absl::flat_hash_set<std::string> last_words;
  absl::flat_hash_set<std::string> next_words;
  absl::flat_hash_set<std::string> prepositions;
  absl::flat_hash_set<std::string> parts_of_day;
};

// kInvalidArgument naming the line for unknown kinds, values out of range,
// or multi-word forms where only single words are allowed.
absl::StatusOr<Calendar> ParseCalendar(absl::string_view contents);

}  // namespace frontline::text::internal

#endif  // FRONTLINE_LIBS_TEXT_CALENDAR_H_
