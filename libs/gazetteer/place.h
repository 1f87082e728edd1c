// A place of the gazetteer: one row of data/places.tsv.
#ifndef FRONTLINE_LIBS_GAZETTEER_PLACE_H_
#define FRONTLINE_LIBS_GAZETTEER_PLACE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace frontline::gazetteer {

// Largest first: the order is the default preference between places that
// share a name.
enum class PlaceKind { kRegion, kDistrict, kCity, kTown, kVillage, kFeature };

// "region", "district", "city", "town", "village", "feature".
absl::string_view PlaceKindName(PlaceKind kind);
// The inverse of PlaceKindName; nullopt for any other string.
std::optional<PlaceKind> ParsePlaceKind(absl::string_view name);

struct Place {
  // Stable, lower case, dotted: "ua.donetsk.kurakhove"; an oblast is
  // "ua.donetsk".
  std::string id;
  PlaceKind kind = PlaceKind::kVillage;
  // Canonical English name.
  std::string name;
  // ISO 3166-1 alpha-2: "UA" or "RU".
  std::string country;
  // Id of the first-level unit (oblast, republic, city of special status) the
  // place lies in; a region's own id for a region.
  std::string region_id;
  // Canonical name of region_id, filled in by the loader.
  std::string region_name;
  double latitude = 0;
  double longitude = 0;
  // Every other spelling, as written in the data file (the name excluded).
  std::vector<std::string> aliases;
  // Spellings that are also common words (Ізюм, "raisins"): they name the
  // place in running text only when capitalized there. Find ignores this.
  std::vector<std::string> capitalized_aliases;
};

}  // namespace frontline::gazetteer

#endif  // FRONTLINE_LIBS_GAZETTEER_PLACE_H_
