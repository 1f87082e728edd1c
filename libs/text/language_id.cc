#include "libs/text/language_id.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "libs/text/line_reader.h"

namespace frontline::text {
namespace {

// Below this many letters nothing is said.
constexpr int kMinLetters = 3;
// The profile's script must hold at least this share of the letters.
constexpr double kMinScriptShare = 0.5;
// Weights of the evidence in a profile's score.
constexpr double kWordWeight = 0.35;
constexpr double kTrigramWeight = 0.25;
constexpr double kLetterWeight = 0.40;
// Word and trigram evidence below this means "none of the profiles".
constexpr double kMinEvidence = 0.12;
// Evidence at which confidence saturates, and words at which length does.
constexpr double kFullEvidence = 0.25;
constexpr double kFullWords = 12;

void AppendUtf8(UChar32 c, std::string& out) {
  char buf[U8_MAX_LENGTH];
  int32_t len = 0;
  U8_APPEND_UNSAFE(buf, len, c);
  out.append(buf, len);
}

struct TextStats {
  int letters = 0;
  absl::flat_hash_map<int, int> script_letters;
  absl::flat_hash_map<int32_t, int> letter_counts;
  std::vector<std::string> words;  // Lower case, apostrophes removed.
};

TextStats Scan(absl::string_view text) {
  TextStats stats;
  int ascii_letters[128] = {};
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  std::string word;
  int32_t i = 0;
  while (i <= n) {
    UChar32 c = ' ';
    if (i < n && s[i] < 0x80) {
      c = s[i++];
      if (absl::ascii_isalpha(static_cast<unsigned char>(c))) {
        c = absl::ascii_tolower(static_cast<unsigned char>(c));
        ++ascii_letters[c];
        word.push_back(static_cast<char>(c));
        continue;
      }
    } else if (i < n) {
      U8_NEXT(s, i, n, c);
    } else {
      ++i;
    }
    if (c == '\'' || c == 0x2019 || c == 0x02BC) continue;
    if (c >= 0x80 && u_isalpha(c)) {
      c = u_tolower(c);
      ++stats.letters;
      UErrorCode status = U_ZERO_ERROR;
      ++stats.script_letters[uscript_getScript(c, &status)];
      ++stats.letter_counts[c];
      AppendUtf8(c, word);
      continue;
    }
    if (!word.empty()) {
      stats.words.push_back(std::move(word));
      word.clear();
    }
  }
  int latin = 0;
  for (int c = 0; c < 128; ++c) {
    if (ascii_letters[c] == 0) continue;
    latin += ascii_letters[c];
    stats.letter_counts[c] += ascii_letters[c];
  }
  if (latin > 0) {
    stats.letters += latin;
    stats.script_letters[USCRIPT_LATIN] += latin;
  }
  return stats;
}

// Letter trigrams of the word padded with '_' at the edges, in UTF-8.
// `padded` is scratch space; the views passed to `f` point into it.
template <typename F>
void ForEachTrigram(const std::string& word, std::string& padded,
                    std::vector<int32_t>& starts, F&& f) {
  padded.clear();
  padded.push_back('_');
  padded.append(word);
  padded.push_back('_');
  starts.clear();
  const auto* s = reinterpret_cast<const uint8_t*>(padded.data());
  const int32_t n = static_cast<int32_t>(padded.size());
  int32_t i = 0;
  while (i < n) {
    starts.push_back(i);
    U8_FWD_1(s, i, n);
  }
  starts.push_back(n);
  const absl::string_view view(padded);
  for (size_t k = 0; k + 3 < starts.size(); ++k) {
    f(view.substr(starts[k], starts[k + 3] - starts[k]));
  }
}

}  // namespace

absl::StatusOr<LanguageIdentifier> LanguageIdentifier::Load(
    const std::string& path) {
  absl::StatusOr<std::string> contents = internal::ReadFile(path);
  if (!contents.ok()) return contents.status();
  absl::StatusOr<LanguageIdentifier> identifier = Parse(*contents);
  if (!identifier.ok()) {
    return absl::Status(
        identifier.status().code(),
        absl::StrCat(path, ": ", identifier.status().message()));
  }
  return identifier;
}

absl::StatusOr<LanguageIdentifier> LanguageIdentifier::Parse(
    absl::string_view contents) {
  absl::StatusOr<std::vector<internal::DataLine>> lines =
      internal::SplitDataLines(contents);
  if (!lines.ok()) return lines.status();
  LanguageIdentifier identifier;
  for (const internal::DataLine& line : *lines) {
    auto bad = [&](absl::string_view why) {
      return absl::InvalidArgumentError(
          absl::StrCat("line ", line.number, ": ", why));
    };
    if (line.fields.size() != 3)
      return bad("expected code<TAB>field<TAB>values");
    const std::string& code = line.fields[0];
    auto it =
        std::find_if(identifier.profiles_.begin(), identifier.profiles_.end(),
                     [&](const Profile& p) { return p.code == code; });
    if (it == identifier.profiles_.end()) {
      identifier.profiles_.push_back(Profile{.code = code});
      it = identifier.profiles_.end() - 1;
    }
    const std::string& field = line.fields[1];
    std::vector<std::string> values =
        absl::StrSplit(line.fields[2], ' ', absl::SkipEmpty());
    if (field == "script") {
      const int32_t script =
          u_getPropertyValueEnum(UCHAR_SCRIPT, line.fields[2].c_str());
      if (script == UCHAR_INVALID_CODE) return bad("unknown script");
      it->script = script;
    } else if (field == "letters") {
      for (const std::string& v : values) {
        const auto* s = reinterpret_cast<const uint8_t*>(v.data());
        int32_t i = 0;
        UChar32 c;
        U8_NEXT(s, i, static_cast<int32_t>(v.size()), c);
        if (c < 0 || i != static_cast<int32_t>(v.size())) {
          return bad("letters must be single characters");
        }
        it->letters.insert(u_tolower(c));
      }
    } else if (field == "letter_rate") {
      if (!absl::SimpleAtod(line.fields[2], &it->letter_rate) ||
          it->letter_rate < 0 || it->letter_rate > 1) {
        return bad("letter_rate must be a number in [0, 1]");
      }
    } else if (field == "words") {
      it->words.insert(values.begin(), values.end());
    } else if (field == "trigrams") {
      it->trigrams.insert(values.begin(), values.end());
    } else {
      return bad(absl::StrCat("unknown field '", field, "'"));
    }
  }
  for (const Profile& profile : identifier.profiles_) {
    if (profile.script < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("profile ", profile.code, " has no script"));
    }
  }
  return identifier;
}

