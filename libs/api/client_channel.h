// The client side of ServerOptions' security: a channel to a Frontline
// server, in clear text or TLS (the server's CA, a client certificate for
// mutual TLS) and a bearer token sent on every call. Every client (the
// frontlinectl commands, tests) makes its channels here.
#ifndef FRONTLINE_LIBS_API_CLIENT_CHANNEL_H_
#define FRONTLINE_LIBS_API_CLIENT_CHANNEL_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "grpcpp/grpcpp.h"

namespace frontline::api {

struct ChannelOptions {
  // TLS; implied by any of the files below. Without `tls_ca_file` the
  // server is checked against the system's roots.
  bool tls = false;
  // PEM: the CA that signed the server's certificate.
  std::string tls_ca_file;
  // PEM: the client's certificate and key, for mutual TLS (both or none).
  std::string tls_cert_file;
  std::string tls_key_file;
  // Sent as `authorization: Bearer <token>` on every call; needs TLS.
  std::string bearer_token;
};

// kInvalidArgument naming a file that cannot be read, or when the options
// do not fit together.
absl::StatusOr<std::shared_ptr<grpc::Channel>> MakeChannel(
    const std::string& target, const ChannelOptions& options);

}  // namespace frontline::api

#endif  // FRONTLINE_LIBS_API_CLIENT_CHANNEL_H_
