#include "tools/frontlinectl/bus_submitter.h"

#include <utility>

#include "libs/api/ingest_service.h"
#include "libs/bus/bus.h"
#include "libs/pipeline/raw_documents.h"
#include "libs/pipeline/topics.h"

namespace frontline::ctl {
namespace {

constexpr char kProducer[] = "/frontline/frontlinectl";

class BusSubmitter final : public Submitter {
 public:
  BusSubmitter(std::unique_ptr<bus::Bus> bus, absl::Duration timeout)
      : bus_(std::move(bus)), timeout_(timeout) {}

  ~BusSubmitter() override { Finish().IgnoreError(); }

  absl::Status Submit(v1::RawDocument doc) override {
    counts_.Sent();
    const std::string id = doc.id();
    absl::Status valid =
        pipeline::ValidateRawDocument(doc, api::IngestOptions{}.max_body_bytes);
    if (valid.ok()) {
      valid = bus_->Produce(pipeline::RawDocumentMessage(doc, kProducer),
                            [this, id](const bus::DeliveryReport& report) {
                              if (report.status.ok()) {
                                counts_.Accepted();
                              } else {
                                counts_.Rejected(id, report.status);
                              }
                            });
    }
    if (!valid.ok()) counts_.Rejected(id, std::move(valid));
    return absl::OkStatus();
  }

  absl::Status Finish() override {
    if (finished_) return absl::OkStatus();
    finished_ = true;
    return bus_->Flush(timeout_);
  }

  const SubmitCounts& counts() const override { return counts_; }

 private:
  // Declared before bus_: delivery callbacks may run until bus_ is gone.
  SubmitCounts counts_;
  std::unique_ptr<bus::Bus> bus_;
  const absl::Duration timeout_;
  bool finished_ = false;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Submitter>> OpenBusSubmitter(
    const std::string& uri, absl::Duration timeout) {
  bus::BusOptions options;
  options.client_id = "frontlinectl";
  options.connect_timeout = timeout;
  absl::StatusOr<std::unique_ptr<bus::Bus>> bus = bus::Bus::Open(uri, options);
  if (!bus.ok()) return bus.status();
  if (absl::Status status = pipeline::EnsurePipelineTopics(**bus);
      !status.ok()) {
    return status;
  }
  return std::make_unique<BusSubmitter>(*std::move(bus), timeout);
}

}  // namespace frontline::ctl
