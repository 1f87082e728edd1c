#include "libs/gazetteer/gazetteer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "libs/gazetteer/aho_corasick.h"
#include "libs/gazetteer/coordinated_regions.h"
#include "libs/gazetteer/normalizer.h"
#include "libs/gazetteer/places_file.h"

namespace frontline::gazetteer {
namespace {

// The default order between places sharing a name: larger kind, then id.
bool DefaultOrder(const Place* a, const Place* b) {
  if (a->kind != b->kind) return a->kind < b->kind;
  return a->id < b->id;
}

// The code point starting at byte `i` of `s`; -1 at the end.
int32_t CodePointAt(absl::string_view s, uint32_t i) {
  if (i >= s.size()) return -1;
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(bytes, pos, static_cast<int32_t>(s.size()), c);
  return c;
}

bool IsCapital(int32_t code_point) {
  return code_point >= 0 && (u_isupper(code_point) || u_istitle(code_point));
}

// Within this many bytes, a region named after an ambiguous name decides it.
constexpr uint32_t kRegionAfterBytes = 64;

bool ChooseByRegionAfter(std::vector<Mention>* mentions, size_t i) {
  Mention& m = (*mentions)[i];
  for (size_t j = i + 1; j < mentions->size(); ++j) {
    const Mention& next = (*mentions)[j];
    if (next.begin - m.end > kRegionAfterBytes) return false;
    const Place& region = next.place();
    if (region.kind != PlaceKind::kRegion || next.candidates.size() != 1) {
      continue;
    }
    auto in_region = [&](const Place* p) { return p->region_id == region.id; };
    if (std::count_if(m.candidates.begin(), m.candidates.end(), in_region) !=
        1) {
      return false;
    }
    std::stable_partition(m.candidates.begin(), m.candidates.end(), in_region);
    std::sort(m.candidates.begin() + 1, m.candidates.end(), DefaultOrder);
    m.resolution = Resolution::kRegionNamed;
    return true;
  }
  return false;
}

// Puts the regions of lists ("the Kursk and Belgorod regions") in place of
// what was matched inside them ("Belgorod", the city).
void AddListedRegions(absl::string_view text, const NormalizedText& normalized,
                      const std::vector<CoordinatedRegion>& listed,
                      std::vector<Mention>* mentions) {
  for (const CoordinatedRegion& r : listed) {
    Mention mention;
    mention.begin = normalized.original_begin[r.begin];
    mention.end = normalized.original_end[r.end - 1];
    std::erase_if(*mentions, [&](const Mention& m) {
      return m.begin < mention.end && mention.begin < m.end;
    });
    mention.surface =
        std::string(text.substr(mention.begin, mention.end - mention.begin));
    mention.candidates = {r.region};
    mentions->push_back(std::move(mention));
  }
  std::sort(
      mentions->begin(), mentions->end(),
      [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
}

// The occurrences standing alone as words (and capitalized where their name
// must be), without overlaps, in text order.
std::vector<AhoCorasick::Occurrence> SelectOccurrences(
    absl::string_view text, const NormalizedText& normalized,
    const std::vector<bool>& pattern_capitalized_only,
    std::vector<AhoCorasick::Occurrence> found) {
  std::erase_if(found, [&](const AhoCorasick::Occurrence& o) {
    if (!Normalizer::StandsAlone(normalized.text, o.begin, o.end)) {
      return true;
    }
    return pattern_capitalized_only[o.pattern] &&
           !IsCapital(CodePointAt(text, normalized.original_begin[o.begin]));
  });
  // Longest first, then leftmost; keep those not overlapping a kept one.
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) {
                     if (a.end - a.begin != b.end - b.begin) {
                       return a.end - a.begin > b.end - b.begin;
                     }
                     return a.begin < b.begin;
                   });
  std::map<uint32_t, const AhoCorasick::Occurrence*> kept;  // By begin.
  for (const auto& o : found) {
    auto next = kept.lower_bound(o.begin);
    if (next != kept.end() && next->second->begin < o.end) continue;
    if (next != kept.begin() && std::prev(next)->second->end > o.begin) {
      continue;
    }
    kept.emplace(o.begin, &o);
  }
  std::vector<AhoCorasick::Occurrence> selected;
  selected.reserve(kept.size());
  for (const auto& [begin, o] : kept) selected.push_back(*o);
  return selected;
}

using RegionSet = absl::flat_hash_set<absl::string_view>;

// Regions the text speaks of: a mention all of whose candidates lie in one
// region names that region (strongly when a candidate is the region).
void CollectRegions(const std::vector<Mention>& mentions,
                    RegionSet* named_regions, RegionSet* neighbour_regions) {
  for (const Mention& mention : mentions) {
    const absl::string_view region = mention.candidates.front()->region_id;
    bool one_region = true;
    bool names_region = false;
    for (const Place* place : mention.candidates) {
      one_region = one_region && place->region_id == region;
      names_region = names_region || place->kind == PlaceKind::kRegion;
    }
    if (!one_region) continue;
    (names_region ? *named_regions : *neighbour_regions).insert(region);
  }
}

// Puts first the candidate of `mention` in a region the text names, else
// one in a region it names a place of.
void PreferRegionsSpokenOf(const RegionSet& named_regions,
                           const RegionSet& neighbour_regions,
                           Mention* mention) {
  auto& candidates = mention->candidates;
  auto in = [](const RegionSet& regions) {
    return
        [&regions](const Place* p) { return regions.contains(p->region_id); };
  };
  // Partition keeps the default order within each part.
  auto named_end = std::stable_partition(candidates.begin(), candidates.end(),
                                         in(named_regions));
  const auto named = named_end - candidates.begin();
  if (named == 1) {
    mention->resolution = Resolution::kRegionNamed;
  } else {
    // Narrow as far as the evidence goes; the default order settles the
    // rest.
    auto pool_end = named > 1 ? named_end : candidates.end();
    auto neighbour_end = std::stable_partition(candidates.begin(), pool_end,
                                               in(neighbour_regions));
    mention->resolution = neighbour_end - candidates.begin() == 1
                              ? Resolution::kNeighbourNamed
                              : Resolution::kDefault;
  }
  std::sort(candidates.begin() + 1, candidates.end(), DefaultOrder);
}

// Chooses between the candidates of each ambiguous mention by the regions
// the text names.
void ResolveByRegions(std::vector<Mention>* mentions) {
  RegionSet named_regions;
  RegionSet neighbour_regions;
  CollectRegions(*mentions, &named_regions, &neighbour_regions);

  // "Kamianske and Stepnohirsk in the Zaporizhzhia region": the region
  // named right after a name decides it before the rest of the text does.
  std::vector<bool> decided(mentions->size(), false);
  for (size_t i = 0; i < mentions->size(); ++i) {
    if ((*mentions)[i].candidates.size() > 1) {
      decided[i] = ChooseByRegionAfter(mentions, i);
    }
  }
  for (size_t i = 0; i < mentions->size(); ++i) {
    Mention& mention = (*mentions)[i];
    if (mention.candidates.size() == 1 || decided[i]) continue;
    PreferRegionsSpokenOf(named_regions, neighbour_regions, &mention);
  }
}

}  // namespace

struct Gazetteer::Index {
  Normalizer normalizer;
  std::vector<Place> places;
  absl::flat_hash_map<std::string, const Place*> by_id;
  // Folded names: pattern index -> the places it names, in default order.
  std::vector<std::string> patterns;
  std::vector<std::vector<const Place*>> pattern_places;
  // True when every spelling behind the pattern is capitalized-only.
  std::vector<bool> pattern_capitalized_only;
  absl::flat_hash_map<std::string, uint32_t> pattern_index;
  std::optional<AhoCorasick> automaton;

