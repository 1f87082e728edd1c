// feed-ingest's work for one feed source: a polite conditional GET, parsing
// (RSS, Atom, RDF, JSON Feed), article pages for summary-only feeds, new and
// edited items onto the raw topic, then the cursor (validators and seen
// items) committed. Nothing is committed before the documents are durable,
// so a crash re-sends, with the same ids, rather than loses.
#ifndef FRONTLINE_LIBS_INGEST_FEED_INGESTER_H_
#define FRONTLINE_LIBS_INGEST_FEED_INGESTER_H_

#include <optional>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/bus/bus.h"
#include "libs/fetch/host_gate.h"
#include "libs/fetch/http_fetcher.h"
#include "libs/ingest/source_config.h"
#include "libs/ingest/state_store.h"

namespace frontline::ingest {

struct PollOutcome {
  size_t emitted = 0;    // new items and new versions
  size_t unchanged = 0;  // items seen before with the same content
  bool not_modified = false;
  size_t problems = 0;  // recoverable parse problems (logged)
};

struct FeedIngesterOptions {
  fetch::FetchRequest fetch_defaults;
  absl::Duration publish_timeout = absl::Seconds(60);
};

class FeedIngester {
 public:
  FeedIngester(bus::Bus& bus, StateStore& state, fetch::HostGate& gate,
               FeedIngesterOptions options = {});

  // kUnavailable for an HTTP error answer (see last_retry_after),
  // kInvalidArgument for a body that is no feed, transport errors as
  // HttpFetcher reports them. Nothing is emitted or committed on error.
  absl::StatusOr<PollOutcome> Poll(const SourceSpec& spec);

  // The Retry-After of the last failed poll, if the server sent one.
  std::optional<absl::Duration> last_retry_after() const {
    return last_retry_after_;
  }

 private:
  std::string ArticleBody(const std::string& url, std::string* content_type);

  bus::Bus& bus_;
  StateStore& state_;
  fetch::HostGate& gate_;
  const FeedIngesterOptions options_;
  fetch::HttpFetcher fetcher_;
  std::optional<absl::Duration> last_retry_after_;
};

}  // namespace frontline::ingest

#endif  // FRONTLINE_LIBS_INGEST_FEED_INGESTER_H_
