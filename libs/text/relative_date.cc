#include "libs/text/relative_date.h"

#include <algorithm>
#include <optional>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "libs/text/line_reader.h"

namespace frontline::text {
namespace {

using internal::CalendarUnit;
using internal::Token;

// How far after publication a day-and-month date may lie.
constexpr int kFutureDays = 7;

absl::CivilDay WeekStart(absl::CivilDay day) {
  return day - (IsoWeekday(day) - 1);
}

// The first day of `season` (0 winter .. 3 autumn) named for `year` (winter
// 2025 begins on 1 December 2024).
absl::CivilDay SeasonStart(int season, int64_t year) {
  if (season == 0) return absl::CivilDay(year - 1, 12, 1);
  return absl::CivilDay(year, 3 * season, 1);
}

absl::CivilDay CurrentSeasonStart(absl::CivilDay day) {
  const int month = day.month();
  if (month == 12) return SeasonStart(0, day.year() + 1);
  if (month <= 2) return SeasonStart(0, day.year());
  return SeasonStart(month / 3, day.year());
}

bool IsDayNumber(const Token& t, int& day) {
  return t.is_number && t.text.size() <= 2 && absl::SimpleAtoi(t.text, &day) &&
         day >= 1 && day <= 31;
}

bool IsYear(const Token& t, int& year) {
  return t.is_number && t.text.size() == 4 && absl::SimpleAtoi(t.text, &year) &&
         year >= 1800 && year <= 2199;
}

// A valid civil day (no normalization of 31 February).
std::optional<absl::CivilDay> MakeDay(int64_t year, int month, int day) {
  const absl::CivilDay d(year, month, day);
  if (d.month() != month || d.day() != day) return std::nullopt;
  return d;
}

struct Match {
  absl::CivilDay day;
  DatePrecision precision;
  size_t first_token;
  size_t last_token;  // Inclusive.
};

class Matcher {
 public:
  Matcher(const internal::Calendar& calendar, const std::vector<Token>& tokens,
          absl::CivilDay published)
      : calendar_(calendar), tokens_(tokens), published_(published) {}

  std::optional<Match> At(size_t i) const {
    if (auto m = Relative(i)) return m;
    if (auto m = Last(i)) return m;
    if (auto m = Next(i)) return m;
    if (auto m = DayMonth(i)) return m;
    if (auto m = MonthDay(i)) return m;
    if (auto m = Weekday(i)) return m;
    if (auto m = MonthAlone(i)) return m;
    return std::nullopt;
  }

 private:
  bool Adjacent(size_t i) const {
    return i < tokens_.size() && tokens_[i].adjacent_to_previous;
  }

  std::optional<int> Lookup(const absl::flat_hash_map<std::string, int>& map,
                            size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    auto it = map.find(tokens_[i].text);
    if (it == map.end() && !tokens_[i].base.empty()) {
      it = map.find(tokens_[i].base);
    }
    if (it == map.end()) return std::nullopt;
    return it->second;
  }

  std::optional<Match> Relative(size_t i) const {
    // Only the phrases that start with this token's word (or its base), in
    // the order of `relatives`: longest first.
    std::vector<size_t> candidates;
    for (const std::string* word : {&tokens_[i].text, &tokens_[i].base}) {
      if (word->empty()) continue;
      auto it = calendar_.relatives_by_first.find(*word);
      if (it == calendar_.relatives_by_first.end()) continue;
      candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    }
    if (candidates.empty()) return std::nullopt;
    std::sort(candidates.begin(), candidates.end());
    for (const size_t index : candidates) {
      const internal::RelativePhrase& phrase = calendar_.relatives[index];
      if (i + phrase.words.size() > tokens_.size()) continue;
      bool ok = true;
      for (size_t k = 0; k < phrase.words.size() && ok; ++k) {
        ok = (tokens_[i + k].text == phrase.words[k] ||
              tokens_[i + k].base == phrase.words[k]) &&
             (k == 0 || Adjacent(i + k));
      }
      if (!ok) continue;
      Match m{published_, DatePrecision::kDay, i, i + phrase.words.size() - 1};
      switch (phrase.unit) {
        case CalendarUnit::kDay:
          m.day = published_ + phrase.count;
          break;
        case CalendarUnit::kWeek:
          m.day = WeekStart(published_) + 7 * phrase.count;
          m.precision = DatePrecision::kWeek;
          break;
        case CalendarUnit::kMonth:
          m.day = absl::CivilDay(absl::CivilMonth(published_) + phrase.count);
          m.precision = DatePrecision::kMonth;
          break;
        case CalendarUnit::kYear:
          m.day = absl::CivilDay(absl::CivilYear(published_) + phrase.count);
          m.precision = DatePrecision::kYear;
          break;
      }
      return m;
    }
    return std::nullopt;
  }

