// The deduplicator's persistent, windowed index: one RocksDB directory it
// owns, with column families
//   docs     doc id -> time | source id | external id | version | fingerprint
//   postings kind | key | time | doc id -> "" (compact key: see .cc)
//   verdicts doc id -> time | DocumentVerdict (without the document);
//            doc id "\0r" -> time | the verdicts of others that judging
//            this document revised (varint-length prefixed)
//   default  "watermark" -> the latest document time indexed
//   default  "format" -> "2" (an index of another format is refused:
//            rebuild it by replaying the docs topic)
// Every value but the postings' starts with the document's time (big-endian
// microseconds, offset so negatives order correctly); a posting has it in
// its key. Windowing is by a compaction filter reading that time: entries older
// than watermark - window are dropped at compaction; until then readers ignore
// them (the deduplicator checks every posting's time against its own window).
// Postings of one key are ordered by time, then doc id, so the earliest comes
// first.
//
// Thread-safety: concurrent readers are safe; writes must be serialized by
// the caller (the Deduplicator holds a mutex).
#ifndef FRONTLINE_LIBS_DEDUP_INDEX_STORE_H_
#define FRONTLINE_LIBS_DEDUP_INDEX_STORE_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "frontline/v1/document.pb.h"
#include "libs/dedup/fingerprint.h"

namespace rocksdb {
class DB;
class ColumnFamilyHandle;
class WriteBatch;
class CompactionFilter;
}  // namespace rocksdb

namespace frontline::dedup {

enum class PostingKind : char {
  kExact = 'e',
  kBand = 'b',
  kAnchorBand = 'a',
  kForward = 'f',
  kExternal = 'x',
};

struct Posting {
  std::string doc_id;
  int64_t time_micros = 0;
};

struct StoredDocument {
  std::string id;
  int64_t time_micros = 0;
  std::string source_id;
  std::string external_id;
  uint32_t version = 0;
  Fingerprint fingerprint;
};

class IndexStore {
 public:
  // Opens or creates the index in `dir`. kUnavailable when another process
  // holds it; kInternal for other RocksDB failures (its message kept).
  static absl::StatusOr<std::unique_ptr<IndexStore>> Open(
      const std::string& dir, absl::Duration window);
  ~IndexStore();

  // Postings of (kind, key) with time in [min_time, max_time]: the latest
  // `limit` of them, returned earliest first.
  absl::StatusOr<std::vector<Posting>> Find(PostingKind kind,
                                            absl::string_view key,
                                            int64_t min_time, int64_t max_time,
                                            size_t limit) const;
  absl::StatusOr<std::optional<StoredDocument>> GetDocument(
      absl::string_view id) const;
  absl::StatusOr<std::optional<v1::DocumentVerdict>> GetVerdict(
      absl::string_view id) const;
  // The verdicts judging `id` revised, as they were then; empty if none.
  absl::StatusOr<std::vector<v1::DocumentVerdict>> GetRevisions(
      absl::string_view id) const;

  // A batch of writes, applied atomically by Commit.
  class Batch {
   public:
    Batch();
    ~Batch();
    Batch(Batch&&) noexcept;
    Batch& operator=(Batch&&) noexcept;
    void AddPosting(PostingKind kind, absl::string_view key,
                    int64_t time_micros, absl::string_view doc_id);
    void PutDocument(const StoredDocument& doc);
    void PutVerdict(int64_t time_micros, const v1::DocumentVerdict& verdict);
    void PutRevisions(int64_t time_micros, absl::string_view doc_id,
                      const std::vector<v1::DocumentVerdict>& revised);

   private:
    friend class IndexStore;
    const IndexStore* store_ = nullptr;
    std::unique_ptr<rocksdb::WriteBatch> batch_;
    int64_t max_time_ = INT64_MIN;
  };
  Batch NewBatch() const;
  // Applies the batch and advances the watermark to its latest time.
  absl::Status Commit(Batch& batch);

  // Compacts every column family now, dropping entries older than
  // watermark - window.
  absl::Status Compact();
  int64_t watermark_micros() const { return watermark_->load(); }

 private:
  IndexStore() = default;
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  std::shared_ptr<std::atomic<int64_t>> watermark_;
  std::unique_ptr<rocksdb::CompactionFilter> filter_;
  std::unique_ptr<rocksdb::CompactionFilter> postings_filter_;
};

// Time of a document for ordering and windowing: published_time, else
// fetched_time, in microseconds since the epoch.
int64_t DocumentTimeMicros(const v1::Document& doc);

}  // namespace frontline::dedup

#endif  // FRONTLINE_LIBS_DEDUP_INDEX_STORE_H_
