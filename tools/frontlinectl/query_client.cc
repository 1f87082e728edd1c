#include "tools/frontlinectl/query_client.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "tools/frontlinectl/channel.h"

namespace frontline::ctl {
namespace {

// The largest page the server accepts. Every page is asked at this size
// and cut to the limit here: the server's page tokens are raw index keys
// that protobuf refuses to serialize as a string (not UTF-8), so a call
// whose page ends before the matches do fails. Large pages make that rare.
constexpr int32_t kMaxPage = 1000;

// Asks for no more than the caller still wants.
int32_t PageSize(size_t limit, int have) {
  if (limit == 0) return kMaxPage;
  return static_cast<int32_t>(
      std::clamp<size_t>(limit - std::min<size_t>(limit, have), 1, kMaxPage));
}

}  // namespace

absl::Status FromGrpc(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      status.error_message());
}

absl::StatusOr<std::unique_ptr<QueryClient>> QueryClient::Connect(
    const GlobalFlags& global) {
  auto channel = ConnectChannel(global);
  if (!channel.ok()) return channel.status();
  return std::unique_ptr<QueryClient>(new QueryClient(
      *std::move(channel), absl::Seconds(global.timeout_seconds)));
}

QueryClient::QueryClient(std::shared_ptr<grpc::Channel> channel,
                         absl::Duration timeout)
    : channel_(channel),
      stub_(v1::ConflictState::NewStub(channel)),
      timeout_(timeout) {}

void QueryClient::SetDeadline(grpc::ClientContext& context) const {
  context.set_deadline(absl::ToChronoTime(absl::Now() + timeout_));
}

absl::StatusOr<v1::PlaceState> QueryClient::GetPlace(
    const std::string& id_or_name) {
  grpc::ClientContext context;
  SetDeadline(context);
  v1::GetPlaceRequest request;
  request.set_name(id_or_name);
  v1::PlaceState response;
  if (auto s = FromGrpc(stub_->GetPlace(&context, request, &response));
      !s.ok()) {
    return s;
  }
  return response;
}

absl::StatusOr<v1::ListEventsResponse> QueryClient::ListEvents(
    const v1::EventFilter& filter, size_t limit) {
  v1::ListEventsResponse all;
  v1::ListEventsRequest request;
  *request.mutable_filter() = filter;
  while (true) {
    request.set_page_size(PageSize(limit, all.events_size()));
    grpc::ClientContext context;
    SetDeadline(context);
    v1::ListEventsResponse page;
    if (auto s = FromGrpc(stub_->ListEvents(&context, request, &page));
        !s.ok()) {
      return s;
    }
    for (v1::Event& event : *page.mutable_events()) {
      if (limit != 0 && static_cast<size_t>(all.events_size()) >= limit) {
        return all;
      }
      *all.add_events() = std::move(event);
    }
    if (page.next_page_token().empty() ||
        page.next_page_token() == request.page_token()) {
      return all;
    }
    request.set_page_token(page.next_page_token());
  }
}

absl::StatusOr<v1::GetEventResponse> QueryClient::GetEvent(
    const std::string& id) {
  grpc::ClientContext context;
  SetDeadline(context);
  v1::GetEventRequest request;
  request.set_id(id);
  v1::GetEventResponse response;
  if (auto s = FromGrpc(stub_->GetEvent(&context, request, &response));
      !s.ok()) {
    return s;
  }
  return response;
}

absl::StatusOr<v1::DocumentVerdict> QueryClient::GetDocument(
    const std::string& id) {
  grpc::ClientContext context;
  SetDeadline(context);
  v1::GetDocumentRequest request;
  request.set_id(id);
  v1::DocumentVerdict response;
  if (auto s = FromGrpc(stub_->GetDocument(&context, request, &response));
      !s.ok()) {
    return s;
  }
  return response;
}

absl::StatusOr<v1::ListDocumentsResponse> QueryClient::ListDocuments(
    v1::ListDocumentsRequest request, size_t limit) {
  v1::ListDocumentsResponse all;
  while (true) {
    request.set_page_size(PageSize(limit, all.documents_size()));
    grpc::ClientContext context;
    SetDeadline(context);
    v1::ListDocumentsResponse page;
    if (auto s = FromGrpc(stub_->ListDocuments(&context, request, &page));
        !s.ok()) {
      return s;
    }
    for (v1::DocumentVerdict& doc : *page.mutable_documents()) {
      if (limit != 0 && static_cast<size_t>(all.documents_size()) >= limit) {
        return all;
      }
      *all.add_documents() = std::move(doc);
    }
    if (page.next_page_token().empty() ||
        page.next_page_token() == request.page_token()) {
      return all;
    }
    request.set_page_token(page.next_page_token());
  }
}

absl::StatusOr<v1::Stats> QueryClient::GetStats() {
  grpc::ClientContext context;
  SetDeadline(context);
  v1::Stats response;
  if (auto s = FromGrpc(stub_->GetStats(&context, {}, &response)); !s.ok()) {
    return s;
  }
  return response;
}

absl::StatusOr<const v1::Place*> QueryClient::PlaceById(
    const std::string& place_id) {
  auto it = places_.find(place_id);
  if (it == places_.end()) {
    std::optional<v1::Place> place;
    if (!place_id.empty()) {
      auto state = GetPlace(place_id);
      if (state.ok()) {
        place = state->place();
      } else if (!absl::IsNotFound(state.status())) {
        return state.status();
      }
    }
    it = places_.emplace(place_id, std::move(place)).first;
  }
  return it->second ? &*it->second : nullptr;
}

std::string QueryClient::PlaceName(const std::string& place_id) {
  auto place = PlaceById(place_id);
  if (!place.ok() || *place == nullptr || (*place)->name().empty()) {
    return place_id;
  }
  return (*place)->name();
}

}  // namespace frontline::ctl
