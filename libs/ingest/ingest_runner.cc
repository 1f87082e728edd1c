#include "libs/ingest/ingest_runner.h"

#include "absl/strings/ascii.h"
#include "libs/ingest/feed_ingester.h"
#include "libs/ingest/poll_scheduler.h"
#include "libs/ingest/telegram_ingester.h"
#include "libs/metrics/metrics.h"
#include "prometheus/counter.h"
#include "spdlog/spdlog.h"

namespace frontline::ingest {
namespace {

std::vector<SourceSpec> OfKinds(const IngestConfig& config,
                                std::initializer_list<SourceKind> kinds) {
  std::vector<SourceSpec> out;
  for (const SourceSpec& spec : config.sources) {
    for (SourceKind kind : kinds) {
      if (spec.kind == kind) out.push_back(spec);
    }
  }
  return out;
}

// Logs and counts a poll's outcome.
absl::Status Logged(const SourceSpec& spec,
                    const absl::StatusOr<PollOutcome>& outcome) {
  metrics::Metrics& m = metrics::Standard();
  const std::string& source = spec.source.id();
  if (!outcome.ok()) {
    m.IngestItems(source, "failed").Increment();
    return outcome.status();
  }
  if (outcome->emitted > 0) {
    spdlog::info("source {}: {} new, {} seen before", source, outcome->emitted,
                 outcome->unchanged);
  }
  m.IngestItems(source, "emitted").Increment(double(outcome->emitted));
  m.IngestItems(source, "unchanged").Increment(double(outcome->unchanged));
  m.RecordsOut(
       spec.kind == SourceKind::kFeed ? "feed-ingest" : "telegram-ingest",
       "raw")
      .Increment(double(outcome->emitted));
  return absl::OkStatus();
}

}  // namespace

IngestRunner::IngestRunner(bus::Bus& bus, StateStore& state,
                           IngestConfig config, IngestRunnerOptions options)
    : bus_(bus),
      state_(state),
      config_(std::move(config)),
      options_(options),
      gate_(options.politeness) {}

IngestRunner::~IngestRunner() { Stop(); }

void IngestRunner::Start() {
  if (options_.feeds) threads_.emplace_back([this] { RunFeeds(); });
  if (options_.telegram) threads_.emplace_back([this] { RunTelegram(); });
}

void IngestRunner::Stop() {
  stop_ = true;
  for (std::thread& t : threads_) t.join();
  threads_.clear();
}

bool IngestRunner::Owned(const SourceSpec& spec) const {
  return !options_.owns || options_.owns(spec.source.id());
}

void IngestRunner::RunFeeds() {
  std::vector<SourceSpec> feeds = OfKinds(config_, {SourceKind::kFeed});
  if (feeds.empty()) return;
  FeedIngester ingester(bus_, state_, gate_);
  PollScheduler scheduler(
      std::move(feeds),
      [&](const SourceSpec& spec, std::optional<absl::Duration>* retry_after) {
        if (!Owned(spec)) return absl::OkStatus();
        absl::Status s = Logged(spec, ingester.Poll(spec));
        *retry_after = ingester.last_retry_after();
        return s;
      });
  scheduler.Run([this] { return stop_.load(); });
}

void IngestRunner::RunTelegram() {
  std::map<std::string, v1::Source> by_channel;
  for (const SourceSpec& spec : config_.sources) {
    if (!spec.channel.empty()) {
      by_channel[absl::AsciiStrToLower(spec.channel)] = spec.source;
    }
  }
  TelegramIngester ingester(bus_, state_, gate_, config_.telegram, by_channel);
  for (const SourceSpec& spec :
       OfKinds(config_, {SourceKind::kTelegramExport})) {
    if (stop_) return;
    if (!Owned(spec)) continue;
    Logged(spec, ingester.ImportExport(spec)).IgnoreError();
  }
  std::vector<SourceSpec> polled = OfKinds(
      config_, {SourceKind::kTelegramPreview, SourceKind::kTelegramBot});
  std::string token;
  if (!OfKinds(config_, {SourceKind::kTelegramBot}).empty()) {
    auto read = ReadBotToken(config_.telegram);
    if (read.ok()) {
      token = *read;
    } else {
      spdlog::error("telegram bot sources skipped: {}",
                    read.status().ToString());
      std::erase_if(polled, [](const SourceSpec& s) {
        return s.kind == SourceKind::kTelegramBot;
      });
    }
  }
  if (polled.empty()) return;
  PollScheduler scheduler(
      std::move(polled),
      [&](const SourceSpec& spec, std::optional<absl::Duration>* retry_after) {
        if (!Owned(spec)) return absl::OkStatus();
        absl::Status s = spec.kind == SourceKind::kTelegramBot
                             ? Logged(spec, ingester.PollBot(spec, token))
                             : Logged(spec, ingester.PollPreview(spec));
        *retry_after = ingester.last_retry_after();
        return s;
      });
  scheduler.Run([this] { return stop_.load(); });
}

}  // namespace frontline::ingest
