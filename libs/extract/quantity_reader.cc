#include "libs/extract/quantity_reader.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/strip.h"
#include "libs/extract/utf8.h"

namespace frontline::extract {
namespace {

constexpr uint32_t kMaxWordsBeforeUnit = 3;

bool AllDigits(absl::string_view s) {
  return !s.empty() && s.size() <= 15 &&
         std::all_of(s.begin(), s.end(), absl::ascii_isdigit);
}

double Digits(absl::string_view s) {
  double value = 0;
  for (char c : s) value = value * 10 + (c - '0');
  return value;
}

// The bytes between two tokens, spaces (ASCII and no-break) trimmed.
absl::string_view Gap(absl::string_view text, const Token& a, const Token& b) {
  absl::string_view gap = text.substr(a.end, b.begin - a.end);
  for (bool changed = true; changed;) {
    changed = false;
    for (absl::string_view space :
         {" ", "\t", "\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89"}) {
      changed |= absl::ConsumePrefix(&gap, space);
      changed |= absl::ConsumeSuffix(&gap, space);
    }
  }
  return gap;
}

struct Numeral {
  double value = 0;
  double multiplier = 1;  // 1 when no multiplier word followed.
  uint32_t end_token = 0;
  const QuantityEntry* vague = nullptr;
};

}  // namespace

QuantityReader::QuantityReader(std::vector<std::string> range_symbols)
    : range_symbols_(std::move(range_symbols)) {}

std::vector<v1::Quantity> QuantityReader::Read(
    absl::string_view text, const std::vector<Token>& tokens,
    const std::vector<QuantityWord>& words) const {
  const uint32_t n = tokens.size();
  // The longest quantity word starting at each token.
  std::vector<const QuantityWord*> word_at(n, nullptr);
  for (const QuantityWord& w : words) {
    const QuantityWord*& slot = word_at[w.first_token];
    if (slot == nullptr ||
        w.end_token - w.first_token > slot->end_token - slot->first_token) {
      slot = &w;
    }
  }
  auto kind_at = [&](uint32_t i) -> std::optional<QuantityWordKind> {
    if (i >= n || word_at[i] == nullptr) return std::nullopt;
    return word_at[i]->entry->kind;
  };

  // A numeral starting at token i: digits with group separators and a
  // decimal part, or a number word, then an optional multiplier.
  auto numeral = [&](uint32_t i) -> std::optional<Numeral> {
    Numeral result;
    uint32_t j = i;
    if (AllDigits(tokens[i].folded)) {
      result.value = Digits(tokens[i].folded);
      j = i + 1;
      while (j < n && AllDigits(tokens[j].folded) &&
             tokens[j].folded.size() == 3) {
        const absl::string_view gap =
            text.substr(tokens[j - 1].end, tokens[j].begin - tokens[j - 1].end);
        if (gap != "," && gap != "." && gap != " " && gap != "\xC2\xA0" &&
            gap != "\xE2\x80\xAF" && gap != "\xE2\x80\x89") {
          break;
        }
        result.value = result.value * 1000 + Digits(tokens[j].folded);
        ++j;
      }
      if (j < n && AllDigits(tokens[j].folded)) {
        const absl::string_view gap =
            text.substr(tokens[j - 1].end, tokens[j].begin - tokens[j - 1].end);
        if (gap == "." || gap == ",") {
          double fraction = Digits(tokens[j].folded);
          for (size_t k = 0; k < tokens[j].folded.size(); ++k) fraction /= 10;
          result.value += fraction;
          ++j;
        }
      }
    } else if (kind_at(i) == QuantityWordKind::kNumber) {
      result.value = word_at[i]->entry->value;
      j = word_at[i]->end_token;
    } else if (kind_at(i) == QuantityWordKind::kVague) {
      result.vague = word_at[i]->entry;
      result.value = result.vague->value;
      result.end_token = word_at[i]->end_token;
      return result;
    } else {
      return std::nullopt;
    }
    if (kind_at(j) == QuantityWordKind::kMultiplier) {
      result.multiplier = word_at[j]->entry->value;
      result.value *= result.multiplier;
      j = word_at[j]->end_token;
    }
    result.end_token = j;
    return result;
  };

  std::vector<v1::Quantity> quantities;
  const QuantityWord* modifier = nullptr;
  bool between = false;
  for (uint32_t i = 0; i < n;) {
    if (kind_at(i) == QuantityWordKind::kModifier ||
        kind_at(i) == QuantityWordKind::kBetween) {
      const QuantityWord* w = word_at[i];
      const bool is_between = w->entry->kind == QuantityWordKind::kBetween;
      modifier = is_between ? nullptr : w;
      between = is_between;
      i = w->end_token;
      // Only what follows at once is modified.
      if (i < n && (kind_at(i) == QuantityWordKind::kModifier ||
                    kind_at(i) == QuantityWordKind::kBetween)) {
        continue;
      }
      if (i >= n || !numeral(i)) {
        modifier = nullptr;
        between = false;
      }
      continue;
    }
    std::optional<Numeral> first = numeral(i);
    if (!first) {
      modifier = nullptr;
      between = false;
      ++i;
      continue;
    }
    const uint32_t begin_token =
        modifier != nullptr ? modifier->first_token : i;
    uint32_t j = first->end_token;
    std::optional<Numeral> second;
    if (!first->vague && j < n && j > 0) {
      bool joined = false;
      uint32_t next = j;
      const absl::string_view gap = Gap(text, tokens[j - 1], tokens[j]);
      if (std::find(range_symbols_.begin(), range_symbols_.end(), gap) !=
          range_symbols_.end()) {
        joined = true;
      } else if (gap.empty() && kind_at(j) == QuantityWordKind::kRange) {
        const std::string& phrase = word_at[j]->entry->phrase;
        const bool needs_between =
            phrase == "and" || phrase == "і" || phrase == "и" || phrase == "та";
        if (!needs_between || between) {
          joined = true;
          next = word_at[j]->end_token;
        }
      }
      if (joined && next < n) {
        second = numeral(next);
        if (second && second->vague) second.reset();
      }
    }
    double best = first->value, low = first->value, high = first->value;
    if (second) {
      double a = first->value;
      const double b = second->value;
      // "10 to 12 thousand": the second's multiplier applies to both.
      if (first->multiplier == 1) a *= second->multiplier;
      low = std::min(a, b);
      high = std::max(a, b);
      best = (low + high) / 2;
      j = second->end_token;
    } else if (first->vague) {
      low = first->vague->low;
      high = first->vague->high;
      if (modifier != nullptr) {
        if (modifier->entry->low > 0) {
          low = std::max(low, best * modifier->entry->low);
        }
        if (modifier->entry->high > 0) {
          high = high == 0 ? best * modifier->entry->high
                           : std::min(high, best * modifier->entry->high);
        }
      }
    } else if (modifier != nullptr) {
      low = best * modifier->entry->low;
      high = best * modifier->entry->high;
    }
    // The unit: within a few words, no other numeral between.
    const QuantityEntry* unit = nullptr;
    uint32_t end = j;
    for (uint32_t k = j; k < n && k <= j + kMaxWordsBeforeUnit; ++k) {
      if (AllDigits(tokens[k].folded)) break;
      if (kind_at(k) == QuantityWordKind::kUnit) {
        unit = word_at[k]->entry;
        end = word_at[k]->end_token;
        break;
      }
    }
    v1::QuantityKind kind = v1::QUANTITY_KIND_UNSPECIFIED;
    std::string unit_name;
    double factor = 1;
    if (unit != nullptr) {
      kind = unit->quantity_kind;
      unit_name = unit->unit;
      factor = unit->factor;
    } else if (first->vague != nullptr &&
               first->vague->quantity_kind != v1::QUANTITY_KIND_UNSPECIFIED) {
      kind = first->vague->quantity_kind;
      unit_name = first->vague->unit;
    }
    if (kind != v1::QUANTITY_KIND_UNSPECIFIED) {
      v1::Quantity q;
      q.set_kind(kind);
      q.set_best(best * factor);
      q.set_low(low * factor);
      q.set_high(high * factor);
      q.set_unit(unit_name);
      const uint32_t begin = tokens[begin_token].begin;
      const uint32_t stop = tokens[end - 1].end;
      q.set_surface(ValidUtf8(text.substr(begin, stop - begin)));
      q.mutable_span()->set_begin(begin);
      q.mutable_span()->set_end(stop);
      quantities.push_back(std::move(q));
    }
    modifier = nullptr;
    between = false;
    i = std::max(end, i + 1);
  }
  return quantities;
}

}  // namespace frontline::extract