LanguageGuess LanguageIdentifier::Identify(absl::string_view text) const {
  if (text.size() > kMaxScannedBytes) {
    text = text.substr(0, kMaxScannedBytes);
    // Do not end inside a UTF-8 sequence.
    while (!text.empty() &&
           (static_cast<uint8_t>(text.back()) & 0xC0) == 0x80) {
      text.remove_suffix(1);
    }
    if (!text.empty() && static_cast<uint8_t>(text.back()) >= 0xC0) {
      text.remove_suffix(1);
    }
  }
  const TextStats stats = Scan(text);
  LanguageGuess guess;
  if (stats.letters < kMinLetters || stats.words.empty()) return guess;

  absl::flat_hash_map<std::string, int> trigram_counts;
  int trigram_total = 0;
  std::string padded;
  std::vector<int32_t> starts;
  for (const std::string& word : stats.words) {
    ForEachTrigram(word, padded, starts, [&](absl::string_view t) {
      auto it = trigram_counts.find(t);
      if (it == trigram_counts.end()) {
        trigram_counts.emplace(std::string(t), 1);
      } else {
        ++it->second;
      }
      ++trigram_total;
    });
  }

  double best = 0, second = 0, best_evidence = 0;
  const Profile* best_profile = nullptr;
  for (const Profile& profile : profiles_) {
    auto script = stats.script_letters.find(profile.script);
    if (script == stats.script_letters.end()) continue;
    const double share = static_cast<double>(script->second) / stats.letters;
    if (share < kMinScriptShare) continue;

    int word_hits = 0;
    for (const std::string& word : stats.words) {
      word_hits += profile.words.contains(word);
    }
    const double words = static_cast<double>(word_hits) / stats.words.size();
    int trigram_hits = 0;
    for (const auto& [trigram, count] : trigram_counts) {
      if (profile.trigrams.contains(trigram)) trigram_hits += count;
    }
    const double trigrams =
        trigram_total == 0 ? 0
                           : static_cast<double>(trigram_hits) / trigram_total;
    // Letters only this profile uses against those only its same-script
    // rivals use, smoothed so that no such letters at all is neutral; and
    // when none of its own letters occurs, the chance of that (Poisson with
    // the profile's rate) if the text were in this language.
    int own = 0, rival = 0;
    for (const Profile& other : profiles_) {
      if (other.script != profile.script) continue;
      int& tally = &other == &profile ? own : rival;
      for (int32_t letter : other.letters) {
        auto it = stats.letter_counts.find(letter);
        if (it != stats.letter_counts.end()) tally += it->second;
      }
    }
    double letters = (own + 0.5) / (own + rival + 1.0);
    if (own == 0) letters *= std::exp(-profile.letter_rate * script->second);

    const double evidence = (kWordWeight * words + kTrigramWeight * trigrams) /
                            (kWordWeight + kTrigramWeight);
    const double score =
        share * (kWordWeight * words + kTrigramWeight * trigrams +
                 kLetterWeight * letters);
    if (score > best) {
      second = best;
      best = score;
      best_profile = &profile;
      best_evidence = evidence;
    } else if (score > second) {
      second = score;
    }
  }
  if (best_profile == nullptr || best_evidence < kMinEvidence) return guess;
  const double lead = (best - second) / best;
  const double strength =
      std::min(1.0, best_evidence / kFullEvidence) *
      std::min(1.0, std::sqrt(stats.words.size() / kFullWords));
  guess.code = best_profile->code;
  guess.confidence = std::clamp(lead * strength, 0.0, 1.0);
  return guess;
}

}  // namespace frontline::text
