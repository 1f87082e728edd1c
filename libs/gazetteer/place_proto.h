// Conversion of gazetteer places to the wire contract.
#ifndef FRONTLINE_LIBS_GAZETTEER_PLACE_PROTO_H_
#define FRONTLINE_LIBS_GAZETTEER_PLACE_PROTO_H_

#include "frontline/v1/place.pb.h"
#include "libs/gazetteer/place.h"

namespace frontline::gazetteer {

// Every field of frontline.v1.Place: id, name, aliases (the plain ones, then
// the capitalized-only ones, each in file order; the name not repeated),
// coordinates, kind, region id and name, country.
frontline::v1::Place ToProto(const Place& place);

frontline::v1::PlaceKind ToProto(PlaceKind kind);

}  // namespace frontline::gazetteer

#endif  // FRONTLINE_LIBS_GAZETTEER_PLACE_PROTO_H_
