#include "libs/telegram/version_tracker.h"

#include <algorithm>

namespace frontline::telegram {

uint32_t VersionTracker::Observe(absl::string_view external_id,
                                 std::optional<absl::Time> edit_date) {
  std::vector<absl::Time>& edits = edits_[external_id];
  if (!edit_date) return 1;
  auto it = std::lower_bound(edits.begin(), edits.end(), *edit_date);
  if (it == edits.end() || *it != *edit_date) {
    it = edits.insert(it, *edit_date);
  }
  return static_cast<uint32_t>(2 + (it - edits.begin()));
}

}  // namespace frontline::telegram
