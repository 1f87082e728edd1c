// One load run against a running system: documents of a Corpus submitted on
// one Ingest stream at a fixed rate, each timed from its scheduled send to
// the moment it is queryable, while query threads call GetPlace and
// ListEvents at their own fixed rate. Beside each query thread, another
// calls the empty RPC (grpc.health.v1 Check) on the same server and
// connection at the same rate: the baseline the query latency is read
// against.
//
// A document is queryable when an event on WatchEvents lists it as a source
// or, for one no event lists (no claim, or a claim without a place),
// GetDocument finds its verdict; those are polled with a growing interval
// (so their time is known within that interval). Latency counts from the
// scheduled send time, so a system that falls behind shows it (no
// coordinated omission). One warm-up document goes through the whole
// pipeline before the clock starts. The run stops when every accepted document
// is queryable, or when `drain` has passed since the last submission.
#ifndef FRONTLINE_TOOLS_LOADGEN_LOAD_RUN_H_
#define FRONTLINE_TOOLS_LOADGEN_LOAD_RUN_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "tools/loadgen/corpus.h"
#include "tools/loadgen/system.h"

namespace frontline::loadgen {

struct LoadOptions {
  double rate = 100;      // documents per second
  int64_t documents = 0;  // 0: as many as `duration` allows
  absl::Duration duration = absl::ZeroDuration();
  int query_threads = 2;
  double query_rate = 20;  // queries per second, all threads together
  // Corpus sizes (queryable documents) at which a row is recorded.
  std::vector<int64_t> checkpoints = {10000, 100000, 1000000};
  absl::Duration drain = absl::Seconds(120);
  // Progress on stderr this often; zero for none.
  absl::Duration progress = absl::Seconds(10);
};

struct ProcessMemory {
  std::string name;
  int64_t peak_rss = 0;
};

// The run up to one corpus size.
struct Band {
  int64_t corpus = 0;  // queryable documents when recorded
  double elapsed_s = 0;
  double docs_per_s = 0;  // queryable documents per second in this band
  // Ingest to queryable of the documents submitted in this band.
  int64_t documents = 0;
  double latency_p50_ms = 0, latency_p99_ms = 0, latency_max_ms = 0;
  // Queries issued in this band.
  int64_t queries = 0, query_errors = 0;
  double query_p50_ms = 0, query_p99_ms = 0;
  double echo_p50_ms = 0, echo_p99_ms = 0;  // the empty RPC meanwhile
  std::vector<ProcessMemory> memory;
  int64_t peak_rss_total = 0;
};

struct LoadReport {
  std::string engine;
  std::string target;
  double rate = 0;
  int64_t submitted = 0;
  int64_t acknowledged = 0;
  int64_t rejected = 0;
  int64_t queryable = 0;
  int64_t via_watch = 0;
  int64_t via_poll = 0;
  double elapsed_s = 0;
  // Queryable documents per second from the first send to the last one
  // becoming queryable.
  double sustained_docs_per_s = 0;
  double latency_p50_ms = 0, latency_p99_ms = 0, latency_max_ms = 0;
  // p50 of the second and the last tenth of the documents: a rate the
  // system cannot sustain shows as a last tenth far above the second.
  double early_p50_ms = 0, late_p50_ms = 0;
  bool bounded = false;
  int64_t queries = 0, query_errors = 0;
  double query_p50_ms = 0, query_p99_ms = 0;
  // The empty RPC (health Check) on the same server, same rate, meanwhile.
  int64_t echoes = 0, echo_errors = 0;
  double echo_p50_ms = 0, echo_p99_ms = 0;
  // Raw baseline (see raw_baseline.h); raw_records 0 when not measured.
  std::string raw_engine;
  int64_t raw_records = 0;
  int raw_rounds = 0;
  double raw_record_bytes = 0;  // mean serialized size
  double raw_docs_per_s = 0;    // written and read back, median of rounds
  double raw_write_per_s = 0, raw_read_per_s = 0;
  std::string first_query_error;
  std::vector<Band> bands;          // one per checkpoint reached, then the end
  std::vector<std::string> exited;  // processes that died during the run
};

// Runs the load against `target` (host:port). `system` (may be null when
// attached to a system started elsewhere) gives the processes whose memory
// is sampled. Fails only when the target cannot be reached, or the warm-up
// document does not become queryable.
absl::StatusOr<LoadReport> RunLoad(const std::string& target,
                                   const Corpus& corpus,
                                   const LoadOptions& options, System* system);

}  // namespace frontline::loadgen

#endif  // FRONTLINE_TOOLS_LOADGEN_LOAD_RUN_H_
