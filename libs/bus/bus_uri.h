// Parsing of bus URIs: "kafka://host:port[,host:port...]" and "local:DIR".
#ifndef FRONTLINE_LIBS_BUS_BUS_URI_H_
#define FRONTLINE_LIBS_BUS_BUS_URI_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace frontline::bus {

struct BusUri {
  enum class Engine { kKafka, kLocal };
  Engine engine = Engine::kLocal;
  // kafka: "host:port" entries, in the order given.
  std::vector<std::string> brokers;
  // local: the directory of the log.
  std::string directory;
};

// kInvalidArgument, naming what is wrong, for anything else.
absl::StatusOr<BusUri> ParseBusUri(absl::string_view uri);

}  // namespace frontline::bus

#endif  // FRONTLINE_LIBS_BUS_BUS_URI_H_
