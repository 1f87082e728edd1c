#include "libs/ingest/telegram_ingester.h"

#include <fstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "libs/fetch/backoff.h"
#include "libs/ingest/item_versions.h"
#include "libs/ingest/publisher.h"
#include "libs/pipeline/raw_documents.h"
#include "libs/telegram/bot_api.h"
#include "libs/telegram/channel_cursor.h"
#include "libs/telegram/export_reader.h"
#include "libs/telegram/preview_page.h"
#include "libs/telegram/raw_document.h"
#include "spdlog/spdlog.h"

namespace frontline::ingest {
namespace {

constexpr char kProducer[] = "/frontline/telegram-ingest";
constexpr char kFetcher[] = "telegram-ingest/0.1";

std::string CursorKey(absl::string_view channel) {
  return absl::StrCat("tg/cursor/", channel);
}

std::string PostContentHash(const telegram::Post& post) {
  return pipeline::ContentHashHex(absl::StrCat(post.text, "\x1f",
                                               absl::StrJoin(post.links, " "),
                                               "\x1f", post.media_type));
}

}  // namespace

// Posts of one poll on their way to the bus: versions decided, cursors
// advanced, all committed together once the documents are durable.
class TelegramIngester::Batch {
 public:
  Batch(TelegramIngester& owner, const SourceSpec& spec)
      : owner_(owner), spec_(spec) {}

  absl::Status Add(telegram::Post post, const std::string& fetch_url) {
    const std::string channel = telegram::ChannelKey(post);
    if (absl::Status s = Observe(channel, post.message_id); !s.ok()) return s;
    telegram::RawDocumentOptions options{.source = SourceFor(channel),
                                         .fetched_time = absl::Now(),
                                         .fetcher = kFetcher,
                                         .fetch_url = fetch_url,
                                         .import_file = spec_.path};
    // The source id is settled before the version, which is per source.
    const std::string source_id = options.source.id().empty()
                                      ? absl::StrCat("telegram:", channel)
                                      : options.source.id();
    auto it = versions_.try_emplace(source_id, owner_.state_, source_id).first;
    auto version = it->second.VersionFor(telegram::ExternalId(post),
                                         PostContentHash(post));
    if (!version.ok()) return version.status();
    if (*version == 0) {
      ++unchanged_;
      return absl::OkStatus();
    }
    post.version = *version;
    auto doc = telegram::ToRawDocument(post, options);
    if (!doc.ok()) return doc.status();
    docs_.push_back(*std::move(doc));
    return absl::OkStatus();
  }

  // Publishes what was added, then commits it with `extra` state.
  absl::StatusOr<size_t> Publish(StateUpdates extra = {}) {
    if (absl::Status s = PublishRawDocuments(owner_.bus_, docs_, kProducer,
                                             owner_.options_.publish_timeout);
        !s.ok()) {
      return s;
    }
    StateUpdates updates = std::move(extra);
    for (auto& [source, versions] : versions_) {
      StateUpdates v = versions.TakeUpdates();
      updates.insert(updates.end(), v.begin(), v.end());
    }
    for (const auto& [channel, cursor] : cursors_) {
      updates.emplace_back(CursorKey(channel), cursor.Encode());
    }
    if (absl::Status s = owner_.state_.Commit(updates); !s.ok()) return s;
    const size_t emitted = docs_.size();
    docs_.clear();
    return emitted;
  }

  size_t unchanged() const { return unchanged_; }
  absl::StatusOr<telegram::ChannelCursor*> Cursor(const std::string& channel) {
    auto it = cursors_.find(channel);
    if (it != cursors_.end()) return &it->second;
    auto stored = owner_.state_.Get(CursorKey(channel));
    if (!stored.ok()) return stored.status();
    auto cursor = telegram::ChannelCursor::Decode(stored->value_or(""));
    if (!cursor.ok()) return cursor.status();
    return &cursors_.emplace(channel, *std::move(cursor)).first->second;
  }

 private:
  absl::Status Observe(const std::string& channel, int64_t id) {
    auto cursor = Cursor(channel);
    if (!cursor.ok()) return cursor.status();
    (*cursor)->Observe(id);
    return absl::OkStatus();
  }

  v1::Source SourceFor(const std::string& channel) {
    if (spec_.kind == SourceKind::kTelegramPreview) return spec_.source;
    auto known = owner_.sources_by_channel_.find(channel);
    if (known != owner_.sources_by_channel_.end()) return known->second;
    // A channel nobody configured: its own id, the spec's affiliation.
    v1::Source source = spec_.source;
    source.clear_id();
    source.clear_name();
    source.clear_url();
    return source;
  }

