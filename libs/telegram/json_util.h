// Internal to frontline_telegram: building JSON values from SAX events under
// a nesting limit, and lenient field access. Not a public header.
#ifndef FRONTLINE_LIBS_TELEGRAM_JSON_UTIL_H_
#define FRONTLINE_LIBS_TELEGRAM_JSON_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "nlohmann/json.hpp"

namespace frontline::telegram::internal {

using Json = nlohmann::json;

// A nlohmann SAX handler that builds one value, refusing nesting deeper than
// `max_depth` (the parse stops and status() says why). `outer_depth` is how
// deep the value sits in a larger document, counted against the same limit.
// Reusable after Reset(). Never throws.
class JsonDomBuilder {
 public:
  explicit JsonDomBuilder(int max_depth, int outer_depth = 0)
      : max_depth_(max_depth), outer_depth_(outer_depth) {}

  bool null();
  bool boolean(bool value);
  bool number_integer(Json::number_integer_t value);
  bool number_unsigned(Json::number_unsigned_t value);
  bool number_float(Json::number_float_t value, const std::string& raw);
  bool string(std::string& value);
  bool binary(Json::binary_t& value);
  bool start_object(std::size_t size);
  bool key(std::string& key);
  bool end_object();
  bool start_array(std::size_t size);
  bool end_array();
  bool parse_error(std::size_t position, const std::string& token,
                   const nlohmann::detail::exception& error);

  // True once a complete top-level value was built.
  bool done() const { return done_; }
  int depth() const { return static_cast<int>(stack_.size()); }
  const absl::Status& status() const { return status_; }
  Json& value() { return root_; }
  void Reset();

 private:
  Json* Add(Json value);

  int max_depth_;
  int outer_depth_;
  Json root_;
  std::vector<Json*> stack_;
  std::string key_;
  bool done_ = false;
  absl::Status status_;
};

// kInvalidArgument for a parse error reported by nlohmann at `position`.
absl::Status JsonSyntaxError(std::size_t position,
                             const nlohmann::detail::exception& error);

// The integer at obj[key], given as a JSON integer or a decimal string
// (Desktop exports write unix times as strings). nullopt otherwise.
std::optional<int64_t> GetInt(const Json& obj, const char* key);
// The string at obj[key]; empty when absent or not a string.
std::string GetString(const Json& obj, const char* key);
// obj[key] when obj is an object holding it; nullptr otherwise.
const Json* Find(const Json& obj, const char* key);

}  // namespace frontline::telegram::internal

#endif  // FRONTLINE_LIBS_TELEGRAM_JSON_UTIL_H_
