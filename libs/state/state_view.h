// The conflict-state view: a fold of the events topic (Events and
// DocumentVerdicts) into RocksDB, with the indexes the queries need. The
// offsets consumed are written in the same WriteBatch as the update they
// produced, so a crash at any point neither loses nor double-applies a
// record: restart from Offsets(). Applying the same record twice is a no-op
// (an Event revision not newer than the stored one is ignored).
//
// Column families: events (id -> Event), places (id -> PlaceState without
// timeline), docs (id -> DocumentVerdict), by_time and by_place (event
// indexes, newest first), docs_by_time, by_seq (apply order, for watchers),
// meta (offsets, counters). Thread-safe: one writer, many readers.
#ifndef FRONTLINE_LIBS_STATE_STATE_VIEW_H_
#define FRONTLINE_LIBS_STATE_STATE_VIEW_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "frontline/v1/conflict_state.pb.h"
#include "libs/bus/record.h"
#include "libs/gazetteer/gazetteer.h"
#include "rocksdb/db.h"

namespace frontline::state {

struct Page {
  int32_t size = 50;
  std::string token;  // from the previous page; empty for the first
};

class StateView {
 public:
  // `gazetteer` (may be null) names places and resolves place names; it must
  // outlive the view. kFailedPrecondition when the directory is held by
  // another process.
  static absl::StatusOr<std::unique_ptr<StateView>> Open(
      const std::string& directory, const gazetteer::Gazetteer* gazetteer);
  ~StateView();

  // Applies records of the events topic with their offsets, atomically.
  // kInvalidArgument (nothing applied) when a record cannot be decoded; the
  // caller dead-letters it and calls SkipRecord.
  absl::Status Apply(const std::vector<bus::Record>& records);
  // Records `record`'s offset as consumed without applying it.
  absl::Status SkipRecord(const bus::Record& record);
  // Next offset to read per partition of `topic` (absent: from 0).
  absl::StatusOr<std::map<int32_t, int64_t>> Offsets(const std::string& topic);

  absl::StatusOr<v1::PlaceState> GetPlace(const std::string& id_or_name,
                                          int32_t timeline_limit = 20);
  absl::StatusOr<v1::ListPlacesResponse> ListPlaces(
      const v1::ListPlacesRequest& request);
  absl::StatusOr<v1::ListEventsResponse> ListEvents(
      const v1::EventFilter& filter, const Page& page);
  absl::StatusOr<v1::GetEventResponse> GetEvent(const std::string& id);
  absl::StatusOr<v1::DocumentVerdict> GetDocument(const std::string& id);
  absl::StatusOr<v1::ListDocumentsResponse> ListDocuments(
      const v1::ListDocumentsRequest& request);
  absl::StatusOr<v1::Stats> GetStats();

  // Apply order: every applied Event gets the next sequence number.
  uint64_t LastSequence();
  // Events applied after `after`, oldest first, up to `max`; waits up to
  // `timeout` for the first when there is none yet.
  absl::StatusOr<std::vector<std::pair<uint64_t, v1::Event>>> EventsAfter(
      uint64_t after, size_t max, absl::Duration timeout);

  // Whether `event` passes `filter` (place given as an id).
  static bool Matches(const v1::Event& event, const v1::EventFilter& filter);

 private:
  StateView(std::unique_ptr<rocksdb::DB> db,
            std::vector<rocksdb::ColumnFamilyHandle*> handles,
            const gazetteer::Gazetteer* gazetteer);
  absl::StatusOr<std::string> ResolvePlace(const std::string& id_or_name);
  absl::StatusOr<std::vector<v1::Event>> EventsOfPlace(
      const std::string& place_id, size_t limit);

  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  const gazetteer::Gazetteer* gazetteer_;

  absl::Mutex write_mu_;  // one Apply at a time
  absl::Mutex seq_mu_;
  uint64_t seq_ ABSL_GUARDED_BY(seq_mu_) = 0;
};

}  // namespace frontline::state

#endif  // FRONTLINE_LIBS_STATE_STATE_VIEW_H_
