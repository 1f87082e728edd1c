#include "tools/frontlinectl/grpc_submitter.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <utility>

#include "absl/strings/str_cat.h"
#include "frontline/v1/ingest.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "tools/frontlinectl/channel.h"

namespace frontline::ctl {
namespace {

constexpr auto kWatchdogTick = std::chrono::milliseconds(100);

absl::Status FromGrpc(const grpc::Status& status) {
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      status.error_message());
}

class GrpcSubmitter final : public Submitter {
 public:
  GrpcSubmitter(std::shared_ptr<grpc::Channel> channel, absl::Duration timeout)
      : stub_(v1::Ingest::NewStub(channel)),
        timeout_(absl::ToChronoMilliseconds(timeout)) {
    stream_ = stub_->SubmitDocuments(&context_);
    last_progress_ = std::chrono::steady_clock::now();
    reader_ = std::thread([this] { ReadAcks(); });
    watchdog_ = std::thread([this] { Watch(); });
  }

  ~GrpcSubmitter() override {
    if (!finished_) {
      context_.TryCancel();
      Finish().IgnoreError();
    }
  }

  absl::Status Submit(v1::RawDocument doc) override {
    v1::SubmitDocumentsRequest request;
    *request.mutable_document() = std::move(doc);
    counts_.Sent();
    if (!stream_->Write(request)) {
      return absl::UnavailableError("the server closed the stream");
    }
    return absl::OkStatus();
  }

  absl::Status Finish() override {
    if (finished_) return finish_status_;
    finished_ = true;
    stream_->WritesDone();
    reader_.join();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    wake_.notify_all();
    watchdog_.join();
    grpc::Status status = stream_->Finish();
    if (timed_out_) {
      finish_status_ = absl::DeadlineExceededError(absl::StrCat(
          "no acknowledgement from the server for ", timeout_.count(),
          " ms with ", counts_.outstanding(), " documents outstanding"));
    } else if (!status.ok()) {
      finish_status_ = FromGrpc(status);
    } else if (counts_.outstanding() != 0) {
      finish_status_ = absl::DataLossError(absl::StrCat(
          "the server acknowledged ", counts_.sent() - counts_.outstanding(),
          " of ", counts_.sent(), " documents"));
    }
    return finish_status_;
  }

  const SubmitCounts& counts() const override { return counts_; }

 private:
  void ReadAcks() {
    v1::SubmitDocumentsResponse ack;
    while (stream_->Read(&ack)) {
      if (ack.code() == 0) {
        counts_.Accepted();
      } else {
        counts_.Rejected(ack.document_id(),
                         absl::Status(static_cast<absl::StatusCode>(ack.code()),
                                      ack.message()));
      }
      std::lock_guard<std::mutex> lock(mutex_);
      last_progress_ = std::chrono::steady_clock::now();
    }
  }

  void Watch() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!done_) {
      wake_.wait_for(lock, kWatchdogTick);
      if (done_) break;
      if (counts_.outstanding() == 0) {
        last_progress_ = std::chrono::steady_clock::now();
      } else if (std::chrono::steady_clock::now() - last_progress_ > timeout_) {
        timed_out_ = true;
        context_.TryCancel();
        break;
      }
    }
  }

  std::unique_ptr<v1::Ingest::Stub> stub_;
  const std::chrono::milliseconds timeout_;
  grpc::ClientContext context_;
  std::unique_ptr<grpc::ClientReaderWriter<v1::SubmitDocumentsRequest,
                                           v1::SubmitDocumentsResponse>>
      stream_;
  SubmitCounts counts_;
  std::thread reader_;
  std::thread watchdog_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::chrono::steady_clock::time_point last_progress_;
  bool done_ = false;
  std::atomic<bool> timed_out_{false};
  bool finished_ = false;
  absl::Status finish_status_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Submitter>> ConnectIngest(
    const GlobalFlags& global) {
  auto channel = ConnectChannel(global);
  if (!channel.ok()) return channel.status();
  return std::make_unique<GrpcSubmitter>(*std::move(channel),
                                         absl::Seconds(global.timeout_seconds));
}

}  // namespace frontline::ctl
