// --json output: protobuf messages as JSON with the .proto field names
// ("place_id", not "placeId"), every primitive field present (zero values
// too), enums by their full names ("SIDE_RUSSIA").
#ifndef FRONTLINE_TOOLS_FRONTLINECTL_PROTO_JSON_H_
#define FRONTLINE_TOOLS_FRONTLINECTL_PROTO_JSON_H_

#include <string>

#include "google/protobuf/message.h"

namespace frontline::ctl {

// One line of JSON, without a trailing newline.
std::string ToJson(const google::protobuf::Message& message);

}  // namespace frontline::ctl

#endif  // FRONTLINE_TOOLS_FRONTLINECTL_PROTO_JSON_H_
