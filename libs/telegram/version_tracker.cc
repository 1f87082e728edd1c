#include "libs/telegram/version_tracker.h"

namespace frontline::telegram {

uint32_t VersionTracker::Observe(absl::string_view external_id,
                                 std::optional<absl::Time> edit_date) {
  auto [it, inserted] = entries_.try_emplace(std::string(external_id));
  Entry& entry = it->second;
  if (!edit_date) return entry.version;
  if (inserted) {
    entry.version = 2;
    entry.last_edit = edit_date;
    return entry.version;
  }
  if (!entry.last_edit || *edit_date > *entry.last_edit) {
    ++entry.version;
    entry.last_edit = edit_date;
  }
  return entry.version;
}

}  // namespace frontline::telegram
