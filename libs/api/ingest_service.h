// frontline.v1.Ingest over a Bus: each submitted RawDocument is validated,
// given its deterministic id when it has none, and produced to the raw topic.
// Its acknowledgement is written once the record is durable, in submission
// order; a rejected document gets an error acknowledgement and the stream
// goes on.
#ifndef FRONTLINE_LIBS_API_INGEST_SERVICE_H_
#define FRONTLINE_LIBS_API_INGEST_SERVICE_H_

#include <atomic>
#include <cstdint>

#include "frontline/v1/ingest.grpc.pb.h"
#include "libs/bus/bus.h"

namespace frontline::api {

struct IngestOptions {
  size_t max_body_bytes = 900'000;
  // Documents in flight on one stream before the oldest is waited for.
  size_t window = 256;
  absl::Duration delivery_timeout = absl::Seconds(30);
};

class IngestService final : public v1::Ingest::Service {
 public:
  IngestService(bus::Bus& bus, IngestOptions options = {});

  grpc::Status SubmitDocuments(
      grpc::ServerContext* context,
      grpc::ServerReaderWriter<v1::SubmitDocumentsResponse,
                               v1::SubmitDocumentsRequest>* stream) override;

  uint64_t accepted() const { return accepted_.load(); }
  uint64_t rejected() const { return rejected_.load(); }

 private:
  bus::Bus& bus_;
  const IngestOptions options_;
  std::atomic<uint64_t> accepted_{0};
  std::atomic<uint64_t> rejected_{0};
};

}  // namespace frontline::api

#endif  // FRONTLINE_LIBS_API_INGEST_SERVICE_H_
