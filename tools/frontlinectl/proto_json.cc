#include "tools/frontlinectl/proto_json.h"

#include "google/protobuf/util/json_util.h"

namespace frontline::ctl {

std::string ToJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = true;
  std::string out;
  // Serializing a well-formed message cannot fail; an empty object is the
  // safe answer if it ever did.
  if (!google::protobuf::util::MessageToJsonString(message, &out, options)
           .ok()) {
    return "{}";
  }
  return out;
}

}  // namespace frontline::ctl