  std::optional<Match> Last(size_t i) const {
    if (i + 1 >= tokens_.size() ||
        !calendar_.last_words.contains(tokens_[i].text) || !Adjacent(i + 1)) {
      return std::nullopt;
    }
    if (auto weekday = Lookup(calendar_.weekdays, i + 1)) {
      int back = (IsoWeekday(published_) - *weekday + 7) % 7;
      if (back == 0) back = 7;
      return Match{published_ - back, DatePrecision::kDay, i, i + 1};
    }
    if (auto month = Lookup(calendar_.months, i + 1)) {
      absl::CivilMonth m(published_.year(), *month);
      if (m >= absl::CivilMonth(published_))
        m = absl::CivilMonth(m.year() - 1, *month);
      return Match{absl::CivilDay(m), DatePrecision::kMonth, i, i + 1};
    }
    if (auto season = Lookup(calendar_.seasons, i + 1)) {
      const absl::CivilDay current = CurrentSeasonStart(published_);
      int64_t year = published_.year() + 1;
      absl::CivilDay start = SeasonStart(*season, year);
      while (start >= current) start = SeasonStart(*season, --year);
      return Match{start, DatePrecision::kSeason, i, i + 1};
    }
    return std::nullopt;
  }

  std::optional<Match> Next(size_t i) const {
    if (i + 1 >= tokens_.size() ||
        !calendar_.next_words.contains(tokens_[i].text) || !Adjacent(i + 1)) {
      return std::nullopt;
    }
    if (auto weekday = Lookup(calendar_.weekdays, i + 1)) {
      int ahead = (*weekday - IsoWeekday(published_) + 7) % 7;
      if (ahead == 0) ahead = 7;
      return Match{published_ + ahead, DatePrecision::kDay, i, i + 1};
    }
    if (auto month = Lookup(calendar_.months, i + 1)) {
      absl::CivilMonth m(published_.year(), *month);
      if (m <= absl::CivilMonth(published_)) {
        m = absl::CivilMonth(m.year() + 1, *month);
      }
      return Match{absl::CivilDay(m), DatePrecision::kMonth, i, i + 1};
    }
    return std::nullopt;
  }

  // A day without year: this year's if not too far ahead, else last year's.
  std::optional<absl::CivilDay> ResolveDay(int month, int day,
                                           std::optional<int> year) const {
    if (year) return MakeDay(*year, month, day);
    for (int64_t y = published_.year() + 1; y >= published_.year() - 4; --y) {
      std::optional<absl::CivilDay> d = MakeDay(y, month, day);
      if (d && *d <= published_ + kFutureDays) return d;
    }
    return std::nullopt;
  }

  std::optional<int> YearAt(size_t i) const {
    int year = 0;
    if (i < tokens_.size() && Adjacent(i) && IsYear(tokens_[i], year)) {
      return year;
    }
    return std::nullopt;
  }

  std::optional<Match> DayMonth(size_t i) const {
    int day = 0;
    if (!IsDayNumber(tokens_[i], day) || !Adjacent(i + 1)) return std::nullopt;
    std::optional<int> month = Lookup(calendar_.months, i + 1);
    if (!month) return std::nullopt;
    std::optional<int> year = YearAt(i + 2);
    std::optional<absl::CivilDay> d = ResolveDay(*month, day, year);
    if (!d) return std::nullopt;
    return Match{*d, DatePrecision::kDay, i, i + (year ? 2 : 1)};
  }

