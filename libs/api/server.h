// The gRPC server every Frontline process exposes: the given services plus
// grpc.health.v1 and server reflection, with message-size limits.
#ifndef FRONTLINE_LIBS_API_SERVER_H_
#define FRONTLINE_LIBS_API_SERVER_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "grpcpp/grpcpp.h"

namespace frontline::api {

struct ServerOptions {
  // HOST:PORT; port 0 picks a free one (see Server::port).
  std::string listen = "127.0.0.1:7600";
  int max_receive_message_bytes = 4 << 20;
  int max_send_message_bytes = 16 << 20;
};

class Server {
 public:
  // Services must outlive the server. kUnavailable when the address cannot
  // be bound.
  static absl::StatusOr<std::unique_ptr<Server>> Start(
      const ServerOptions& options,
      const std::vector<grpc::Service*>& services);
  ~Server();

  int port() const { return port_; }
  // Stops accepting calls and waits up to `grace` for running ones.
  void Shutdown(absl::Duration grace = absl::Seconds(5));
  void Wait();

 private:
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
};

}  // namespace frontline::api

#endif  // FRONTLINE_LIBS_API_SERVER_H_
