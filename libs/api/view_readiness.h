// What a process holding a view reports as the view folds the events topic:
// consumer_lag{stage="state"} per partition, and readiness: the
// frontline.v1.ConflictState health status is NOT_SERVING until the view is
// within `max_lag` records of the topic's end (a replica rebuilding or far
// behind sends no stale answers), SERVING from then on while it stays there.
#ifndef FRONTLINE_LIBS_API_VIEW_READINESS_H_
#define FRONTLINE_LIBS_API_VIEW_READINESS_H_

#include <cstdint>
#include <functional>
#include <vector>

#include "libs/api/server.h"
#include "libs/bus/bus.h"

namespace frontline::api {

// The health service name readiness probes ask for.
const char* ReadinessServiceName();

// Marks the server NOT_SERVING for ReadinessServiceName() and returns the
// StateUpdater progress callback that moves it. `log_progress` logs the
// records left every few seconds while not ready (rebuilds).
std::function<void(const std::vector<bus::PartitionLag>&)> StateProgress(
    Server& server, int64_t max_lag, bool log_progress);

}  // namespace frontline::api

#endif  // FRONTLINE_LIBS_API_VIEW_READINESS_H_
