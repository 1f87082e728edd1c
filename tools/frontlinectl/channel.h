// Every connection frontlinectl makes to a server: the address, TLS, the
// client certificate and the bearer token of the global flags, and the
// wait for the connection.
#ifndef FRONTLINE_TOOLS_FRONTLINECTL_CHANNEL_H_
#define FRONTLINE_TOOLS_FRONTLINECTL_CHANNEL_H_

#include <memory>

#include "absl/status/statusor.h"
#include "grpcpp/grpcpp.h"
#include "libs/api/client_channel.h"
#include "tools/frontlinectl/commands.h"

namespace frontline::ctl {

// The token is read from --token-file, or else FRONTLINE_API_TOKEN when set.
// kInvalidArgument when a file cannot be read.
absl::StatusOr<api::ChannelOptions> ChannelOptionsFor(
    const GlobalFlags& global);

// A channel to global.server, connected within global.timeout_seconds;
// kUnavailable otherwise (a TLS handshake that fails looks the same).
absl::StatusOr<std::shared_ptr<grpc::Channel>> ConnectChannel(
    const GlobalFlags& global);

}  // namespace frontline::ctl

#endif  // FRONTLINE_TOOLS_FRONTLINECTL_CHANNEL_H_
