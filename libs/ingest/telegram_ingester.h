// telegram-ingest's work: public channel preview pages (t.me/s/<channel>,
// paging back with ?before= until it meets what it has seen), Bot API
// getUpdates long polling (the offset kept), and Desktop export files
// (streamed). Each post becomes a RawDocument; an edit (changed text) is the
// next version of the same post, a repeat is nothing. Per-channel cursors
// record every message id seen, so gaps (deleted or missed posts) are
// counted. State is committed only after the documents are durable.
//
// The bot token appears in no log line and no error message.
#ifndef FRONTLINE_LIBS_INGEST_TELEGRAM_INGESTER_H_
#define FRONTLINE_LIBS_INGEST_TELEGRAM_INGESTER_H_

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/bus/bus.h"
#include "libs/fetch/host_gate.h"
#include "libs/fetch/http_fetcher.h"
#include "libs/ingest/feed_ingester.h"
#include "libs/ingest/source_config.h"
#include "libs/ingest/state_store.h"

namespace frontline::ingest {

struct TelegramIngesterOptions {
  fetch::FetchRequest fetch_defaults;
  // Pages fetched for a channel never seen before (its recent history).
  int backfill_pages = 1;
  // Pages fetched per poll at most, paging back to the last post seen.
  int max_pages_per_poll = 5;
  // getUpdates long-polling timeout.
  absl::Duration bot_poll_timeout = absl::Seconds(25);
  // Export posts published per commit.
  size_t export_batch = 500;
  absl::Duration publish_timeout = absl::Seconds(60);
};

struct ChannelStats {
  int64_t last_id = 0;
  int64_t seen = 0;
  // Message ids missing between the first and last seen.
  int64_t gaps = 0;
};

class TelegramIngester {
 public:
  // `sources_by_channel` (lower-cased username -> Source) gives bot and
  // export posts the configured affiliation of their channel.
  TelegramIngester(bus::Bus& bus, StateStore& state, fetch::HostGate& gate,
                   TelegramSettings settings,
                   std::map<std::string, v1::Source> sources_by_channel = {},
                   TelegramIngesterOptions options = {});

  absl::StatusOr<PollOutcome> PollPreview(const SourceSpec& spec);
  absl::StatusOr<PollOutcome> PollBot(const SourceSpec& spec,
                                      const std::string& token);
  // Streams the export at spec.path; resumable: what an earlier run
  // committed is skipped.
  absl::StatusOr<PollOutcome> ImportExport(
      const SourceSpec& spec,
      const std::function<void(int64_t bytes_read)>& progress = nullptr);

  absl::StatusOr<ChannelStats> Stats(const std::string& channel);
  std::optional<absl::Duration> last_retry_after() const {
    return last_retry_after_;
  }

 private:
  class Batch;
  absl::StatusOr<fetch::FetchResponse> Get(fetch::FetchRequest request);

  bus::Bus& bus_;
  StateStore& state_;
  fetch::HostGate& gate_;
  const TelegramSettings settings_;
  const std::map<std::string, v1::Source> sources_by_channel_;
  const TelegramIngesterOptions options_;
  fetch::HttpFetcher fetcher_;
  std::optional<absl::Duration> last_retry_after_;
};

}  // namespace frontline::ingest

#endif  // FRONTLINE_LIBS_INGEST_TELEGRAM_INGESTER_H_