  TelegramIngester& owner_;
  const SourceSpec& spec_;
  std::map<std::string, ItemVersions> versions_;
  std::map<std::string, telegram::ChannelCursor> cursors_;
  std::vector<v1::RawDocument> docs_;
  size_t unchanged_ = 0;
};

TelegramIngester::TelegramIngester(
    bus::Bus& bus, StateStore& state, fetch::HostGate& gate,
    TelegramSettings settings,
    std::map<std::string, v1::Source> sources_by_channel,
    TelegramIngesterOptions options)
    : bus_(bus),
      state_(state),
      gate_(gate),
      settings_(std::move(settings)),
      sources_by_channel_(std::move(sources_by_channel)),
      options_(std::move(options)) {}

absl::StatusOr<fetch::FetchResponse> TelegramIngester::Get(
    fetch::FetchRequest request) {
  last_retry_after_.reset();
  auto permit = gate_.Acquire(fetch::HostGate::HostOf(request.url));
  auto response = fetcher_.Fetch(request);
  if (!response.ok()) return response.status();
  if (response->http_status != 200) {
    last_retry_after_ =
        fetch::ParseRetryAfter(response->retry_after, absl::Now());
    return absl::UnavailableError(
        absl::StrCat(request.log_url.empty() ? request.url : request.log_url,
                     ": HTTP ", response->http_status));
  }
  return response;
}

absl::StatusOr<PollOutcome> TelegramIngester::PollPreview(
    const SourceSpec& spec) {
  Batch batch(*this, spec);
  const std::string channel = absl::AsciiStrToLower(spec.channel);
  auto cursor = batch.Cursor(channel);
  if (!cursor.ok()) return cursor.status();
  const int64_t last_seen = (*cursor)->empty() ? 0 : (*cursor)->last_id();
  const int pages =
      last_seen == 0 ? options_.backfill_pages : options_.max_pages_per_poll;
  int64_t before = 0;
  PollOutcome outcome;
  for (int page_no = 0; page_no < pages; ++page_no) {
    fetch::FetchRequest request = options_.fetch_defaults;
    request.url = absl::StrCat(settings_.preview_base, "/s/", spec.channel);
    if (before > 0) absl::StrAppend(&request.url, "?before=", before);
    auto response = Get(request);
    if (!response.ok()) return response.status();
    auto page = telegram::ParsePreviewPage(response->body);
    if (!page.ok()) {
      return absl::Status(page.status().code(),
                          absl::StrCat("preview of ", spec.channel, ": ",
                                       page.status().message()));
    }
    outcome.problems += page->errors.size();
    for (telegram::Post& post : page->posts) {
      if (absl::Status s = batch.Add(std::move(post), request.url); !s.ok()) {
        return s;
      }
    }
    // Older pages only while this one is all newer than what was seen.
    if (page->before <= last_seen + 1 || page->before <= 1) break;
    before = page->before;
  }
  auto emitted = batch.Publish();
  if (!emitted.ok()) return emitted.status();
  outcome.emitted = *emitted;
  outcome.unchanged = batch.unchanged();
  return outcome;
}

absl::StatusOr<PollOutcome> TelegramIngester::PollBot(
    const SourceSpec& spec, const std::string& token) {
  const std::string offset_key = absl::StrCat("tg/bot/", spec.source.id());
  auto stored = state_.Get(offset_key);
  if (!stored.ok()) return stored.status();
  const std::string offset = stored->value_or("0");
  fetch::FetchRequest request = options_.fetch_defaults;
  const std::string query = absl::StrCat(
      "/getUpdates?offset=", offset,
      "&timeout=", absl::ToInt64Seconds(options_.bot_poll_timeout),
      "&allowed_updates=%5B%22channel_post%22%2C%22edited_channel_post%22%5D");
  request.url = absl::StrCat(settings_.api_base, "/bot", token, query);
  request.log_url = absl::StrCat(settings_.api_base, "/bot<token>", query);
  request.total_timeout = options_.bot_poll_timeout + absl::Seconds(15);
  auto response = Get(request);
  if (!response.ok()) return response.status();
  telegram::VersionTracker unused;  // versions come from content, below
  auto updates = telegram::ParseGetUpdates(response->body, &unused);
  if (!updates.ok()) return updates.status();
  Batch batch(*this, spec);
  PollOutcome outcome;
  outcome.problems = updates->errors.size();
  for (telegram::Post& post : updates->posts) {
    if (absl::Status s = batch.Add(std::move(post), request.log_url); !s.ok()) {
      return s;
    }
  }
  StateUpdates extra;
  if (updates->next_offset > 0) {
    extra.emplace_back(offset_key, absl::StrCat(updates->next_offset));
  }
  auto emitted = batch.Publish(std::move(extra));
  if (!emitted.ok()) return emitted.status();
  outcome.emitted = *emitted;
  outcome.unchanged = batch.unchanged();
  return outcome;
}

absl::StatusOr<PollOutcome> TelegramIngester::ImportExport(
    const SourceSpec& spec, const std::function<void(int64_t)>& progress) {
  std::ifstream in(spec.path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat("cannot read export ", spec.path));
  }
  Batch batch(*this, spec);
  PollOutcome outcome;
  telegram::ExportOptions options;
  options.channel_username = spec.channel;
  telegram::ExportSummary summary;
  size_t since_publish = 0;
  absl::Status read = telegram::ReadDesktopExport(
      in, options,
      [&](telegram::Post post) -> absl::Status {
        if (absl::Status s = batch.Add(std::move(post), ""); !s.ok()) return s;
        if (++since_publish < options_.export_batch) return absl::OkStatus();
        since_publish = 0;
        auto emitted = batch.Publish();
        if (!emitted.ok()) return emitted.status();
        outcome.emitted += *emitted;
        return absl::OkStatus();
      },
      progress ? telegram::ProgressSink(progress) : nullptr, &summary);
  // What was read before an error is published: it is good data.
  auto emitted = batch.Publish();
  if (!emitted.ok()) return emitted.status();
  outcome.emitted += *emitted;
  outcome.unchanged = batch.unchanged();
  outcome.problems = summary.messages_rejected;
  if (!read.ok()) {
    return absl::Status(
        read.code(), absl::StrCat("export ", spec.path, ": ", read.message()));
  }
  return outcome;
}

absl::StatusOr<ChannelStats> TelegramIngester::Stats(
    const std::string& channel) {
  auto stored = state_.Get(CursorKey(absl::AsciiStrToLower(channel)));
  if (!stored.ok()) return stored.status();
  auto cursor = telegram::ChannelCursor::Decode(stored->value_or(""));
  if (!cursor.ok()) return cursor.status();
  ChannelStats stats;
  if (!cursor->empty()) stats.last_id = cursor->last_id();
  stats.seen = cursor->seen_count();
  stats.gaps = cursor->gap_count();
  return stats;
}

}  // namespace frontline::ingest
