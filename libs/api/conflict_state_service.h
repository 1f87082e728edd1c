// frontline.v1.ConflictState over a StateView: place, event and document
// queries, paged, and WatchEvents, a server stream of applied events matching
// a filter, resumable from the last resume_token received (the view's apply
// sequence). Errors map to gRPC codes: NOT_FOUND, INVALID_ARGUMENT, ...
#ifndef FRONTLINE_LIBS_API_CONFLICT_STATE_SERVICE_H_
#define FRONTLINE_LIBS_API_CONFLICT_STATE_SERVICE_H_

#include <functional>

#include "frontline/v1/conflict_state.grpc.pb.h"
#include "libs/bus/bus.h"
#include "libs/state/state_view.h"

namespace frontline::api {

// The gRPC status for an absl::Status, message kept.
grpc::Status ToGrpc(const absl::Status& status);

class ConflictStateService final : public v1::ConflictState::Service {
 public:
  // `bus` (may be null) lets GetStats report lag on the events topic.
  ConflictStateService(state::StateView& view, bus::Bus* bus = nullptr);

  grpc::Status GetPlace(grpc::ServerContext*, const v1::GetPlaceRequest*,
                        v1::PlaceState*) override;
  grpc::Status ListPlaces(grpc::ServerContext*, const v1::ListPlacesRequest*,
                          v1::ListPlacesResponse*) override;
  grpc::Status ListEvents(grpc::ServerContext*, const v1::ListEventsRequest*,
                          v1::ListEventsResponse*) override;
  grpc::Status GetEvent(grpc::ServerContext*, const v1::GetEventRequest*,
                        v1::GetEventResponse*) override;
  grpc::Status WatchEvents(
      grpc::ServerContext*, const v1::WatchEventsRequest*,
      grpc::ServerWriter<v1::WatchEventsResponse>*) override;
  grpc::Status GetDocument(grpc::ServerContext*, const v1::GetDocumentRequest*,
                           v1::DocumentVerdict*) override;
  grpc::Status ListDocuments(grpc::ServerContext*,
                             const v1::ListDocumentsRequest*,
                             v1::ListDocumentsResponse*) override;
  grpc::Status GetStats(grpc::ServerContext*, const v1::GetStatsRequest*,
                        v1::Stats*) override;

 private:
  state::StateView& view_;
  bus::Bus* bus_;
};

}  // namespace frontline::api

#endif  // FRONTLINE_LIBS_API_CONFLICT_STATE_SERVICE_H_
