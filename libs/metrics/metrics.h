// Frontline's metrics and logs: one process-wide Prometheus registry, an
// HTTP exposer serving it, the standard Frontline metric families, and the
// spdlog set-up for plain or JSON (one object per line) logs.
//
// Metric names (all prefixed `frontline_`), labels and meaning:
//   records_in_total{stage,topic}            records a stage consumed
//   records_out_total{stage,topic}           records a stage produced
//   errors_total{stage,code}                 failures (code: absl status code
//                                            name, e.g. "UNAVAILABLE")
//   dead_letters_total{stage,topic}          records parked in the dlq; topic
//                                            is where the record came from
//   duplicates_total{stage,kind}             duplicates found (kind: exact,
//                                            near, paraphrase, forward, edit,
//                                            claim)
//   consumer_lag{stage,topic,partition}      records behind the high
//                                            watermark (gauge)
//   grpc_request_duration_seconds{method,code}   gRPC handling latency
//                                            (histogram, kGrpcLatencyBuckets)
//   ingest_items_total{source,outcome}       items an ingester saw per source
//                                            (outcome: emitted — new items
//                                            and new versions — unchanged;
//                                            failed counts failed polls)
//
// Every helper is thread-safe; the references they return stay valid for as
// long as the Metrics object (the process-wide one: forever). Helpers look
// the series up under a mutex: hot loops should keep the returned reference.
#ifndef FRONTLINE_LIBS_METRICS_METRICS_H_
#define FRONTLINE_LIBS_METRICS_METRICS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/gauge.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"

namespace prometheus {
class Exposer;
}  // namespace prometheus

namespace spdlog {
class formatter;
}  // namespace spdlog

namespace frontline::metrics {

// The process-wide registry every Frontline metric is registered in. Never
// null; lives until the process exits.
std::shared_ptr<prometheus::Registry> ProcessRegistry();

// Upper bounds (seconds) of the gRPC latency histogram: 1 ms to 10 s, dense
// where unary queries land; watch streams should not be observed here.
const std::vector<double>& GrpcLatencyBuckets();

// The standard Frontline metric families, registered in one registry.
class Metrics {
 public:
  // Registers every family in `registry`. A registry may hold one Metrics.
  explicit Metrics(prometheus::Registry& registry);
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // The families, for callers that want other label handling.
  prometheus::Family<prometheus::Counter>& records_in;
  prometheus::Family<prometheus::Counter>& records_out;
  prometheus::Family<prometheus::Counter>& errors;
  prometheus::Family<prometheus::Counter>& dead_letters;
  prometheus::Family<prometheus::Counter>& duplicates;
  prometheus::Family<prometheus::Gauge>& consumer_lag;
  prometheus::Family<prometheus::Histogram>& grpc_latency;
  prometheus::Family<prometheus::Counter>& ingest_items;

  // The series for one label set (created at zero on first use).
  prometheus::Counter& RecordsIn(absl::string_view stage,
                                 absl::string_view topic);
  prometheus::Counter& RecordsOut(absl::string_view stage,
                                  absl::string_view topic);
  prometheus::Counter& Errors(absl::string_view stage, absl::StatusCode code);
  prometheus::Counter& DeadLetters(absl::string_view stage,
                                   absl::string_view topic);
  prometheus::Counter& Duplicates(absl::string_view stage,
                                  absl::string_view kind);
  prometheus::Counter& IngestItems(absl::string_view source,
                                   absl::string_view outcome);
  prometheus::Histogram& GrpcLatency(absl::string_view method,
                                     absl::string_view code);

  // Sets the lag of one partition (negative values are stored as 0).
  void SetConsumerLag(absl::string_view stage, absl::string_view topic,
                      int partition, int64_t lag);
  // Observes one gRPC call, `method` as "/package.Service/Method".
  void ObserveGrpc(absl::string_view method, absl::string_view code,
                   absl::Duration elapsed);
};

// The standard metrics in ProcessRegistry(), created on first use.
Metrics& Standard();

// Serves a registry over HTTP: GET /metrics is the Prometheus text format,
// GET /healthz answers 200 with an empty body while the process serves (for
// liveness probes of services without gRPC).
class Exposer {
 public:
  // Binds HOST:PORT ("0.0.0.0:9464", "127.0.0.1:0", "[::]:9464"); port 0
  // picks a free port, see port(). kInvalidArgument for a malformed address,
  // kUnavailable when the address cannot be bound. Never throws.
  static absl::StatusOr<std::unique_ptr<Exposer>> Start(
      absl::string_view listen,
      std::shared_ptr<prometheus::Registry> registry = ProcessRegistry());
  ~Exposer();
  Exposer(const Exposer&) = delete;
  Exposer& operator=(const Exposer&) = delete;

  // The bound port (the real one when started on port 0).
  int port() const { return port_; }

 private:
  Exposer(std::unique_ptr<prometheus::Exposer> exposer,
          std::shared_ptr<prometheus::Registry> registry, int port);
  std::shared_ptr<prometheus::Registry> registry_;
  std::shared_ptr<prometheus::Registry> health_;
  std::unique_ptr<prometheus::Exposer> exposer_;
  int port_;
};

enum class LogFormat { kPlain, kJson };

// "plain" or "json" (the value of `--log-format`); kInvalidArgument otherwise.
absl::StatusOr<LogFormat> ParseLogFormat(absl::string_view text);

// A formatter writing one JSON object per line:
//   {"time":"2025-01-05T10:00:00.123Z","level":"info","logger":"frontline",
//    "message":"..."}
// time is RFC 3339 UTC with milliseconds; the message is escaped so that any
// bytes (quotes, control characters, invalid UTF-8 -> U+FFFD) stay one valid
// JSON line.
std::unique_ptr<spdlog::formatter> MakeJsonFormatter();

// Makes the default spdlog logger write to stderr in `format` at `level`
// ("trace", "debug", "info", "warn", "error", "critical", "off");
// kInvalidArgument for an unknown level.
absl::Status ConfigureLogging(LogFormat format,
                              absl::string_view level = "info");

}  // namespace frontline::metrics

#endif  // FRONTLINE_LIBS_METRICS_METRICS_H_
