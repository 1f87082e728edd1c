// The embedded engine: Bus over a LocalLog (see local_log.h).
#ifndef FRONTLINE_LIBS_BUS_LOCAL_BUS_H_
#define FRONTLINE_LIBS_BUS_LOCAL_BUS_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "libs/bus/bus.h"

namespace frontline::bus {

// kFailedPrecondition when the directory is unusable or locked by another
// process.
absl::StatusOr<std::unique_ptr<Bus>> OpenLocalBus(const std::string& directory,
                                                  const BusOptions& options);

// Test hook: produces to `topic` on the local bus at `directory` fail with
// `status` until called again with OK. No effect on another engine.
void SetLocalProduceFaultForTesting(Bus& bus, const std::string& topic,
                                    absl::Status status);

}  // namespace frontline::bus

#endif  // FRONTLINE_LIBS_BUS_LOCAL_BUS_H_
