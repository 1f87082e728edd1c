#include "libs/ingest/item_versions.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace frontline::ingest {

std::string ItemVersions::Key(absl::string_view external_id) const {
  return absl::StrCat("item/", source_id_, "\n", external_id);
}

absl::StatusOr<uint32_t> ItemVersions::VersionFor(
    absl::string_view external_id, absl::string_view content_hash) {
  const std::string key = Key(external_id);
  std::optional<std::string> last;
  if (auto it = pending_.find(key); it != pending_.end()) {
    last = it->second;
  } else {
    auto stored = store_.Get(key);
    if (!stored.ok()) return stored.status();
    last = *stored;
  }
  uint32_t version = 1;
  if (last.has_value()) {
    const size_t tab = last->find('\t');
    uint32_t previous = 0;
    if (tab == std::string::npos ||
        !absl::SimpleAtoi(absl::string_view(*last).substr(0, tab), &previous)) {
      return absl::DataLossError(
          absl::StrCat("ingest state: unreadable entry for ", external_id));
    }
    if (absl::string_view(*last).substr(tab + 1) == content_hash) return 0;
    version = previous + 1;
  }
  pending_[key] = absl::StrCat(version, "\t", content_hash);
  return version;
}

StateUpdates ItemVersions::TakeUpdates() {
  StateUpdates updates(pending_.begin(), pending_.end());
  pending_.clear();
  return updates;
}

}  // namespace frontline::ingest
