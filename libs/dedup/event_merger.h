// Claims to events: folds judged documents' claims into Events, persisted in
// a RocksDB directory of its own so revisions continue across restarts.
#ifndef FRONTLINE_LIBS_DEDUP_EVENT_MERGER_H_
#define FRONTLINE_LIBS_DEDUP_EVENT_MERGER_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "frontline/v1/document.pb.h"
#include "frontline/v1/event.pb.h"
#include "rocksdb/db.h"

namespace frontline::dedup {

struct EventMergerOptions {
  // RocksDB directory; created when missing.
  std::string dir;
  // Claims of one type, place, side and polarity at most this far from an
  // event's time join it.
  absl::Duration window = absl::Hours(72);
};

// Promises:
//   - Event ids follow event_key.h; revision starts at 1 and grows by one
//     every time an event changes (sources, claimants, conflicts).
//   - One EventSource per supporting document; `independent`,
//     `independent_sources` and `tier` are recomputed from the sources on
//     every revision (tier.h).
//   - Claims without a place id are not merged (no event).
//   - Opposite polarities of the same type, place and side within the window
//     (and a DENIAL against an asserted CAPTURE or CONTROL) stay separate
//     events listing each other in conflicts_with.
//   - A VERDICT_NEW_VERSION document replaces the support of the version it
//     names in duplicate_of; re-applying a document already applied changes
//     nothing.
// Thread-safe: calls are serialized internally.
class EventMerger {
 public:
  static absl::StatusOr<std::unique_ptr<EventMerger>> Open(
      const EventMergerOptions& options);
  ~EventMerger();

  // Folds `verdict.document()`'s claims in. Returns every event that changed,
  // at its new revision.
  absl::StatusOr<std::vector<v1::Event>> Apply(
      const v1::DocumentVerdict& verdict);

  // Takes a revised verdict (Deduplicator's `revised`) into the sources of
  // the events its document supports. Returns the changed events.
  absl::StatusOr<std::vector<v1::Event>> Revise(
      const v1::DocumentVerdict& verdict);

  absl::StatusOr<std::optional<v1::Event>> Get(const std::string& id) const;

  // The events a document supports, at their current revision.
  absl::StatusOr<std::vector<v1::Event>> EventsOf(
      const std::string& document_id) const;

 private:
  explicit EventMerger(const EventMergerOptions& options) : options_(options) {}
  absl::StatusOr<std::optional<std::string>> FindEvent(v1::ClaimType type,
                                                       const std::string& place,
                                                       v1::Side side,
                                                       v1::Polarity polarity,
                                                       int64_t time) const;

  EventMergerOptions options_;
  std::unique_ptr<rocksdb::DB> db_;
  absl::Mutex mu_;
};

}  // namespace frontline::dedup

#endif  // FRONTLINE_LIBS_DEDUP_EVENT_MERGER_H_
