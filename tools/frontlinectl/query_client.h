// The client side of frontline.v1.ConflictState for frontlinectl: one
// channel, a deadline of `timeout` on every unary call, list calls that
// follow page tokens up to a limit, and a cache of places by id (export and
// tables ask for the same place many times). Errors are the server's gRPC
// status as an absl::Status, message kept; kUnavailable when the server
// cannot be reached.
#ifndef FRONTLINE_TOOLS_FRONTLINECTL_QUERY_CLIENT_H_
#define FRONTLINE_TOOLS_FRONTLINECTL_QUERY_CLIENT_H_

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "frontline/v1/conflict_state.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "tools/frontlinectl/commands.h"

namespace frontline::ctl {

absl::Status FromGrpc(const grpc::Status& status);

class QueryClient {
 public:
  // Connects as the global flags say (see channel.h); answers are awaited
  // for global.timeout_seconds.
  static absl::StatusOr<std::unique_ptr<QueryClient>> Connect(
      const GlobalFlags& global);

  absl::StatusOr<v1::PlaceState> GetPlace(const std::string& id_or_name);
  // Newest first; at most `limit` events (0: every one), following page
  // tokens. next_page_token is left empty.
  absl::StatusOr<v1::ListEventsResponse> ListEvents(
      const v1::EventFilter& filter, size_t limit);
  absl::StatusOr<v1::GetEventResponse> GetEvent(const std::string& id);
  absl::StatusOr<v1::DocumentVerdict> GetDocument(const std::string& id);
  absl::StatusOr<v1::ListDocumentsResponse> ListDocuments(
      v1::ListDocumentsRequest request, size_t limit);
  absl::StatusOr<v1::Stats> GetStats();

  // The place with id `place_id`, asked of the server once; nullptr when it
  // knows no such place.
  absl::StatusOr<const v1::Place*> PlaceById(const std::string& place_id);
  // The place's name, or `place_id` itself when it cannot be had.
  std::string PlaceName(const std::string& place_id);

  v1::ConflictState::Stub& stub() { return *stub_; }

 private:
  QueryClient(std::shared_ptr<grpc::Channel> channel, absl::Duration timeout);
  void SetDeadline(grpc::ClientContext& context) const;

  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::ConflictState::Stub> stub_;
  absl::Duration timeout_;
  std::map<std::string, std::optional<v1::Place>> places_;
};

}  // namespace frontline::ctl

#endif  // FRONTLINE_TOOLS_FRONTLINECTL_QUERY_CLIENT_H_
