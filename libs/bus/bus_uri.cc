#include "libs/bus/bus_uri.h"

#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace frontline::bus {
namespace {

absl::Status CheckBroker(absl::string_view broker) {
  const size_t colon = broker.rfind(':');
  if (colon == absl::string_view::npos || colon == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("bus URI: broker \"", broker, "\" is not host:port"));
  }
  absl::string_view host = broker.substr(0, colon);
  if (host.front() == '[' && host.back() != ']') {
    return absl::InvalidArgumentError(absl::StrCat(
        "bus URI: broker \"", broker, "\" has a broken IPv6 host"));
  }
  for (char c : host) {
    if (!absl::ascii_isalnum(c) && c != '.' && c != '-' && c != '_' &&
        c != ':' && c != '[' && c != ']') {
      return absl::InvalidArgumentError(absl::StrCat(
          "bus URI: broker host \"", host, "\" has an invalid character"));
    }
  }
  uint32_t port = 0;
  if (!absl::SimpleAtoi(broker.substr(colon + 1), &port) || port == 0 ||
      port > 65535) {
    return absl::InvalidArgumentError(
        absl::StrCat("bus URI: broker \"", broker, "\" has no valid port"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<BusUri> ParseBusUri(absl::string_view uri) {
  constexpr absl::string_view kKafka = "kafka://";
  constexpr absl::string_view kLocal = "local:";
  BusUri parsed;
  if (absl::StartsWith(uri, kKafka)) {
    parsed.engine = BusUri::Engine::kKafka;
    absl::string_view list = uri.substr(kKafka.size());
    if (list.empty()) {
      return absl::InvalidArgumentError(
          "bus URI: kafka:// needs at least one host:port");
    }
    for (absl::string_view broker : absl::StrSplit(list, ',')) {
      if (absl::Status s = CheckBroker(broker); !s.ok()) return s;
      parsed.brokers.emplace_back(broker);
    }
    return parsed;
  }
  if (absl::StartsWith(uri, kLocal)) {
    parsed.engine = BusUri::Engine::kLocal;
    absl::string_view dir = uri.substr(kLocal.size());
    if (absl::StartsWith(dir, "//")) dir.remove_prefix(2);
    if (dir.empty()) {
      return absl::InvalidArgumentError("bus URI: local: needs a directory");
    }
    if (dir.find('\0') != absl::string_view::npos) {
      return absl::InvalidArgumentError("bus URI: directory contains NUL");
    }
    parsed.directory = std::string(dir);
    return parsed;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("bus URI \"", uri,
                   "\": expected kafka://host:port[,host:port] or local:DIR"));
}

}  // namespace frontline::bus
