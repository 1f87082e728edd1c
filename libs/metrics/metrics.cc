#include "libs/metrics/metrics.h"

#include <exception>
#include <string>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "prometheus/exposer.h"

namespace frontline::metrics {
namespace {

std::string Str(absl::string_view s) { return std::string(s.data(), s.size()); }

// The code's canonical name, upper case as gRPC spells it ("NOT_FOUND").
std::string CodeName(absl::StatusCode code) {
  std::string name = absl::StatusCodeToString(code);
  for (char& c : name) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return name;
}

}  // namespace

std::shared_ptr<prometheus::Registry> ProcessRegistry() {
  static auto* registry = new std::shared_ptr<prometheus::Registry>(
      std::make_shared<prometheus::Registry>());
  return *registry;
}

const std::vector<double>& GrpcLatencyBuckets() {
  static const auto* buckets = new std::vector<double>{
      0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
  return *buckets;
}

Metrics::Metrics(prometheus::Registry& registry)
    : records_in(prometheus::BuildCounter()
                     .Name("frontline_records_in_total")
                     .Help("Records a stage consumed, by stage and topic")
                     .Register(registry)),
      records_out(prometheus::BuildCounter()
                      .Name("frontline_records_out_total")
                      .Help("Records a stage produced, by stage and topic")
                      .Register(registry)),
      errors(prometheus::BuildCounter()
                 .Name("frontline_errors_total")
                 .Help("Failures, by stage and status code")
                 .Register(registry)),
      dead_letters(prometheus::BuildCounter()
                       .Name("frontline_dead_letters_total")
                       .Help("Records parked in the dead-letter topic, by "
                             "stage and source topic")
                       .Register(registry)),
      duplicates(prometheus::BuildCounter()
                     .Name("frontline_duplicates_total")
                     .Help("Duplicates found, by stage and kind")
                     .Register(registry)),
      consumer_lag(prometheus::BuildGauge()
                       .Name("frontline_consumer_lag")
                       .Help("Records behind the high watermark, by stage, "
                             "topic and partition")
                       .Register(registry)),
      grpc_latency(prometheus::BuildHistogram()
                       .Name("frontline_grpc_request_duration_seconds")
                       .Help("gRPC request handling time, by method and code")
                       .Register(registry)),
      ingest_items(prometheus::BuildCounter()
                       .Name("frontline_ingest_items_total")
                       .Help("Items an ingester saw, by source and outcome")
                       .Register(registry)) {}

prometheus::Counter& Metrics::RecordsIn(absl::string_view stage,
                                        absl::string_view topic) {
  return records_in.Add({{"stage", Str(stage)}, {"topic", Str(topic)}});
}

prometheus::Counter& Metrics::RecordsOut(absl::string_view stage,
                                         absl::string_view topic) {
  return records_out.Add({{"stage", Str(stage)}, {"topic", Str(topic)}});
}

prometheus::Counter& Metrics::Errors(absl::string_view stage,
                                     absl::StatusCode code) {
  return errors.Add({{"stage", Str(stage)}, {"code", CodeName(code)}});
}

prometheus::Counter& Metrics::DeadLetters(absl::string_view stage,
                                          absl::string_view topic) {
  return dead_letters.Add({{"stage", Str(stage)}, {"topic", Str(topic)}});
}

prometheus::Counter& Metrics::Duplicates(absl::string_view stage,
                                         absl::string_view kind) {
  return duplicates.Add({{"stage", Str(stage)}, {"kind", Str(kind)}});
}

prometheus::Counter& Metrics::IngestItems(absl::string_view source,
                                          absl::string_view outcome) {
  return ingest_items.Add({{"source", Str(source)}, {"outcome", Str(outcome)}});
}

prometheus::Histogram& Metrics::GrpcLatency(absl::string_view method,
                                            absl::string_view code) {
  return grpc_latency.Add({{"method", Str(method)}, {"code", Str(code)}},
                          GrpcLatencyBuckets());
}

void Metrics::SetConsumerLag(absl::string_view stage, absl::string_view topic,
                             int partition, int64_t lag) {
  consumer_lag
      .Add({{"stage", Str(stage)},
            {"topic", Str(topic)},
            {"partition", absl::StrCat(partition)}})
      .Set(lag < 0 ? 0.0 : static_cast<double>(lag));
}

void Metrics::ObserveGrpc(absl::string_view method, absl::string_view code,
                          absl::Duration elapsed) {
  GrpcLatency(method, code).Observe(absl::ToDoubleSeconds(elapsed));
}

Metrics& Standard() {
  static Metrics* metrics = new Metrics(*ProcessRegistry());
  return *metrics;
}

absl::StatusOr<std::unique_ptr<Exposer>> Exposer::Start(
    absl::string_view listen, std::shared_ptr<prometheus::Registry> registry) {
  const size_t colon = listen.rfind(':');
  int port = -1;
  if (colon == absl::string_view::npos || colon == 0 ||
      !absl::SimpleAtoi(listen.substr(colon + 1), &port) || port < 0 ||
      port > 65535 || listen.find_first_of(" ,") != absl::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("metrics address \"", listen,
                     "\" is not HOST:PORT (e.g. 0.0.0.0:9464)"));
  }
  if (registry == nullptr) {
    return absl::InvalidArgumentError("metrics exposer without a registry");
  }
  std::unique_ptr<prometheus::Exposer> exposer;
  try {
    exposer = std::make_unique<prometheus::Exposer>(Str(listen), 2);
  } catch (const std::exception& e) {
    return absl::UnavailableError(
        absl::StrCat("metrics: cannot listen on ", listen, ": ", e.what()));
  }
  const std::vector<int> ports = exposer->GetListeningPorts();
  if (ports.empty() || ports.front() <= 0) {
    return absl::UnavailableError(
        absl::StrCat("metrics: no port bound for ", listen));
  }
  return std::unique_ptr<Exposer>(
      new Exposer(std::move(exposer), std::move(registry), ports.front()));
}

Exposer::Exposer(std::unique_ptr<prometheus::Exposer> exposer,
                 std::shared_ptr<prometheus::Registry> registry, int port)
    : registry_(std::move(registry)),
      health_(std::make_shared<prometheus::Registry>()),
      exposer_(std::move(exposer)),
      port_(port) {
  exposer_->RegisterCollectable(registry_, "/metrics");
  exposer_->RegisterCollectable(health_, "/healthz");
}

Exposer::~Exposer() {
  // Stop serving before the registries the handlers read go away.
  exposer_.reset();
}

}  // namespace frontline::metrics
