// `frontline`: every Frontline service as a subcommand of one binary.
#include <csignal>
#include <cstdio>
#include <iostream>

#include "CLI/CLI.hpp"
#include "absl/synchronization/notification.h"
#include "libs/bus/kafka_mock_cluster.h"

namespace {

absl::Notification* g_stop = nullptr;

void OnSignal(int) {
  if (g_stop != nullptr && !g_stop->HasBeenNotified()) g_stop->Notify();
}

int RunDevKafka(int brokers) {
  auto cluster = frontline::bus::KafkaMockCluster::Start(brokers);
  if (!cluster.ok()) {
    std::cerr << "frontline dev-kafka: " << cluster.status() << "\n";
    return 1;
  }
  absl::Notification stop;
  g_stop = &stop;
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  // The one line scripts read: the bootstrap servers.
  std::printf("%s\n", (*cluster)->bootstrap_servers().c_str());
  std::fflush(stdout);
  std::fprintf(stderr,
               "frontline dev-kafka: %d mock brokers on %s; use --bus %s; "
               "Ctrl-C stops\n",
               brokers, (*cluster)->bootstrap_servers().c_str(),
               (*cluster)->uri().c_str());
  stop.WaitForNotification();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Frontline: an event-sourced message bus for OSINT aggregation"};
  app.require_subcommand(1);

  int brokers = 3;
  auto* dev_kafka = app.add_subcommand(
      "dev-kafka",
      "Start a Kafka mock cluster (librdkafka) on 127.0.0.1, print its "
      "bootstrap servers and run until stopped");
  dev_kafka->add_option("--brokers", brokers, "Number of brokers")
      ->check(CLI::Range(1, 9));

  CLI11_PARSE(app, argc, argv);
  if (dev_kafka->parsed()) return RunDevKafka(brokers);
  return 0;
}
