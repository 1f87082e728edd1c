// What the dedup stage produced per document id, so that a redelivered
// document is not produced twice. An entry moves through
//   started  (judging began; a crash may have left the index and events
//             changed with nothing produced),
//   pending  (its output records are kept here and have been produced, not
//             yet known durable),
//   done     (its output is durable; only the content key is kept).
// Each write is atomic and survives a process crash (RocksDB WAL). Entries
// are kept for `window` of wall-clock time after their last write, then
// dropped at compaction: a redelivery is bounded by consumer lag, not by a
// document's age.
#ifndef FRONTLINE_LIBS_DEDUP_REDELIVERY_LEDGER_H_
#define FRONTLINE_LIBS_DEDUP_REDELIVERY_LEDGER_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace rocksdb {
class DB;
class CompactionFilter;
}  // namespace rocksdb

namespace frontline::dedup {

// One record the stage produces to the events topic.
struct OutputRecord {
  enum class Type : char { kVerdict = 'v', kEvent = 'e' };
  Type type = Type::kVerdict;
  std::string key;
  std::string value;  // the serialized message
};

struct LedgerEntry {
  enum class State : char {
    kAbsent = 0,
    kStarted = 's',
    kPending = 'p',
    kDone = 'd'
  };
  State state = State::kAbsent;
  // Tells an identical redelivery from another input under the same id.
  std::string content_key;
  std::vector<OutputRecord> outputs;  // kPending only
};

class RedeliveryLedger {
 public:
  // Opens or creates the ledger in `dir`.
  static absl::StatusOr<std::unique_ptr<RedeliveryLedger>> Open(
      const std::string& dir, absl::Duration window);
  ~RedeliveryLedger();

  // kAbsent when the id has no entry. kDataLoss for a malformed entry.
  absl::StatusOr<LedgerEntry> Get(const std::string& doc_id) const;
  absl::Status Put(const std::string& doc_id, const LedgerEntry& entry);
  // Every id given becomes done (its outputs dropped) in one write.
  absl::Status MarkDone(const std::vector<std::string>& doc_ids);

 private:
  RedeliveryLedger() = default;
  std::unique_ptr<rocksdb::CompactionFilter> filter_;
  std::unique_ptr<rocksdb::DB> db_;
};

}  // namespace frontline::dedup

#endif  // FRONTLINE_LIBS_DEDUP_REDELIVERY_LEDGER_H_
