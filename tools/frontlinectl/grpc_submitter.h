// Submitting to frontline.v1.Ingest/SubmitDocuments over one bidi stream:
// documents are written as fast as flow control allows while a reader
// thread counts the in-order acknowledgements.
#ifndef FRONTLINE_TOOLS_FRONTLINECTL_GRPC_SUBMITTER_H_
#define FRONTLINE_TOOLS_FRONTLINECTL_GRPC_SUBMITTER_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "tools/frontlinectl/commands.h"
#include "tools/frontlinectl/submitter.h"

namespace frontline::ctl {

// Connects to global.server as the global flags say (see channel.h) and
// opens the stream. kUnavailable when the server cannot be reached within
// the timeout. Once open, the stream is cancelled when documents are
// outstanding and no acknowledgement arrives for the timeout; Finish then
// returns kDeadlineExceeded.
absl::StatusOr<std::unique_ptr<Submitter>> ConnectIngest(
    const GlobalFlags& global);

}  // namespace frontline::ctl

#endif  // FRONTLINE_TOOLS_FRONTLINECTL_GRPC_SUBMITTER_H_