  explicit Index(Normalizer n) : normalizer(std::move(n)) {}
};

Gazetteer::Gazetteer(std::unique_ptr<Index> index) : index_(std::move(index)) {}
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;
Gazetteer::~Gazetteer() = default;

absl::StatusOr<Gazetteer> Gazetteer::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat("cannot read places file ", path));
  }
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) {
    return absl::NotFoundError(
        absl::StrCat("error reading places file ", path));
  }
  return LoadFromString(contents.str(), path);
}

absl::StatusOr<Gazetteer> Gazetteer::LoadFromString(
    absl::string_view contents, absl::string_view source_name) {
  absl::StatusOr<Normalizer> normalizer = Normalizer::Create();
  if (!normalizer.ok()) return normalizer.status();
  std::vector<int> lines;
  absl::StatusOr<std::vector<Place>> places =
      ParsePlacesFile(contents, source_name, &lines);
  if (!places.ok()) return places.status();

  auto index = std::make_unique<Index>(*std::move(normalizer));
  index->places = *std::move(places);
  for (size_t i = 0; i < index->places.size(); ++i) {
    const Place& place = index->places[i];
    index->by_id[place.id] = &place;
    std::vector<std::pair<absl::string_view, bool>> names = {
        {place.name, false}};
    for (const auto& alias : place.aliases) names.emplace_back(alias, false);
    for (const auto& alias : place.capitalized_aliases) {
      names.emplace_back(alias, true);
    }
    for (const auto& [name, capitalized_only] : names) {
      std::string folded = index->normalizer.Fold(name);
      if (folded.empty()) {
        return absl::InvalidArgumentError(
            absl::StrCat(source_name, ":", lines[i], ": name \"", name,
                         "\" of \"", place.id, "\" folds to nothing"));
      }
      auto [it, inserted] = index->pattern_index.emplace(
          folded, static_cast<uint32_t>(index->patterns.size()));
      if (inserted) {
        index->patterns.push_back(std::move(folded));
        index->pattern_places.emplace_back();
        index->pattern_capitalized_only.push_back(true);
      }
      if (!capitalized_only) {
        index->pattern_capitalized_only[it->second] = false;
      }
      auto& named = index->pattern_places[it->second];
      if (std::find(named.begin(), named.end(), &place) == named.end()) {
        named.push_back(&place);
      }
    }
  }
  for (auto& named : index->pattern_places) {
    std::sort(named.begin(), named.end(), DefaultOrder);
  }
  index->automaton.emplace(index->patterns);
  return Gazetteer(std::move(index));
}

