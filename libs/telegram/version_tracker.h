// VersionTracker: numbers the versions of posts as edits are observed, so an
// edit becomes a new version of the same post, never a new post.
#ifndef FRONTLINE_LIBS_TELEGRAM_VERSION_TRACKER_H_
#define FRONTLINE_LIBS_TELEGRAM_VERSION_TRACKER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace frontline::telegram {

// Holds one entry per post observed (in memory; persistence comes later).
// Not thread-safe.
class VersionTracker {
 public:
  // The version of the post `external_id` whose last edit was at `edit_date`
  // (nullopt: the original, unedited text), counting the distinct edit times
  // observed for it:
  //  - the original is always version 1;
  //  - an edit is 1 + the number of distinct edit times observed up to and
  //    including its own, so the first edit seen is 2 even when the original
  //    was never observed, and a redelivered edit keeps its version.
  // Telegram delivers edits in order; an older edit arriving after a newer
  // one gets the lower number and later edits then count one higher.
  uint32_t Observe(absl::string_view external_id,
                   std::optional<absl::Time> edit_date);

  size_t size() const { return edits_.size(); }

 private:
  // Distinct edit times per post, ascending.
  absl::flat_hash_map<std::string, std::vector<absl::Time>> edits_;
};

}  // namespace frontline::telegram

#endif  // FRONTLINE_LIBS_TELEGRAM_VERSION_TRACKER_H_
