// Regions named together before one plural noun: "the Kursk and Belgorod
// regions", "над Курской, Белгородской и Брянской областями". Each name is
// read as "<name> region" in the noun's language, so that "Belgorod" there
// is the region and not the city. Names that are no region the gazetteer
// knows ("Oryol" when it lists no Oryol region) are left as they are.
#ifndef FRONTLINE_LIBS_GAZETTEER_COORDINATED_REGIONS_H_
#define FRONTLINE_LIBS_GAZETTEER_COORDINATED_REGIONS_H_

#include <cstdint>
#include <functional>
#include <vector>

#include "absl/strings/string_view.h"
#include "libs/gazetteer/place.h"

namespace frontline::gazetteer {

// One region of a list: bytes [begin, end) of the folded text (the last
// name's span runs through the plural noun).
struct CoordinatedRegion {
  uint32_t begin = 0;
  uint32_t end = 0;
  const Place* region = nullptr;
};

// The place a folded name stands for when it is a region; nullptr else.
using RegionLookup = std::function<const Place*(absl::string_view folded)>;

// Every region of every list in `folded` (text as Normalizer folds it), in
// text order.
std::vector<CoordinatedRegion> FindCoordinatedRegions(
    absl::string_view folded, const RegionLookup& region_named);

}  // namespace frontline::gazetteer

#endif  // FRONTLINE_LIBS_GAZETTEER_COORDINATED_REGIONS_H_
