// ChannelCursor: what is known about one channel's message ids, for resuming
// a read and accounting for posts never seen (deleted at the source, or
// missed). Pure value type; persistence comes later.
#ifndef FRONTLINE_LIBS_TELEGRAM_CHANNEL_CURSOR_H_
#define FRONTLINE_LIBS_TELEGRAM_CHANNEL_CURSOR_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace frontline::telegram {

// A gap: ids first..last (inclusive) were never observed.
struct IdRange {
  int64_t first = 0;
  int64_t last = 0;

  int64_t size() const { return last - first + 1; }
  bool operator==(const IdRange&) const = default;
};

// Records the message ids seen for a channel, in any order and with
// repeats (paging backwards, redelivery, a late post filling a hole).
// Telegram numbers a channel's posts 1, 2, 3, ...; every id between the
// smallest and the largest seen that was never observed is a gap. Ids below
// the first one seen are history not read, not gaps. Memory grows with the
// number of gaps, not of ids. Copyable; not thread-safe.
class ChannelCursor {
 public:
  // Ids <= 0 are ignored (not Telegram message ids).
  void Observe(int64_t message_id);

  bool empty() const { return seen_.empty(); }
  // Largest id seen; 0 when none.
  int64_t last_id() const;
  // Smallest id seen; 0 when none.
  int64_t first_id() const;
  // Distinct ids seen.
  int64_t seen_count() const { return seen_count_; }
  // Ids never seen between first_id() and last_id().
  int64_t gap_count() const;
  // The gaps in increasing order.
  std::vector<IdRange> gaps() const;
  // The ids of the gaps in increasing order, at most `limit` of them.
  std::vector<int64_t> MissingIds(size_t limit) const;

  // A compact text form of the ids seen ("1-40,42-97"), and back.
  std::string Encode() const;
  static absl::StatusOr<ChannelCursor> Decode(absl::string_view encoded);

  bool operator==(const ChannelCursor&) const = default;

 private:
  // Disjoint, non-adjacent runs of seen ids: first -> last.
  std::map<int64_t, int64_t> seen_;
  int64_t seen_count_ = 0;
};

}  // namespace frontline::telegram

#endif  // FRONTLINE_LIBS_TELEGRAM_CHANNEL_CURSOR_H_
