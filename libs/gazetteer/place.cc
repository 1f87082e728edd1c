#include "libs/gazetteer/place.h"

#include <array>
#include <utility>

namespace frontline::gazetteer {
namespace {

constexpr std::array<std::pair<PlaceKind, absl::string_view>, 6> kKindNames = {{
    {PlaceKind::kRegion, "region"},
    {PlaceKind::kDistrict, "district"},
    {PlaceKind::kCity, "city"},
    {PlaceKind::kTown, "town"},
    {PlaceKind::kVillage, "village"},
    {PlaceKind::kFeature, "feature"},
}};

}  // namespace

absl::string_view PlaceKindName(PlaceKind kind) {
  for (const auto& [k, name] : kKindNames) {
    if (k == kind) return name;
  }
  return "unknown";
}

std::optional<PlaceKind> ParsePlaceKind(absl::string_view name) {
  for (const auto& [k, n] : kKindNames) {
    if (n == name) return k;
  }
  return std::nullopt;
}

}  // namespace frontline::gazetteer
