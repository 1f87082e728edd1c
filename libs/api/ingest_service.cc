#include "libs/api/ingest_service.h"

#include <deque>
#include <memory>

#include "absl/synchronization/notification.h"
#include "libs/pipeline/raw_documents.h"

namespace frontline::api {
namespace {

struct Pending {
  std::string id;
  absl::Status status;  // set before `done`
  absl::Notification done;
};

}  // namespace

IngestService::IngestService(bus::Bus& bus, IngestOptions options)
    : bus_(bus), options_(options) {}

grpc::Status IngestService::SubmitDocuments(
    grpc::ServerContext* context,
    grpc::ServerReaderWriter<v1::SubmitDocumentsResponse,
                             v1::SubmitDocumentsRequest>* stream) {
  std::deque<std::shared_ptr<Pending>> in_flight;
  uint64_t acknowledged = 0;
  bool writable = true;

  // Writes the oldest acknowledgement, waiting for its delivery if asked.
  auto ack_oldest = [&](bool wait) {
    std::shared_ptr<Pending> oldest = in_flight.front();
    if (wait) {
      if (!oldest->done.WaitForNotificationWithTimeout(
              options_.delivery_timeout)) {
        return false;  // keep it; the stream ends with DEADLINE_EXCEEDED
      }
    } else if (!oldest->done.HasBeenNotified()) {
      return false;
    }
    in_flight.pop_front();
    v1::SubmitDocumentsResponse response;
    response.set_document_id(oldest->id);
    response.set_code(static_cast<int>(oldest->status.code()));
    response.set_message(std::string(oldest->status.message()));
    if (oldest->status.ok()) {
      accepted_.fetch_add(1);
    } else {
      rejected_.fetch_add(1);
    }
    response.set_acknowledged(++acknowledged);
    writable = writable && stream->Write(response);
    return true;
  };

  v1::SubmitDocumentsRequest request;
  while (writable && !context->IsCancelled() && stream->Read(&request)) {
    v1::RawDocument* doc = request.mutable_document();
    auto pending = std::make_shared<Pending>();
    if (doc->id().empty() && !doc->source().id().empty()) {
      doc->set_id(pipeline::RawDocumentId(*doc));
    }
    pending->id = doc->id();
    absl::Status valid =
        pipeline::ValidateRawDocument(*doc, options_.max_body_bytes);
    if (valid.ok()) {
      valid =
          bus_.Produce(pipeline::RawDocumentMessage(*doc, "/frontline/ingest"),
                       [pending](const bus::DeliveryReport& report) {
                         pending->status = report.status;
                         pending->done.Notify();
                       });
    }
    if (!valid.ok()) {
      pending->status = valid;
      pending->done.Notify();
    }
    in_flight.push_back(std::move(pending));
    while (!in_flight.empty() && ack_oldest(false)) {
    }
    if (in_flight.size() >= options_.window && !ack_oldest(true)) {
      return grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED,
                          "documents not durable within the timeout");
    }
  }
  while (!in_flight.empty()) {
    if (!ack_oldest(true)) {
      return grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED,
                          "documents not durable within the timeout");
    }
  }
  if (context->IsCancelled()) {
    return grpc::Status(grpc::StatusCode::CANCELLED, "client cancelled");
  }
  return grpc::Status::OK;
}

}  // namespace frontline::api
