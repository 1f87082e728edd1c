// Which items are new, which are edits of items seen before, and which were
// seen already: the memory that keeps an ingester from emitting an item
// twice and lets it number edits. Keyed by (source id, external id); the
// value is the last version emitted and its content hash.
#ifndef FRONTLINE_LIBS_INGEST_ITEM_VERSIONS_H_
#define FRONTLINE_LIBS_INGEST_ITEM_VERSIONS_H_

#include <cstdint>
#include <map>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "libs/ingest/state_store.h"

namespace frontline::ingest {

class ItemVersions {
 public:
  ItemVersions(StateStore& store, std::string source_id)
      : store_(store), source_id_(std::move(source_id)) {}

  // The version to emit `content_hash` of `external_id` as, or 0 when this
  // very content was emitted before (or earlier in this batch).
  absl::StatusOr<uint32_t> VersionFor(absl::string_view external_id,
                                      absl::string_view content_hash);

  // The state updates recording every version handed out since the last
  // call; commit them once the documents are durable.
  StateUpdates TakeUpdates();

 private:
  std::string Key(absl::string_view external_id) const;
  StateStore& store_;
  const std::string source_id_;
  std::map<std::string, std::string> pending_;  // key -> "version\thash"
};

}  // namespace frontline::ingest

#endif  // FRONTLINE_LIBS_INGEST_ITEM_VERSIONS_H_
