// Submitting straight onto the raw topic of a bus, as the Ingest service
// would: each document is validated, produced as a RawDocumentMessage and
// counted when its delivery report arrives.
#ifndef FRONTLINE_TOOLS_FRONTLINECTL_BUS_SUBMITTER_H_
#define FRONTLINE_TOOLS_FRONTLINECTL_BUS_SUBMITTER_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "tools/frontlinectl/submitter.h"

namespace frontline::ctl {

// Opens the bus at `uri` and ensures the pipeline topics exist. Finish
// flushes, failing with kDeadlineExceeded past `timeout`.
absl::StatusOr<std::unique_ptr<Submitter>> OpenBusSubmitter(
    const std::string& uri, absl::Duration timeout);

}  // namespace frontline::ctl

#endif  // FRONTLINE_TOOLS_FRONTLINECTL_BUS_SUBMITTER_H_
