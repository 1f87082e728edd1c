#include "libs/telegram/json_util.h"

#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace frontline::telegram::internal {

Json* JsonDomBuilder::Add(Json value) {
  if (stack_.empty()) {
    root_ = std::move(value);
    done_ = true;
    return &root_;
  }
  Json& parent = *stack_.back();
  if (parent.is_object()) {
    Json& slot = parent[key_];
    slot = std::move(value);
    return &slot;
  }
  parent.push_back(std::move(value));
  return &parent.back();
}

bool JsonDomBuilder::null() {
  Add(nullptr);
  return true;
}
bool JsonDomBuilder::boolean(bool value) {
  Add(value);
  return true;
}
bool JsonDomBuilder::number_integer(Json::number_integer_t value) {
  Add(value);
  return true;
}
bool JsonDomBuilder::number_unsigned(Json::number_unsigned_t value) {
  Add(value);
  return true;
}
bool JsonDomBuilder::number_float(Json::number_float_t value,
                                  const std::string&) {
  Add(value);
  return true;
}
bool JsonDomBuilder::string(std::string& value) {
  Add(std::move(value));
  return true;
}
bool JsonDomBuilder::binary(Json::binary_t& value) {
  Add(Json::binary(std::move(value)));
  return true;
}

bool JsonDomBuilder::start_object(std::size_t) {
  if (outer_depth_ + depth() >= max_depth_) {
    status_ = absl::InvalidArgumentError(
        absl::StrCat("JSON nested deeper than ", max_depth_, " levels"));
    return false;
  }
  Json* added = Add(Json::object());
  done_ = false;
  stack_.push_back(added);
  return true;
}

bool JsonDomBuilder::key(std::string& key) {
  key_ = std::move(key);
  return true;
}

bool JsonDomBuilder::end_object() {
  stack_.pop_back();
  done_ = stack_.empty();
  return true;
}

bool JsonDomBuilder::start_array(std::size_t) {
  if (outer_depth_ + depth() >= max_depth_) {
    status_ = absl::InvalidArgumentError(
        absl::StrCat("JSON nested deeper than ", max_depth_, " levels"));
    return false;
  }
  Json* added = Add(Json::array());
  done_ = false;
  stack_.push_back(added);
  return true;
}

bool JsonDomBuilder::end_array() {
  stack_.pop_back();
  done_ = stack_.empty();
  return true;
}

bool JsonDomBuilder::parse_error(std::size_t position, const std::string&,
                                 const nlohmann::detail::exception& error) {
  status_ = JsonSyntaxError(position, error);
  return false;
}

void JsonDomBuilder::Reset() {
  root_ = Json();
  stack_.clear();
  key_.clear();
  done_ = false;
  status_ = absl::OkStatus();
}

absl::Status JsonSyntaxError(std::size_t position,
                             const nlohmann::detail::exception& error) {
  return absl::InvalidArgumentError(
      absl::StrCat("malformed JSON near byte ", position, ": ", error.what()));
}

const Json* Find(const Json& obj, const char* key) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}

std::optional<int64_t> GetInt(const Json& obj, const char* key) {
  const Json* value = Find(obj, key);
  if (value == nullptr) return std::nullopt;
  if (value->is_number_integer()) {
    if (value->is_number_unsigned() &&
        value->get<uint64_t>() > static_cast<uint64_t>(INT64_MAX)) {
      return std::nullopt;
    }
    return value->get<int64_t>();
  }
  if (value->is_string()) {
    int64_t parsed;
    if (absl::SimpleAtoi(value->get_ref<const std::string&>(), &parsed)) {
      return parsed;
    }
  }
  return std::nullopt;
}

std::string GetString(const Json& obj, const char* key) {
  const Json* value = Find(obj, key);
  if (value == nullptr || !value->is_string()) return "";
  return value->get<std::string>();
}

}  // namespace frontline::telegram::internal
