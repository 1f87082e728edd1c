// Document deduplication: judges each document against every document indexed
// within a time window, and indexes it.
#ifndef FRONTLINE_LIBS_DEDUP_DEDUPLICATOR_H_
#define FRONTLINE_LIBS_DEDUP_DEDUPLICATOR_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "frontline/v1/document.pb.h"
#include "libs/dedup/fingerprint.h"
#include "libs/dedup/index_store.h"

namespace frontline::dedup {

struct DedupOptions {
  // Directory of the index's RocksDB; created when missing.
  std::string dir;
  // Documents further apart in time than this are never compared; index
  // entries older than the newest document minus this are compacted away.
  absl::Duration window = absl::Hours(24 * 30);
  FingerprintOptions fingerprint;
  // Near duplicate: estimated shingle Jaccard at least this.
  double near_threshold = 0.5;
  // Paraphrase: anchor score at least this, with at least
  // `min_figures_and_quotes` shared figures/quotations and `min_names`
  // shared names.
  double paraphrase_threshold = 0.5;
  int min_figures_and_quotes = 2;
  int min_names = 2;
  // Entries read per index key, the latest first: a band shared by more
  // documents than this in the window is not selective, and reading all of
  // it would make judging cost grow with the index.
  size_t max_postings_per_key = 64;
  // Index candidates verified per kind (near, paraphrase), those sharing
  // the most bands first: bounds the cost of crowded bands (documents that
  // share only the commonest names).
  size_t max_candidates = 64;
};

// Promises:
//   - An edit (same source id and external id, another version) is
//     VERDICT_NEW_VERSION with duplicate_of = the latest other version; it is
//     never a duplicate.
//   - A duplicate's duplicate_of is the original of its cluster: the earlier
//     publication time, then the smaller id. When a copy arrives before its
//     original, the original is judged NEW and the copy's stored verdict is
//     revised (revision + 1) to point at it; revisions are reported.
//   - Kinds are tried in order forward, exact, near, paraphrase; every LSH
//     candidate is verified against its stored fingerprint. A document with
//     fewer figures/quotes or names than a paraphrase needs shared is
//     neither looked up nor indexed by its anchors (it can match no one).
//   - Judging a document id already indexed returns its stored verdict and,
//     in `revised`, the verdicts its first judgement revised (as they were
//     then), and changes nothing (idempotent on the id), so replaying
//     documents in order rebuilds the same index and verdicts.
//   - Verdicts survive a restart (reopening the directory).
// Thread-safe: Judge calls are serialized internally.
class Deduplicator {
 public:
  static absl::StatusOr<std::unique_ptr<Deduplicator>> Open(
      const DedupOptions& options);

  // Judges `doc` and indexes it. `revised`, when given, receives the stored
  // verdicts of other documents this one changed. The returned verdict does
  // not carry the document.
  absl::StatusOr<v1::DocumentVerdict> Judge(
      const v1::Document& doc,
      std::vector<v1::DocumentVerdict>* revised = nullptr);

  // Indexes `doc` for rebuilding (Judge, result dropped).
  absl::Status Index(const v1::Document& doc);

  // Indexes `doc` as NEW without looking it up: bulk loading of documents
  // known to be distinct (benchmarks).
  absl::Status Load(const v1::Document& doc);

  // The latest verdict stored for a document id, if indexed.
  absl::StatusOr<std::optional<v1::DocumentVerdict>> VerdictOf(
      const std::string& document_id) const;

  // Drops entries outside the window now (normally RocksDB compacts on its
  // own schedule).
  absl::Status Compact();

 private:
  explicit Deduplicator(const DedupOptions& options) : options_(options) {}
  struct Candidate;
  bool CanParaphrase(const Anchors& anchors) const;
  // Adds `doc`'s entries and verdict to `batch`.
  void Put(IndexStore::Batch& batch, const v1::Document& doc,
           const Fingerprint& fp, int64_t time,
           const v1::DocumentVerdict& verdict) const;
  absl::StatusOr<std::optional<Candidate>> FindOriginal(const v1::Document& doc,
                                                        const Fingerprint& fp,
                                                        int64_t time) const;

  DedupOptions options_;
  std::unique_ptr<IndexStore> store_;
  absl::Mutex mu_;
};

// "exact", "near", "paraphrase", "forward" (metric labels, reports).
std::string DuplicateKindName(v1::DuplicateKind kind);

}  // namespace frontline::dedup

#endif  // FRONTLINE_LIBS_DEDUP_DEDUPLICATOR_H_
