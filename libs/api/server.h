// The gRPC server every Frontline process exposes: the given services plus
// grpc.health.v1 and server reflection, with message-size limits, HTTP/2
// limits (metadata size, streams per connection, keepalive enforcement)
// and, optionally, TLS, mutual TLS and a bearer token.
#ifndef FRONTLINE_LIBS_API_SERVER_H_
#define FRONTLINE_LIBS_API_SERVER_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"

namespace frontline::api {

struct ServerOptions {
  // HOST:PORT; port 0 picks a free one (see Server::port).
  std::string listen = "127.0.0.1:7600";
  int max_receive_message_bytes = 4 << 20;
  int max_send_message_bytes = 16 << 20;

  // TLS when both are set (PEM files): the certificate chain and its key.
  std::string tls_cert_file;
  std::string tls_key_file;
  // Mutual TLS: clients must present a certificate signed by this CA (PEM).
  // Needs TLS.
  std::string tls_client_ca_file;
  // When set (directly, or read from the file, trailing whitespace
  // dropped), every call must carry `authorization: Bearer <token>` except
  // those of grpc.health.v1.Health, so probes need no secret. Needs TLS:
  // a token in clear text is as good as none. The caller reads
  // FRONTLINE_API_TOKEN from the environment.
  std::string bearer_token;
  std::string bearer_token_file;

  // Largest header block (request metadata) accepted.
  int max_metadata_bytes = 16 << 10;
  // Clients pinging more often than this without data are sent GOAWAY.
  int min_recv_ping_interval_without_data_ms = 60000;
  // Whether clients may send keepalive pings with no call in flight.
  bool keepalive_permit_without_calls = false;
  // Concurrent calls (HTTP/2 streams) per connection.
  int max_concurrent_streams = 100;
};

// The metadata key and scheme clients send the token with.
inline constexpr char kAuthorizationHeader[] = "authorization";
inline constexpr char kBearerPrefix[] = "Bearer ";

// Equality whose running time depends only on the length of `expected`.
bool ConstantTimeEquals(absl::string_view given, absl::string_view expected);

// The token of a token file: its content without trailing whitespace.
// kInvalidArgument naming the file when it cannot be read or is empty.
absl::StatusOr<std::string> ReadTokenFile(const std::string& path);

class Server {
 public:
  // Services must outlive the server. kInvalidArgument when the TLS or
  // token options are inconsistent or a file cannot be read (naming it);
  // kUnavailable when the address cannot be bound.
  static absl::StatusOr<std::unique_ptr<Server>> Start(
      const ServerOptions& options,
      const std::vector<grpc::Service*>& services);
  ~Server();

  int port() const { return port_; }
  // What grpc.health.v1 answers for `service` (a full service name, e.g.
  // for readiness). The whole server ("") stays SERVING while it runs, for
  // liveness probes.
  void SetServing(const std::string& service, bool serving);
  // Stops accepting calls and waits up to `grace` for running ones.
  void Shutdown(absl::Duration grace = absl::Seconds(5));
  void Wait();

 private:
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
};

}  // namespace frontline::api

#endif  // FRONTLINE_LIBS_API_SERVER_H_
