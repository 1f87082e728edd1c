#include "tools/frontlinectl/submitter.h"

#include <utility>

namespace frontline::ctl {

void SubmitCounts::Rejected(std::string document_id, absl::Status status) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (rejections_.size() < kMaxRejections) {
      rejections_.push_back({std::move(document_id), std::move(status)});
    }
  }
  rejected_.fetch_add(1);
}

std::vector<Rejection> SubmitCounts::rejections() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return rejections_;
}

}  // namespace frontline::ctl