const std::vector<Place>& Gazetteer::places() const { return index_->places; }

const Place* Gazetteer::FindById(absl::string_view id) const {
  auto it = index_->by_id.find(id);
  return it == index_->by_id.end() ? nullptr : it->second;
}

std::vector<const Place*> Gazetteer::Find(absl::string_view name) const {
  std::vector<const Place*> found;
  const std::string folded = index_->normalizer.Fold(name);
  if (const Place* place = FindById(folded)) found.push_back(place);
  if (auto it = index_->pattern_index.find(folded);
      it != index_->pattern_index.end()) {
    for (const Place* place : index_->pattern_places[it->second]) {
      if (std::find(found.begin(), found.end(), place) == found.end()) {
        found.push_back(place);
      }
    }
  }
  std::sort(found.begin(), found.end(), DefaultOrder);
  return found;
}

std::vector<Mention> Gazetteer::Match(absl::string_view text) const {
  const NormalizedText normalized = index_->normalizer.Normalize(text);
  const std::vector<AhoCorasick::Occurrence> kept =
      SelectOccurrences(text, normalized, index_->pattern_capitalized_only,
                        index_->automaton->FindAll(normalized.text));

  std::vector<Mention> mentions;
  mentions.reserve(kept.size());
  for (const AhoCorasick::Occurrence& o : kept) {
    Mention mention;
    mention.begin = normalized.original_begin[o.begin];
    mention.end = normalized.original_end[o.end - 1];
    mention.surface =
        std::string(text.substr(mention.begin, mention.end - mention.begin));
    mention.candidates = index_->pattern_places[o.pattern];
    mentions.push_back(std::move(mention));
  }
  const std::vector<CoordinatedRegion> listed = FindCoordinatedRegions(
      normalized.text, [this](absl::string_view folded) -> const Place* {
        auto it = index_->pattern_index.find(folded);
        if (it == index_->pattern_index.end()) return nullptr;
        for (const Place* place : index_->pattern_places[it->second]) {
          if (place->kind == PlaceKind::kRegion) return place;
        }
        return nullptr;
      });
  if (!listed.empty()) AddListedRegions(text, normalized, listed, &mentions);
  ResolveByRegions(&mentions);
  return mentions;
}

}  // namespace frontline::gazetteer
