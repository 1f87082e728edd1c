#include "libs/gazetteer/coordinated_regions.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "libs/gazetteer/normalizer.h"

namespace frontline::gazetteer {
namespace {

// The plural nouns a list of regions ends with, folded.
constexpr std::array<absl::string_view, 10> kPluralHeads = {
    "regions",  "oblasts",  "provinces", "областях", "областями",
    "областей", "областям", "регионах",  "регионов", "регіонах"};

// The singular forms a name is tried with ("курской" + " области").
constexpr std::array<absl::string_view, 7> kSingularHeads = {
    "region", "oblast", "области", "областью", "область", "області", "областю"};

constexpr std::array<absl::string_view, 5> kConjunctions = {"and", "и", "і",
                                                            "та", "й"};

struct Word {
  uint32_t begin = 0;
  uint32_t end = 0;
};

bool IsNameChar(int32_t c) { return c == '-' || Normalizer::IsWordChar(c); }

// The word ending at or before byte `at`, and what stands between it and
// `at` (spaces and at most one comma); nullopt when something else does.
std::optional<Word> WordBefore(absl::string_view s, uint32_t at, bool* comma) {
  *comma = false;
  int32_t i = static_cast<int32_t>(at);
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  while (i > 0 && (s[i - 1] == ' ' || (s[i - 1] == ',' && !*comma))) {
    if (s[i - 1] == ',') *comma = true;
    --i;
  }
  const uint32_t end = static_cast<uint32_t>(i);
  while (i > 0) {
    int32_t prev = i;
    UChar32 c;
    U8_PREV(bytes, 0, prev, c);
    if (!IsNameChar(c)) break;
    i = prev;
  }
  if (static_cast<uint32_t>(i) == end) return std::nullopt;
  return Word{static_cast<uint32_t>(i), end};
}

bool IsConjunction(absl::string_view word) {
  for (absl::string_view c : kConjunctions) {
    if (word == c) return true;
  }
  return false;
}

const Place* RegionOf(absl::string_view name, const RegionLookup& lookup) {
  for (absl::string_view head : kSingularHeads) {
    if (const Place* p = lookup(absl::StrCat(name, " ", head))) return p;
  }
  return nullptr;
}

// The names before the plural noun at `head`, last first: "x, y and z".
std::vector<Word> NamesBefore(absl::string_view s, uint32_t head) {
  std::vector<Word> names;
  bool comma = false;
  std::optional<Word> w = WordBefore(s, head, &comma);
  if (!w || comma) return names;
  names.push_back(*w);
  bool joined = false;
  while (true) {
    std::optional<Word> prev = WordBefore(s, names.back().begin, &comma);
    if (!prev) break;
    if (!joined && !comma &&
        IsConjunction(s.substr(prev->begin, prev->end - prev->begin))) {
      std::optional<Word> name = WordBefore(s, prev->begin, &comma);
      if (!name) break;
      names.push_back(*name);
      joined = true;
    } else if (joined && comma) {
      names.push_back(*prev);
    } else {
      break;
    }
  }
  if (!joined) names.clear();
  return names;
}

}  // namespace

std::vector<CoordinatedRegion> FindCoordinatedRegions(
    absl::string_view folded, const RegionLookup& region_named) {
  std::vector<CoordinatedRegion> found;
  for (absl::string_view head : kPluralHeads) {
    for (size_t at = folded.find(head); at != absl::string_view::npos;
         at = folded.find(head, at + head.size())) {
      if (!Normalizer::StandsAlone(folded, at, at + head.size())) continue;
      const std::vector<Word> names =
          NamesBefore(folded, static_cast<uint32_t>(at));
      for (size_t i = 0; i < names.size(); ++i) {
        const Word& w = names[i];
        const Place* region =
            RegionOf(folded.substr(w.begin, w.end - w.begin), region_named);
        if (region == nullptr) continue;
        const uint32_t end =
            i == 0 ? static_cast<uint32_t>(at + head.size()) : w.end;
        found.push_back({w.begin, end, region});
      }
    }
  }
  std::sort(found.begin(), found.end(),
            [](const CoordinatedRegion& a, const CoordinatedRegion& b) {
              return a.begin < b.begin;
            });
  return found;
}

}  // namespace frontline::gazetteer
