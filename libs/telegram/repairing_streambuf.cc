#include "libs/telegram/repairing_streambuf.h"

#include <utility>

namespace frontline::telegram::internal {

RepairingStreambuf::RepairingStreambuf(std::istream& source,
                                       int64_t progress_interval,
                                       std::function<void(int64_t)> on_progress)
    : source_(source),
      raw_(kChunkBytes, '\0'),
      progress_interval_(progress_interval > 0 ? progress_interval : 1),
      next_progress_(progress_interval_),
      on_progress_(std::move(on_progress)) {
  setg(buffer_.data(), buffer_.data(), buffer_.data());
}

RepairingStreambuf::int_type RepairingStreambuf::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  delivered_before_ += static_cast<int64_t>(egptr() - eback());
  buffer_.clear();
  setg(buffer_.data(), buffer_.data(), buffer_.data());
  if (limit_bytes_ >= 0 && delivered_before_ - limit_mark_ > limit_bytes_) {
    limit_hit_ = true;
    return traits_type::eof();
  }
  while (buffer_.empty() && !source_done_) {
    source_.read(raw_.data(), static_cast<std::streamsize>(raw_.size()));
    const std::streamsize got = source_.gcount();
    if (got <= 0) {
      source_done_ = true;
      repairer_.Finish(buffer_);
      break;
    }
    bytes_read_ += got;
    repairer_.Append(absl::string_view(raw_.data(), static_cast<size_t>(got)),
                     buffer_);
    if (on_progress_ && bytes_read_ >= next_progress_) {
      on_progress_(bytes_read_);
      next_progress_ =
          (bytes_read_ / progress_interval_ + 1) * progress_interval_;
    }
  }
  if (buffer_.empty()) return traits_type::eof();
  setg(buffer_.data(), buffer_.data(), buffer_.data() + buffer_.size());
  return traits_type::to_int_type(*gptr());
}

void RepairingStreambuf::ReportFinalProgress() {
  if (on_progress_) on_progress_(bytes_read_);
}

}  // namespace frontline::telegram::internal
