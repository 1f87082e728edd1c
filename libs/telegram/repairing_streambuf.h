// Internal to frontline_telegram: a read-only streambuf over another stream
// that repairs UTF-8 on the fly, counts bytes, reports progress and can cap
// how far a reader gets past a mark. Not a public header.
#ifndef FRONTLINE_LIBS_TELEGRAM_REPAIRING_STREAMBUF_H_
#define FRONTLINE_LIBS_TELEGRAM_REPAIRING_STREAMBUF_H_

#include <cstdint>
#include <functional>
#include <istream>
#include <streambuf>
#include <string>

#include "libs/telegram/utf8.h"

namespace frontline::telegram::internal {

class RepairingStreambuf : public std::streambuf {
 public:
  static constexpr size_t kChunkBytes = 64 << 10;

  // `source` must outlive this object. `on_progress` may be empty.
  RepairingStreambuf(std::istream& source, int64_t progress_interval,
                     std::function<void(int64_t)> on_progress);

  // Bytes (after repair) handed to the reader so far.
  int64_t position() const {
    return delivered_before_ + static_cast<int64_t>(gptr() - eback());
  }
  // Bytes taken from the source so far.
  int64_t bytes_read() const { return bytes_read_; }
  int64_t replacements() const { return repairer_.replacements(); }

  // From now on, report end of input once position() passes mark + limit
  // (checked per chunk) and set limit_hit(). ClearLimit() lifts it.
  void SetLimit(int64_t mark, int64_t limit) {
    limit_mark_ = mark;
    limit_bytes_ = limit;
  }
  void ClearLimit() { limit_bytes_ = -1; }
  bool limit_hit() const { return limit_hit_; }

  // Runs the progress callback with the final count.
  void ReportFinalProgress();

 protected:
  int_type underflow() override;

 private:
  std::istream& source_;
  Utf8Repairer repairer_;
  std::string raw_;
  std::string buffer_;
  int64_t delivered_before_ = 0;
  int64_t bytes_read_ = 0;
  bool source_done_ = false;
  int64_t limit_mark_ = 0;
  int64_t limit_bytes_ = -1;
  bool limit_hit_ = false;
  int64_t progress_interval_;
  int64_t next_progress_;
  std::function<void(int64_t)> on_progress_;
};

}  // namespace frontline::telegram::internal

#endif  // FRONTLINE_LIBS_TELEGRAM_REPAIRING_STREAMBUF_H_
