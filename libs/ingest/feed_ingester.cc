#include "libs/ingest/feed_ingester.h"

#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/feeds/feed_parser.h"
#include "libs/feeds/raw_document.h"
#include "libs/fetch/backoff.h"
#include "libs/ingest/item_versions.h"
#include "libs/ingest/publisher.h"
#include "spdlog/spdlog.h"

namespace frontline::ingest {
namespace {

constexpr char kProducer[] = "/frontline/feed-ingest";

std::string ValidatorsKey(const SourceSpec& spec) {
  return absl::StrCat("feed/", spec.source.id(), "/validators");
}

// A feed file read as if fetched: status 200, its path as the URL.
absl::StatusOr<fetch::FetchResponse> ReadFeedFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read feed ", path));
  std::stringstream bytes;
  bytes << in.rdbuf();
  fetch::FetchResponse response;
  response.http_status = 200;
  response.body = bytes.str();
  response.final_url = absl::StrCat("file://", path);
  return response;
}

}  // namespace

FeedIngester::FeedIngester(bus::Bus& bus, StateStore& state,
                           fetch::HostGate& gate, FeedIngesterOptions options)
    : bus_(bus), state_(state), gate_(gate), options_(std::move(options)) {}

std::string FeedIngester::ArticleBody(const std::string& url,
                                      std::string* content_type) {
  fetch::FetchRequest request = options_.fetch_defaults;
  request.url = url;
  auto permit = gate_.Acquire(fetch::HostGate::HostOf(url));
  auto page = fetcher_.Fetch(request);
  if (!page.ok() || page->http_status != 200) {
    spdlog::warn("article {}: {}", url,
                 page.ok() ? absl::StrCat("HTTP ", page->http_status)
                           : page.status().ToString());
    return "";
  }
  *content_type = page->content_type;
  return page->body;
}

absl::StatusOr<PollOutcome> FeedIngester::Poll(const SourceSpec& spec) {
  last_retry_after_.reset();
  const std::string validators_key = ValidatorsKey(spec);
  auto validators = state_.Get(validators_key);
  if (!validators.ok()) return validators.status();

  absl::StatusOr<fetch::FetchResponse> response;
  if (spec.url.empty()) {
    response = ReadFeedFile(spec.path);
  } else {
    fetch::FetchRequest request = options_.fetch_defaults;
    request.url = spec.url;
    if (validators->has_value()) {
      const std::string& v = **validators;
      const size_t nl = v.find('\n');
      request.etag = v.substr(0, nl);
      if (nl != std::string::npos) request.last_modified = v.substr(nl + 1);
    }
    auto permit = gate_.Acquire(fetch::HostGate::HostOf(spec.url));
    response = fetcher_.Fetch(request);
  }
  if (!response.ok()) return response.status();
  PollOutcome outcome;
  if (response->not_modified()) {
    outcome.not_modified = true;
    return outcome;
  }
  if (response->http_status != 200) {
    last_retry_after_ =
        fetch::ParseRetryAfter(response->retry_after, absl::Now());
    return absl::UnavailableError(absl::StrCat(
        "feed ", spec.source.id(), ": HTTP ", response->http_status));
  }
  auto feed = feeds::ParseFeed(response->body);
  if (!feed.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("feed ", spec.source.id(), ": ", feed.status().message()));
  }
  outcome.problems = feed->report.problems.size();
  for (const absl::Status& problem : feed->report.problems) {
    spdlog::warn("feed {}: {}", spec.source.id(), problem.ToString());
  }

  const absl::Time now = absl::Now();
  ItemVersions versions(state_, spec.source.id());
  std::vector<v1::RawDocument> docs;
  for (const feeds::FeedItem& item : feed->items) {
    auto version =
        versions.VersionFor(item.external_id, feeds::ContentHash(item));
    if (!version.ok()) return version.status();
    if (*version == 0) {
      ++outcome.unchanged;
      continue;
    }
    v1::RawDocument doc =
        feeds::ToRawDocument(item, spec.source, now, *version);
    doc.mutable_provenance()->set_fetcher("feed-ingest/0.1");
    doc.mutable_provenance()->set_fetch_url(response->final_url);
    doc.mutable_provenance()->set_http_etag(response->etag);
    doc.mutable_provenance()->set_http_last_modified(response->last_modified);
    if (spec.fetch_articles && !item.url.empty()) {
      std::string content_type;
      std::string page = ArticleBody(item.url, &content_type);
      if (!page.empty()) {
        (*doc.mutable_attributes())["feed_summary"] = doc.body();
        doc.set_body(std::move(page));
        doc.set_content_type(content_type.empty() ? "text/html" : content_type);
        doc.set_format(v1::RAW_FORMAT_HTML);
      }
    }
    docs.push_back(std::move(doc));
  }
  if (absl::Status s =
          PublishRawDocuments(bus_, docs, kProducer, options_.publish_timeout);
      !s.ok()) {
    return s;
  }
  StateUpdates updates = versions.TakeUpdates();
  updates.emplace_back(validators_key, absl::StrCat(response->etag, "\n",
                                                    response->last_modified));
  if (absl::Status s = state_.Commit(updates); !s.ok()) return s;
  outcome.emitted = docs.size();
  return outcome;
}

}  // namespace frontline::ingest
