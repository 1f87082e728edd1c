// The ingesters' own durable state (cursors, seen items, HTTP validators) in
// a small RocksDB, separate from the bus. Thread-safe.
#ifndef FRONTLINE_LIBS_INGEST_STATE_STORE_H_
#define FRONTLINE_LIBS_INGEST_STATE_STORE_H_

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "rocksdb/db.h"

namespace frontline::ingest {

using StateUpdates = std::vector<std::pair<std::string, std::string>>;

class StateStore {
 public:
  // kFailedPrecondition when the directory is unusable or held by another
  // process.
  static absl::StatusOr<std::unique_ptr<StateStore>> Open(
      const std::string& directory);

  absl::StatusOr<std::optional<std::string>> Get(absl::string_view key);
  // All of `updates` land together and durably (fsync), or none does.
  absl::Status Commit(const StateUpdates& updates);
  // Every key starting with `prefix`, in key order.
  absl::StatusOr<StateUpdates> Scan(absl::string_view prefix);

 private:
  explicit StateStore(std::unique_ptr<rocksdb::DB> db) : db_(std::move(db)) {}
  std::unique_ptr<rocksdb::DB> db_;
};

}  // namespace frontline::ingest

#endif  // FRONTLINE_LIBS_INGEST_STATE_STORE_H_
