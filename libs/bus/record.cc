#include "libs/bus/record.h"

namespace frontline::bus {

std::optional<absl::string_view> FindHeader(const Headers& headers,
                                            absl::string_view key) {
  for (auto it = headers.rbegin(); it != headers.rend(); ++it) {
    if (it->key == key) return absl::string_view(it->value);
  }
  return std::nullopt;
}

size_t MessageBytes(const Message& message) {
  size_t bytes = message.key.size() + message.value.size();
  for (const Header& h : message.headers)
    bytes += h.key.size() + h.value.size();
  return bytes;
}

}  // namespace frontline::bus