  std::optional<Match> MonthDay(size_t i) const {
    std::optional<int> month = Lookup(calendar_.months, i);
    int day = 0;
    if (!month || !Adjacent(i + 1) || !IsDayNumber(tokens_[i + 1], day)) {
      return std::nullopt;
    }
    std::optional<int> year = YearAt(i + 2);
    std::optional<absl::CivilDay> d = ResolveDay(*month, day, year);
    if (!d) return std::nullopt;
    return Match{*d, DatePrecision::kDay, i, i + (year ? 2 : 1)};
  }

  std::optional<Match> Weekday(size_t i) const {
    std::optional<int> weekday = Lookup(calendar_.weekdays, i);
    if (!weekday) return std::nullopt;
    const int back = (IsoWeekday(published_) - *weekday + 7) % 7;
    size_t last = i;
    if (Adjacent(i + 1) &&
        calendar_.parts_of_day.contains(tokens_[i + 1].text)) {
      last = i + 1;
    }
    return Match{published_ - back, DatePrecision::kDay, i, last};
  }

  std::optional<Match> MonthAlone(size_t i) const {
    std::optional<int> month = Lookup(calendar_.months, i);
    if (!month) return std::nullopt;
    std::optional<int> year = YearAt(i + 1);
    const bool after_preposition =
        i > 0 && Adjacent(i) &&
        calendar_.prepositions.contains(tokens_[i - 1].text);
    if (!year && !after_preposition) return std::nullopt;
    absl::CivilMonth m(year ? *year : published_.year(), *month);
    if (!year && m > absl::CivilMonth(published_)) {
      m = absl::CivilMonth(m.year() - 1, *month);
    }
    return Match{absl::CivilDay(m), DatePrecision::kMonth, i, year ? i + 1 : i};
  }

  const internal::Calendar& calendar_;
  const std::vector<Token>& tokens_;
  const absl::CivilDay published_;
};

}  // namespace

absl::StatusOr<RelativeDateResolver> RelativeDateResolver::Load(
    const std::string& path) {
  absl::StatusOr<std::string> contents = internal::ReadFile(path);
  if (!contents.ok()) return contents.status();
  absl::StatusOr<RelativeDateResolver> resolver = Parse(*contents);
  if (!resolver.ok()) {
    return absl::Status(resolver.status().code(),
                        absl::StrCat(path, ": ", resolver.status().message()));
  }
  return resolver;
}

absl::StatusOr<RelativeDateResolver> RelativeDateResolver::Parse(
    absl::string_view contents) {
  absl::StatusOr<internal::Calendar> calendar =
      internal::ParseCalendar(contents);
  if (!calendar.ok()) return calendar.status();
  return RelativeDateResolver(*std::move(calendar));
}

std::vector<DateMention> RelativeDateResolver::FindAll(
    absl::string_view text, absl::Time published, absl::TimeZone zone) const {
  const std::vector<Token> tokens = internal::Tokenize(text);
  const absl::CivilDay published_day = absl::ToCivilDay(published, zone);
  Matcher matcher(calendar_, tokens, published_day);
  std::vector<DateMention> mentions;
  size_t i = 0;
  while (i < tokens.size()) {
    std::optional<Match> m = matcher.At(i);
    if (!m) {
      ++i;
      continue;
    }
    size_t first = m->first_token;
    if (first > 0 && tokens[first].adjacent_to_previous &&
        calendar_.prepositions.contains(tokens[first - 1].text) &&
        (mentions.empty() || mentions.back().end <= tokens[first - 1].begin)) {
      --first;
    }
    DateMention mention;
    mention.first_day = m->day;
    mention.start = absl::FromCivil(m->day, zone);
    mention.precision = m->precision;
    mention.begin = tokens[first].begin;
    mention.end = tokens[m->last_token].end;
    mentions.push_back(mention);
    i = m->last_token + 1;
  }
  return mentions;
}

int IsoWeekday(absl::CivilDay day) {
  switch (absl::GetWeekday(day)) {
    case absl::Weekday::monday:
      return 1;
    case absl::Weekday::tuesday:
      return 2;
    case absl::Weekday::wednesday:
      return 3;
    case absl::Weekday::thursday:
      return 4;
    case absl::Weekday::friday:
      return 5;
    case absl::Weekday::saturday:
      return 6;
    case absl::Weekday::sunday:
      return 7;
  }
  return 1;
}

}  // namespace frontline::text
