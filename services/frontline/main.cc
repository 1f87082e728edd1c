// `frontline`: every Frontline service as a subcommand of one binary.
#include <iostream>

#include "CLI/CLI.hpp"
#include "libs/metrics/metrics.h"
#include "services/frontline/commands.h"
#include "services/frontline/signals.h"
#include "spdlog/spdlog.h"

int main(int argc, char** argv) {
  frontline::BlockTerminationSignals();
  CLI::App app{"Frontline: an event-sourced message bus for OSINT aggregation"};
  app.require_subcommand(1);

  frontline::RunFlags run;
  auto* run_cmd = app.add_subcommand(
      "run", "Run every service in one process and serve gRPC");
  run_cmd->add_option("--data", run.data, "Data directory")
      ->capture_default_str();
  run_cmd->add_option("--listen", run.listen, "gRPC address HOST:PORT")
      ->capture_default_str();
  run_cmd->add_option("--bus", run.bus,
                      "Bus URI (kafka://host:port,... or local:DIR); default "
                      "the embedded log in DATA/bus");

  run_cmd->add_option("--config", run.config, "Sources to ingest (YAML)");

  frontline::IngestFlags feed_flags{.state = "var/frontline/feed-ingest"};
  frontline::IngestFlags telegram_flags{.state =
                                            "var/frontline/telegram-ingest"};
  auto add_ingest = [&](const char* name, const char* what,
                        frontline::IngestFlags& flags) {
    auto* cmd = app.add_subcommand(name, what);
    cmd->add_option("--bus", flags.bus, "Bus URI")->capture_default_str();
    cmd->add_option("--config", flags.config, "Sources (YAML)")->required();
    cmd->add_option("--state", flags.state, "Directory of the cursors")
        ->capture_default_str();
    return cmd;
  };
  auto* feed_cmd = add_ingest(
      "feed-ingest", "Poll the configured news feeds into the raw topic",
      feed_flags);
  auto* telegram_cmd = add_ingest(
      "telegram-ingest",
      "Read the configured Telegram channels (preview pages, bot, exports) "
      "into the raw topic",
      telegram_flags);

  frontline::StateFlags state_flags;
  auto* state_cmd = app.add_subcommand(
      "state",
      "Fold the events topic into the conflict-state view and serve it "
      "(ConflictState, and Ingest onto the raw topic)");
  state_cmd->add_option("--bus", state_flags.bus, "Bus URI")
      ->capture_default_str();
  state_cmd->add_option("--data", state_flags.view, "View directory")
      ->capture_default_str();
  state_cmd->add_option("--listen", state_flags.listen, "gRPC HOST:PORT")
      ->capture_default_str();
  state_cmd->add_option("--places", state_flags.places, "Gazetteer file")
      ->capture_default_str();
  state_cmd->add_flag("--rebuild", state_flags.rebuild,
                      "Rebuild the view from offset zero first");
  state_cmd
      ->add_option("--ready-lag", state_flags.ready_lag,
                   "Ready for queries within this many records of the end "
                   "of the events topic")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  auto add_security = [](CLI::App* cmd, frontline::ApiSecurityFlags& f) {
    cmd->add_option("--tls-cert", f.tls_cert,
                    "TLS certificate chain (PEM); TLS with --tls-key")
        ->check(CLI::ExistingFile);
    cmd->add_option("--tls-key", f.tls_key, "TLS private key (PEM)")
        ->check(CLI::ExistingFile);
    cmd->add_option("--tls-client-ca", f.tls_client_ca,
                    "Require client certificates signed by this CA (PEM): "
                    "mutual TLS")
        ->check(CLI::ExistingFile);
    cmd->add_option("--token-file", f.token_file,
                    "Require `authorization: Bearer <token>` on every call "
                    "but health checks; default FRONTLINE_API_TOKEN when set")
        ->check(CLI::ExistingFile);
  };
  add_security(run_cmd, run.security);
  add_security(state_cmd, state_flags.security);
  auto add_data = [](CLI::App* cmd, frontline::normalize::NormalizerData& d) {
    cmd->add_option("--places", d.places_tsv, "Gazetteer file")
        ->capture_default_str();
    cmd->add_option("--extract-data", d.extract_dir, "Claim dictionaries")
        ->capture_default_str();
    cmd->add_option("--text-data", d.text_dir, "Text data (boilerplate...)")
        ->capture_default_str();
  };
  add_data(run_cmd, run.resources);
  frontline::StageFlags normalize_flags;
  auto* normalize_cmd = app.add_subcommand(
      "normalize", "RawDocuments (raw topic) to Documents (docs topic)");
  normalize_cmd->add_option("--bus", normalize_flags.bus, "Bus URI")
      ->capture_default_str();
  add_data(normalize_cmd, normalize_flags.data);
  frontline::DedupFlags dedup_flags;
  auto* dedup_cmd = app.add_subcommand(
      "dedup", "Judge Documents (docs topic) and merge claims into Events");
  dedup_cmd->add_option("--bus", dedup_flags.bus, "Bus URI")
      ->capture_default_str();
  dedup_cmd
      ->add_option("--state", dedup_flags.state,
                   "Directory of the index and events state")
      ->capture_default_str();

  int brokers = 3;
  int partitions = 6;
  auto* dev_kafka = app.add_subcommand(
      "dev-kafka",
      "Start a Kafka mock cluster (librdkafka) on 127.0.0.1, print its "
      "bootstrap servers and run until stopped");
  dev_kafka->add_option("--brokers", brokers, "Number of brokers")
      ->check(CLI::Range(1, 9))
      ->capture_default_str();
  dev_kafka
      ->add_option("--partitions", partitions,
                   "Partitions of the pipeline topics it creates")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();

  // Operations flags every subcommand takes.
  std::string metrics_listen;
  std::string log_format = "plain";
  for (CLI::App* cmd : app.get_subcommands({})) {
    cmd->add_option("--metrics-listen", metrics_listen,
                    "Serve Prometheus metrics (and /healthz) on HOST:PORT");
    cmd->add_option("--log-format", log_format, "Logs: plain or json")
        ->capture_default_str();
  }

  CLI11_PARSE(app, argc, argv);
  auto format = frontline::metrics::ParseLogFormat(log_format);
  if (!format.ok()) {
    std::cerr << "frontline: " << format.status() << "\n";
    return 2;
  }
  if (absl::Status s = frontline::metrics::ConfigureLogging(*format); !s.ok()) {
    std::cerr << "frontline: " << s << "\n";
    return 2;
  }
  std::unique_ptr<frontline::metrics::Exposer> exposer;
  if (!metrics_listen.empty()) {
    auto started = frontline::metrics::Exposer::Start(metrics_listen);
    if (!started.ok()) {
      std::cerr << "frontline: " << started.status() << "\n";
      return 1;
    }
    exposer = *std::move(started);
    spdlog::info("frontline: metrics on port {}", exposer->port());
  }
  if (run_cmd->parsed()) return frontline::RunAll(run);
  if (state_cmd->parsed()) return frontline::RunState(state_flags);
  if (normalize_cmd->parsed()) return frontline::RunNormalize(normalize_flags);
  if (dedup_cmd->parsed()) return frontline::RunDedup(dedup_flags);
  if (feed_cmd->parsed()) {
    return frontline::RunIngest(feed_flags, /*feeds=*/true, /*telegram=*/false);
  }
  if (telegram_cmd->parsed()) {
    return frontline::RunIngest(telegram_flags, false, true);
  }
  if (dev_kafka->parsed()) return frontline::RunDevKafka(brokers, partitions);
  return 0;
}
