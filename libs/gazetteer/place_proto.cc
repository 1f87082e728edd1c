#include "libs/gazetteer/place_proto.h"

namespace frontline::gazetteer {

frontline::v1::PlaceKind ToProto(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kRegion:
      return frontline::v1::PLACE_KIND_REGION;
    case PlaceKind::kDistrict:
      return frontline::v1::PLACE_KIND_DISTRICT;
    case PlaceKind::kCity:
      return frontline::v1::PLACE_KIND_CITY;
    case PlaceKind::kTown:
      return frontline::v1::PLACE_KIND_TOWN;
    case PlaceKind::kVillage:
      return frontline::v1::PLACE_KIND_VILLAGE;
    case PlaceKind::kFeature:
      return frontline::v1::PLACE_KIND_FEATURE;
  }
  return frontline::v1::PLACE_KIND_UNSPECIFIED;
}

frontline::v1::Place ToProto(const Place& place) {
  frontline::v1::Place proto;
  proto.set_id(place.id);
  proto.set_name(place.name);
  for (const std::string& alias : place.aliases) proto.add_aliases(alias);
  for (const std::string& alias : place.capitalized_aliases) {
    proto.add_aliases(alias);
  }
  proto.set_latitude(place.latitude);
  proto.set_longitude(place.longitude);
  proto.set_kind(ToProto(place.kind));
  proto.set_region_id(place.region_id);
  proto.set_region_name(place.region_name);
  proto.set_country(place.country);
  return proto;
}

}  // namespace frontline::gazetteer
