// Splits the configured sources between the replicas of an ingester, so
// that a Deployment scaled by an autoscaler polls each source once: the
// replicas join one consumer group on a shard topic of N partitions that
// carries no records, and a source belongs to the replica holding partition
// XXH3(source id) mod N. When a replica starts or dies the group rebalances
// and sources move with their partitions. For a moment during a rebalance a
// source may be polled by two replicas; what both publish has the same
// RawDocumentId and content, which dedup treats as one document.
#ifndef FRONTLINE_LIBS_INGEST_SOURCE_SHARDS_H_
#define FRONTLINE_LIBS_INGEST_SOURCE_SHARDS_H_

#include <atomic>
#include <memory>
#include <set>
#include <string>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "libs/bus/bus.h"

namespace frontline::ingest {

struct SourceShardsOptions {
  // Replicas of one ingester share a group; feed and Telegram ingesters use
  // different groups.
  std::string group;
  std::string topic = "ingest-shards";
  // More shards than replicas will ever run, so that sources spread evenly.
  int partitions = 16;
  // How often membership is refreshed (the group's heartbeat goes on
  // in the background either way).
  absl::Duration refresh = absl::Milliseconds(500);
  // Join waits this long for the first assignment.
  absl::Duration first_assignment = absl::Seconds(30);
};

class SourceShards {
 public:
  // Creates the shard topic if needed and joins the group. Returns once
  // this replica has its first assignment or `first_assignment` passed
  // (then it owns nothing until the group assigns it something).
  static absl::StatusOr<std::unique_ptr<SourceShards>> Join(
      bus::Bus& bus, SourceShardsOptions options);
  // Leaves the group: the other replicas take this one's sources.
  ~SourceShards();
  SourceShards(const SourceShards&) = delete;
  SourceShards& operator=(const SourceShards&) = delete;

  // Whether this replica polls the source now. Thread-safe.
  bool Owns(absl::string_view source_id) const;
  // The shard partitions this replica holds now.
  std::set<int> Owned() const;

  static int ShardOf(absl::string_view source_id, int partitions);

 private:
  SourceShards(SourceShardsOptions options,
               std::unique_ptr<bus::Consumer> consumer);
  void Refresh();

  const SourceShardsOptions options_;
  std::unique_ptr<bus::Consumer> consumer_;  // the refresh thread's alone
  mutable absl::Mutex mu_;
  std::set<int> owned_ ABSL_GUARDED_BY(mu_);
  bool assigned_once_ ABSL_GUARDED_BY(mu_) = false;
  std::atomic<bool> stop_{false};
  std::thread refresher_;
};

}  // namespace frontline::ingest

#endif  // FRONTLINE_LIBS_INGEST_SOURCE_SHARDS_H_
