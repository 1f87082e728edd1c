// Short lower-case names for the contract's enums on the command line and in
// tables: CLAIM_TYPE_DRONE_STRIKE <-> "drone_strike", SIDE_RUSSIA <->
// "russia". The prefix stripped is the enum's type name in UPPER_SNAKE case,
// so every enum of frontline.v1 works without a table of its own.
#ifndef FRONTLINE_TOOLS_FRONTLINECTL_ENUM_NAMES_H_
#define FRONTLINE_TOOLS_FRONTLINECTL_ENUM_NAMES_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/generated_enum_reflection.h"

namespace frontline::ctl {

// "drone_strike" for CLAIM_TYPE_DRONE_STRIKE; "" for value 0 (unspecified);
// the decimal number for a value the descriptor does not know.
std::string ShortEnumName(const google::protobuf::EnumDescriptor* type,
                          int value);

// The value of `name`, short ("drone_strike", any case, '-' for '_') or
// full ("CLAIM_TYPE_DRONE_STRIKE"). kInvalidArgument for an unknown name or
// the unspecified value, listing the accepted names.
absl::StatusOr<int> ParseShortEnumName(
    const google::protobuf::EnumDescriptor* type, absl::string_view name);

// Every short name of `type` but the unspecified one, in declaration order.
std::vector<std::string> ShortEnumNames(
    const google::protobuf::EnumDescriptor* type);

// Typed conveniences: ShortName(v1::SIDE_RUSSIA) == "russia".
template <typename E>
std::string ShortName(E value) {
  return ShortEnumName(google::protobuf::GetEnumDescriptor<E>(),
                       static_cast<int>(value));
}

template <typename E>
absl::StatusOr<E> ParseShortName(absl::string_view name) {
  absl::StatusOr<int> value =
      ParseShortEnumName(google::protobuf::GetEnumDescriptor<E>(), name);
  if (!value.ok()) return value.status();
  return static_cast<E>(*value);
}

}  // namespace frontline::ctl

#endif  // FRONTLINE_TOOLS_FRONTLINECTL_ENUM_NAMES_H_
