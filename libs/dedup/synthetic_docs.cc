#include "libs/dedup/synthetic_docs.h"

#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace frontline::dedup::bench {
namespace {

constexpr int kWords = 40000;
constexpr int kNames = 4000;

// Syllables of each script; a word is 1-4 of them.
const std::vector<std::string>& Syllables(bool cyrillic) {
  static const auto* latin = new std::vector<std::string>{
      "ka", "ro",  "den", "mi", "sto", "va",  "lu",  "pre", "tor", "si",
      "na", "bel", "gra", "po", "zen", "ti",  "mar", "do",  "que", "fi",
      "an", "es",  "ol",  "ur", "in",  "tra", "ve",  "chi", "sol", "ber"};
  static const auto* cyr = new std::vector<std::string>{
      "ка", "ро",  "ден", "ми", "сто", "ва",  "лу",  "пре", "тор", "си",
      "на", "бел", "гра", "по", "зен", "ти",  "мар", "до",  "жи",  "фі",
      "ан", "ес",  "ол",  "ур", "ін",  "тра", "ве",  "чи",  "сол", "бер"};
  return cyrillic ? *cyr : *latin;
}

std::string MakeWord(uint64_t seed, bool cyrillic) {
  std::mt19937_64 rng(seed);
  const auto& syl = Syllables(cyrillic);
  const int n = 1 + static_cast<int>(rng() % 4);
  std::string w;
  for (int i = 0; i < n; ++i) w += syl[rng() % syl.size()];
  return w;
}

// Upper-cases the first letter (ASCII, or a two-byte Cyrillic а..я).
std::string Capitalize(std::string w) {
  if (w.empty()) return w;
  if (static_cast<unsigned char>(w[0]) < 0x80) {
    w[0] = absl::ascii_toupper(w[0]);
  } else if (w.size() >= 2 && static_cast<unsigned char>(w[0]) == 0xD0 &&
             static_cast<unsigned char>(w[1]) >= 0xB0) {
    w[1] = static_cast<char>(static_cast<unsigned char>(w[1]) - 0x20);
  } else if (w.size() >= 2 && static_cast<unsigned char>(w[0]) == 0xD1 &&
             static_cast<unsigned char>(w[1]) < 0x90) {
    w[0] = static_cast<char>(0xD0);
    w[1] = static_cast<char>(static_cast<unsigned char>(w[1]) + 0x20);
  } else if (w.size() >= 2 && static_cast<unsigned char>(w[0]) == 0xD1 &&
             static_cast<unsigned char>(w[1]) == 0x96) {  // і -> І
    w[0] = static_cast<char>(0xD0);
    w[1] = static_cast<char>(0x86);
  }
  return w;
}

struct Lexicon {
  std::vector<std::string> words[2];
  std::vector<std::string> names[2];
  std::vector<double> word_cdf;
  std::vector<double> name_cdf;
};

std::vector<double> ZipfCdf(int n) {
  std::vector<double> cdf(n);
  double sum = 0;
  for (int r = 0; r < n; ++r) cdf[r] = (sum += 1.0 / (r + 1));
  for (double& c : cdf) c /= sum;
  return cdf;
}

const Lexicon& Lex() {
  static const Lexicon* lex = [] {
    auto* l = new Lexicon();
    for (int s = 0; s < 2; ++s) {
      for (int i = 0; i < kWords; ++i) {
        l->words[s].push_back(MakeWord(1000003ULL * i + s, s == 1));
      }
      for (int i = 0; i < kNames; ++i) {
        l->names[s].push_back(
            Capitalize(MakeWord(7000001ULL * i + 17 + s, s == 1)));
      }
    }
    l->word_cdf = ZipfCdf(kWords);
    l->name_cdf = ZipfCdf(kNames);
    return l;
  }();
  return *lex;
}

size_t Pick(const std::vector<double>& cdf, std::mt19937_64& rng) {
  const double u = std::uniform_real_distribution<double>(0, 1)(rng);
  return std::min<size_t>(
      std::lower_bound(cdf.begin(), cdf.end(), u) - cdf.begin(),
      cdf.size() - 1);
}

std::string HexId(uint64_t n) {
  const uint64_t h = XXH3_64bits(&n, sizeof n);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(16, '0');
  for (int i = 0; i < 16; ++i) id[i] = kHex[(h >> (60 - 4 * i)) & 15];
  return id;
}

}  // namespace

v1::Document SyntheticDoc(uint64_t n, size_t min_bytes, int64_t t0_seconds) {
  const Lexicon& lex = Lex();
  std::mt19937_64 rng(n * 0x9E3779B97F4A7C15ULL + 1);
  const int script = static_cast<int>(n % 2);
  std::string text;
  int sentence = 0;
  while (text.size() < min_bytes) {
    const int words = 8 + static_cast<int>(rng() % 17);
    const bool quote = rng() % 12 == 0;
    for (int i = 0; i < words; ++i) {
      std::string w;
      const uint64_t r = rng() % 100;
      if (r < 8) {
        w = lex.names[script][Pick(lex.name_cdf, rng)];
      } else if (r < 11) {
        w = absl::StrCat(
            static_cast<int>(std::pow(10.0, 1 + (rng() % 4000) / 1000.0)));
      } else {
        w = lex.words[script][Pick(lex.word_cdf, rng)];
        if (i == 0) w = Capitalize(w);
      }
      if (quote && i == 2) absl::StrAppend(&text, "«");
      absl::StrAppend(&text, w);
      if (quote && i == words - 2) absl::StrAppend(&text, "»");
      absl::StrAppend(&text, i + 1 < words ? " " : ". ");
    }
    if (++sentence % 4 == 0) text += "\n\n";
  }
  v1::Document d;
  d.set_id(HexId(n));
  d.mutable_source()->set_id(absl::StrCat("telegram:channel", n % 500));
  d.set_external_id(absl::StrCat(n));
  d.set_version(1);
  d.set_language(script == 1 ? "uk" : "en");
  d.mutable_published_time()->set_seconds(t0_seconds +
                                          static_cast<int64_t>(n) * 2);
  d.set_text(std::move(text));
  return d;
}

v1::Document NearCopy(const v1::Document& doc, uint64_t n, int every) {
  const Lexicon& lex = Lex();
  std::mt19937_64 rng(n);
  std::vector<std::string> words = absl::StrSplit(doc.text(), ' ');
  for (size_t i = every / 2; i < words.size(); i += every) {
    words[i] = lex.words[0][rng() % 2000];
  }
  v1::Document d = doc;
  d.set_id(HexId(n));
  d.mutable_source()->set_id("telegram:aggregator");
  d.set_external_id(absl::StrCat("copy-", n));
  d.mutable_published_time()->set_seconds(doc.published_time().seconds() +
                                          3600);
  d.set_text(absl::StrCat(absl::StrJoin(words, " "),
                          " #news #frontline https://t.me/aggregator/", n));
  return d;
}

}  // namespace frontline::dedup::bench
