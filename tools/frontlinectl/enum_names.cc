#include "tools/frontlinectl/enum_names.h"

#include <cctype>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"

namespace frontline::ctl {
namespace {

// "ClaimType" -> "CLAIM_TYPE_".
std::string Prefix(const google::protobuf::EnumDescriptor* type) {
  std::string prefix;
  for (char c : type->name()) {
    if (std::isupper(static_cast<unsigned char>(c)) && !prefix.empty()) {
      prefix.push_back('_');
    }
    prefix.push_back(absl::ascii_toupper(c));
  }
  prefix.push_back('_');
  return prefix;
}

std::string Strip(const std::string& prefix, const std::string& full) {
  std::string name = full;
  if (name.rfind(prefix, 0) == 0) name = name.substr(prefix.size());
  return absl::AsciiStrToLower(name);
}

}  // namespace

std::string ShortEnumName(const google::protobuf::EnumDescriptor* type,
                          int value) {
  if (value == 0) return "";
  const google::protobuf::EnumValueDescriptor* v =
      type->FindValueByNumber(value);
  if (v == nullptr) return absl::StrCat(value);
  return Strip(Prefix(type), v->name());
}

absl::StatusOr<int> ParseShortEnumName(
    const google::protobuf::EnumDescriptor* type, absl::string_view name) {
  const std::string upper = absl::AsciiStrToUpper(
      absl::StrReplaceAll(absl::StripAsciiWhitespace(name), {{"-", "_"}}));
  const std::string prefix = Prefix(type);
  for (const std::string& candidate : {upper, prefix + upper}) {
    const google::protobuf::EnumValueDescriptor* v =
        type->FindValueByName(candidate);
    if (v != nullptr && v->number() != 0) return v->number();
  }
  const std::string kind =
      absl::AsciiStrToLower(prefix.substr(0, prefix.size() - 1));
  return absl::InvalidArgumentError(
      absl::StrCat("unknown ", kind, " \"", name,
                   "\"; one of: ", absl::StrJoin(ShortEnumNames(type), ", ")));
}

std::vector<std::string> ShortEnumNames(
    const google::protobuf::EnumDescriptor* type) {
  std::vector<std::string> names;
  for (int i = 0; i < type->value_count(); ++i) {
    if (type->value(i)->number() == 0) continue;
    names.push_back(ShortEnumName(type, type->value(i)->number()));
  }
  return names;
}

}  // namespace frontline::ctl
