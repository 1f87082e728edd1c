// Where `frontlinectl ingest` sends documents: the server's Ingest service
// or a bus directly. Both keep many documents in flight and count each
// document's outcome as it becomes durable or is refused.
#ifndef FRONTLINE_TOOLS_FRONTLINECTL_SUBMITTER_H_
#define FRONTLINE_TOOLS_FRONTLINECTL_SUBMITTER_H_

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "frontline/v1/raw_document.pb.h"

namespace frontline::ctl {

struct Rejection {
  std::string document_id;
  absl::Status status;
};

// Outcomes so far; updated from the submitter's threads, read from any.
class SubmitCounts {
 public:
  void Sent() { sent_.fetch_add(1); }
  void Accepted() { accepted_.fetch_add(1); }
  // Keeps the first kMaxRejections reasons.
  void Rejected(std::string document_id, absl::Status status);

  int64_t sent() const { return sent_.load(); }
  int64_t accepted() const { return accepted_.load(); }
  int64_t rejected() const { return rejected_.load(); }
  int64_t outstanding() const { return sent() - accepted() - rejected(); }
  std::vector<Rejection> rejections() const;

  static constexpr size_t kMaxRejections = 20;

 private:
  std::atomic<int64_t> sent_{0};
  std::atomic<int64_t> accepted_{0};
  std::atomic<int64_t> rejected_{0};
  mutable std::mutex mutex_;
  std::vector<Rejection> rejections_;
};

class Submitter {
 public:
  virtual ~Submitter() = default;
  // Queues `doc` and returns without waiting for its outcome. An error means
  // the destination is gone: stop submitting and call Finish for the cause.
  virtual absl::Status Submit(v1::RawDocument doc) = 0;
  // Waits for the outcome of every document submitted. OK when each is
  // accounted for (accepted or rejected); otherwise why some are not.
  virtual absl::Status Finish() = 0;
  virtual const SubmitCounts& counts() const = 0;
};

}  // namespace frontline::ctl

#endif  // FRONTLINE_TOOLS_FRONTLINECTL_SUBMITTER_H_
