// The places file format (data/README.md): one place per line, eight
// tab-separated fields
//   id  kind  name  country  region  lat  lon  aliases
// aliases separated by '|', an alias starting with '^' capitalized-only
// (Place::capitalized_aliases); blank lines and lines starting with '#'
// ignored.
#ifndef FRONTLINE_LIBS_GAZETTEER_PLACES_FILE_H_
#define FRONTLINE_LIBS_GAZETTEER_PLACES_FILE_H_

#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "libs/gazetteer/place.h"

namespace frontline::gazetteer {

// Parses and validates a whole file. On success every place has a unique id,
// a known kind, a country of two capital letters, coordinates within range,
// and a region_id naming a region-kind place of the same file (its own id for
// a region), with region_name filled in. Any violation fails with
// kInvalidArgument and a message "<source_name>:<line>: <what is wrong>".
// When `line_numbers` is given, it receives each place's line number.
absl::StatusOr<std::vector<Place>> ParsePlacesFile(
    absl::string_view contents, absl::string_view source_name,
    std::vector<int>* line_numbers = nullptr);

}  // namespace frontline::gazetteer

#endif  // FRONTLINE_LIBS_GAZETTEER_PLACES_FILE_H_
