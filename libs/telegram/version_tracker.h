// VersionTracker: numbers the versions of posts as edits are observed, so an
// edit becomes a new version of the same post, never a new post.
#ifndef FRONTLINE_LIBS_TELEGRAM_VERSION_TRACKER_H_
#define FRONTLINE_LIBS_TELEGRAM_VERSION_TRACKER_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace frontline::telegram {

// Holds one entry per post observed (in memory; persistence comes later).
// Not thread-safe.
class VersionTracker {
 public:
  // The version of the post `external_id` as last edited at `edit_date`
  // (nullopt: the original, unedited text):
  //  - the original is version 1;
  //  - an edit not seen before gets the next version; the first edit of a
  //    post whose original was never observed gets 2;
  //  - an edit seen again (same edit_date, e.g. redelivered) keeps its version;
  //  - an edit older than the last one seen keeps the current version.
  uint32_t Observe(absl::string_view external_id,
                   std::optional<absl::Time> edit_date);

  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    uint32_t version = 1;
    std::optional<absl::Time> last_edit;
  };
  absl::flat_hash_map<std::string, Entry> entries_;
};

}  // namespace frontline::telegram

#endif  // FRONTLINE_LIBS_TELEGRAM_VERSION_TRACKER_H_
