#include "libs/api/conflict_state_service.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace frontline::api {

grpc::Status ToGrpc(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()),
                      std::string(status.message()));
}

namespace {

template <typename T>
grpc::Status Fill(absl::StatusOr<T> result, T* out) {
  if (!result.ok()) return ToGrpc(result.status());
  *out = *std::move(result);
  return grpc::Status::OK;
}

constexpr int32_t kMaxPage = 1000;

grpc::Status CheckPageSize(int32_t size) {
  if (size < 0 || size > kMaxPage) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        absl::StrCat("page_size must be 0..", kMaxPage));
  }
  return grpc::Status::OK;
}

}  // namespace

ConflictStateService::ConflictStateService(state::StateView& view,
                                           bus::Bus* bus)
    : view_(view), bus_(bus) {}

grpc::Status ConflictStateService::GetPlace(grpc::ServerContext*,
                                            const v1::GetPlaceRequest* request,
                                            v1::PlaceState* response) {
  if (request->name().empty()) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "name is required");
  }
  return Fill(view_.GetPlace(request->name()), response);
}

grpc::Status ConflictStateService::ListPlaces(
    grpc::ServerContext*, const v1::ListPlacesRequest* request,
    v1::ListPlacesResponse* response) {
  if (auto s = CheckPageSize(request->page_size()); !s.ok()) return s;
  return Fill(view_.ListPlaces(*request), response);
}

grpc::Status ConflictStateService::ListEvents(
    grpc::ServerContext*, const v1::ListEventsRequest* request,
    v1::ListEventsResponse* response) {
  if (auto s = CheckPageSize(request->page_size()); !s.ok()) return s;
  return Fill(
      view_.ListEvents(request->filter(), {.size = request->page_size(),
                                           .token = request->page_token()}),
      response);
}

grpc::Status ConflictStateService::GetEvent(grpc::ServerContext*,
                                            const v1::GetEventRequest* request,
                                            v1::GetEventResponse* response) {
  return Fill(view_.GetEvent(request->id()), response);
}

grpc::Status ConflictStateService::WatchEvents(
    grpc::ServerContext* context, const v1::WatchEventsRequest* request,
    grpc::ServerWriter<v1::WatchEventsResponse>* writer) {
  uint64_t after = view_.LastSequence();
  if (!request->resume_token().empty() &&
      !absl::SimpleAtoi(request->resume_token(), &after)) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "resume_token is not one this server gave");
  }
  v1::EventFilter filter = request->filter();
  if (!filter.place().empty()) {
    auto place = view_.GetPlace(filter.place(), 0);
    if (!place.ok()) return ToGrpc(place.status());
    filter.set_place(place->place().id());
  }
  while (!context->IsCancelled()) {
    auto events = view_.EventsAfter(after, 100, absl::Milliseconds(500));
    if (!events.ok()) return ToGrpc(events.status());
    for (auto& [seq, event] : *events) {
      after = seq;
      if (!state::StateView::Matches(event, filter)) continue;
      v1::WatchEventsResponse response;
      *response.mutable_event() = std::move(event);
      response.set_resume_token(absl::StrCat(seq));
      if (!writer->Write(response)) return grpc::Status::OK;  // gone
    }
  }
  return grpc::Status(grpc::StatusCode::CANCELLED, "watch ended");
}

grpc::Status ConflictStateService::GetDocument(
    grpc::ServerContext*, const v1::GetDocumentRequest* request,
    v1::DocumentVerdict* response) {
  return Fill(view_.GetDocument(request->id()), response);
}

grpc::Status ConflictStateService::ListDocuments(
    grpc::ServerContext*, const v1::ListDocumentsRequest* request,
    v1::ListDocumentsResponse* response) {
  if (auto s = CheckPageSize(request->page_size()); !s.ok()) return s;
  return Fill(view_.ListDocuments(*request), response);
}

grpc::Status ConflictStateService::GetStats(grpc::ServerContext*,
                                            const v1::GetStatsRequest*,
                                            v1::Stats* response) {
  auto stats = view_.GetStats();
  if (!stats.ok()) return ToGrpc(stats.status());
  *response = *std::move(stats);
  if (bus_ == nullptr) return grpc::Status::OK;
  auto offsets = view_.Offsets("events");
  auto partitions = bus_->PartitionCount("events");
  if (!offsets.ok() || !partitions.ok()) return grpc::Status::OK;
  for (int32_t p = 0; p < *partitions; ++p) {
    v1::PartitionLag* lag = response->add_lag();
    lag->set_topic("events");
    lag->set_partition(p);
    auto it = offsets->find(p);
    lag->set_applied_offset(it == offsets->end() ? 0 : it->second);
    if (auto marks = bus_->Watermarks({"events", p}); marks.ok()) {
      lag->set_end_offset(marks->second);
    }
  }
  return grpc::Status::OK;
}

}  // namespace frontline::api
