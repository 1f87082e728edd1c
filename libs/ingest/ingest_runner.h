// Runs the configured sources until stopped: feeds on one thread, Telegram
// (preview pages and the bot) on another, each source on its own schedule.
// Telegram exports named in the config are imported once at start
// (resumably). Used by `frontline feed-ingest`, `telegram-ingest` and `run`.
#ifndef FRONTLINE_LIBS_INGEST_INGEST_RUNNER_H_
#define FRONTLINE_LIBS_INGEST_INGEST_RUNNER_H_

#include <atomic>
#include <functional>
#include <string>
#include <thread>

#include "libs/bus/bus.h"
#include "libs/fetch/host_gate.h"
#include "libs/ingest/source_config.h"
#include "libs/ingest/state_store.h"

namespace frontline::ingest {

struct IngestRunnerOptions {
  bool feeds = true;
  bool telegram = true;
  fetch::PolitenessOptions politeness;
  // Whether this replica polls a source (by id); all when unset. See
  // SourceShards.
  std::function<bool(const std::string& source_id)> owns;
};

class IngestRunner {
 public:
  IngestRunner(bus::Bus& bus, StateStore& state, IngestConfig config,
               IngestRunnerOptions options = {});
  ~IngestRunner();

  void Start();
  // Returns once every thread has finished its current poll.
  void Stop();

 private:
  bool Owned(const SourceSpec& spec) const;
  void RunFeeds();
  void RunTelegram();

  bus::Bus& bus_;
  StateStore& state_;
  const IngestConfig config_;
  const IngestRunnerOptions options_;
  fetch::HostGate gate_;
  std::atomic<bool> stop_{false};
  std::vector<std::thread> threads_;
};

}  // namespace frontline::ingest

#endif  // FRONTLINE_LIBS_INGEST_INGEST_RUNNER_H_
