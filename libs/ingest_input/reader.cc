#include "libs/ingest_input/reader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "libs/feeds/feed_parser.h"
#include "libs/feeds/raw_document.h"
#include "libs/ingest_input/detect.h"
#include "libs/ingest_input/stamp.h"
#include "libs/ingest_input/whole_document.h"
#include "libs/telegram/bot_api.h"
#include "libs/telegram/export_reader.h"
#include "libs/telegram/preview_page.h"
#include "libs/telegram/raw_document.h"

namespace frontline::ingest_input {
namespace {

constexpr size_t kMaxRecordedProblems = 100;
constexpr size_t kChunkBytes = 64 << 10;

void RecordProblem(absl::Status problem, ReadSummary* summary) {
  if (summary->problems.size() < kMaxRecordedProblems) {
    summary->problems.push_back(std::move(problem));
  }
}

absl::Status Prefixed(InputFormat format, const absl::Status& status) {
  return absl::Status(status.code(),
                      absl::StrCat(FormatName(format), ": ", status.message()));
}

// One read in progress: where the bytes come from and where documents go.
class Reading {
 public:
  Reading(const InputOrigin& origin, int64_t total, const ReadOptions& options,
          const DocumentSink& sink, const ReadProgress& progress,
          ReadSummary* summary)
      : origin_(origin),
        total_(total),
        options_(options),
        sink_(sink),
        progress_(progress),
        summary_(summary) {}

  // Stamps `doc` and hands it to the sink.
  absl::Status Deliver(v1::RawDocument doc) {
    ApplyStamp(options_.stamp, &doc);
    ++summary_->documents;
    absl::Status status = sink_(std::move(doc));
    if (!status.ok()) sink_failed_ = true;
    return status;
  }

  // A parser's error named by the format; the sink's passes unchanged.
  absl::Status Fail(const absl::Status& status) const {
    if (status.ok() || sink_failed_) return status;
    return Prefixed(summary_->format, status);
  }

  void Progress(int64_t bytes_read) {
    summary_->bytes_read = bytes_read;
    if (progress_) progress_(bytes_read, total_);
  }

  absl::StatusOr<std::string> ReadWhole(std::istream& in) {
    std::string body;
    if (total_ > 0) body.reserve(total_);
    std::string chunk(kChunkBytes, '\0');
    int64_t next_report = options_.progress_interval_bytes;
    while (in) {
      in.read(chunk.data(), chunk.size());
      body.append(chunk.data(), static_cast<size_t>(in.gcount()));
      if (static_cast<int64_t>(body.size()) > options_.max_document_bytes) {
        return absl::ResourceExhaustedError(
            absl::StrCat("input exceeds the limit of ",
                         options_.max_document_bytes, " bytes"));
      }
      if (static_cast<int64_t>(body.size()) >= next_report) {
        Progress(static_cast<int64_t>(body.size()));
        next_report += options_.progress_interval_bytes;
      }
    }
    if (in.bad()) return absl::DataLossError("read error");
    Progress(static_cast<int64_t>(body.size()));
    return body;
  }

  telegram::RawDocumentOptions TelegramOptions() const {
    telegram::RawDocumentOptions converted;
    if (origin_.is_url) {
      converted.fetch_url = origin_.final_url;
    } else {
      converted.import_file = origin_.path;
    }
    return converted;
  }

  // Converts and delivers one post; an unusable post is skipped.
  absl::Status DeliverPost(const telegram::Post& post) {
    absl::StatusOr<v1::RawDocument> doc =
        telegram::ToRawDocument(post, TelegramOptions());
    if (!doc.ok()) {
      ++summary_->skipped;
      RecordProblem(doc.status(), summary_);
      return absl::OkStatus();
    }
    return Deliver(*std::move(doc));
  }

  absl::Status TelegramExport(std::istream& in) {
    telegram::ExportOptions export_options;
    export_options.progress_interval_bytes = options_.progress_interval_bytes;
    telegram::ExportSummary export_summary;
    absl::Status status = telegram::ReadDesktopExport(
        in, export_options,
        [&](telegram::Post post) { return DeliverPost(post); },
        [&](int64_t bytes) { Progress(bytes); }, &export_summary);
    summary_->bytes_read = export_summary.bytes_read;
    summary_->skipped += export_summary.messages_rejected;
    for (const absl::Status& error : export_summary.message_errors) {
      RecordProblem(error, summary_);
    }
    return Fail(status);
  }

  absl::Status BotApi(absl::string_view body) {
    telegram::BotApiOptions parse_options;
    parse_options.max_body_bytes = options_.max_document_bytes;
    absl::StatusOr<telegram::UpdatesBatch> batch =
        telegram::ParseGetUpdates(body, nullptr, parse_options);
    if (!batch.ok()) return Fail(batch.status());
    summary_->skipped += batch->updates_rejected;
    for (const absl::Status& error : batch->errors) {
      RecordProblem(error, summary_);
    }
    for (const telegram::Post& post : batch->posts) {
      if (absl::Status status = DeliverPost(post); !status.ok()) return status;
    }
    return absl::OkStatus();
  }

  absl::Status Preview(absl::string_view body) {
    telegram::PreviewOptions parse_options;
    parse_options.max_page_bytes = options_.max_document_bytes;
    absl::StatusOr<telegram::PreviewPage> page =
        telegram::ParsePreviewPage(body, parse_options);
    if (!page.ok()) return Fail(page.status());
    summary_->skipped += page->posts_rejected;
    for (const absl::Status& error : page->errors) {
      RecordProblem(error, summary_);
    }
    for (const telegram::Post& post : page->posts) {
      if (absl::Status status = DeliverPost(post); !status.ok()) return status;
    }
    return absl::OkStatus();
  }

  v1::Source FeedSource(const feeds::FeedInfo& info) const {
    v1::Source source;
    std::string host = UrlHost(info.link);
    if (host.empty() && origin_.is_url) host = UrlHost(origin_.final_url);
    source.set_id(host.empty() ? WholeInputSourceId(origin_)
                               : absl::StrCat("feed:", host));
    source.set_kind(v1::SOURCE_KIND_FEED);
    source.set_name(info.title);
    source.set_url(!info.link.empty() ? info.link : origin_.final_url);
    source.set_language(info.language);
    return source;
  }

  absl::Status Feed(absl::string_view body) {
    feeds::ParseOptions parse_options;
    parse_options.max_document_bytes = options_.max_document_bytes;
    absl::StatusOr<feeds::ParsedFeed> feed =
        feeds::ParseFeed(body, parse_options);
    if (!feed.ok()) return Fail(feed.status());
    switch (feed->format) {
      case feeds::FeedFormat::kRss2:
        summary_->format = InputFormat::kRss;
        break;
      case feeds::FeedFormat::kAtom:
        summary_->format = InputFormat::kAtom;
        break;
      case feeds::FeedFormat::kRdf:
        summary_->format = InputFormat::kRdf;
        break;
      case feeds::FeedFormat::kJsonFeed:
        summary_->format = InputFormat::kJsonFeed;
        break;
      case feeds::FeedFormat::kUnknown:
        break;
    }
    absl::Status broken_off;
    for (const absl::Status& problem : feed->report.problems) {
      if (problem.code() == absl::StatusCode::kDataLoss ||
          problem.code() == absl::StatusCode::kResourceExhausted) {
        broken_off = problem;
      } else if (absl::EndsWith(problem.message(), "skipped")) {
        ++summary_->skipped;
      }
      RecordProblem(problem, summary_);
    }
    const v1::Source source = FeedSource(feed->info);
    for (const feeds::FeedItem& item : feed->items) {
      v1::RawDocument doc = feeds::ToRawDocument(
          item, source, options_.stamp.fetched_time, /*version=*/1);
      if (origin_.is_url) {
        doc.mutable_provenance()->set_fetch_url(origin_.final_url);
      } else {
        doc.mutable_provenance()->set_import_file(origin_.path);
      }
      if (absl::Status status = Deliver(std::move(doc)); !status.ok()) {
        return status;
      }
    }
    return Fail(broken_off);
  }

  absl::Status Run(std::istream& in) {
    std::string head(kDetectionBytes, '\0');
    in.read(head.data(), head.size());
    head.resize(static_cast<size_t>(in.gcount()));
    in.clear();
    in.seekg(0);
    if (!in) {
      return absl::FailedPreconditionError(
          "input cannot be read twice (not seekable)");
    }
    InputFormat format = options_.format.value_or(InputFormat::kUnknown);
    if (!options_.format) {
      format =
          DetectFormat(head, origin_.is_url ? origin_.final_url : origin_.path);
    }
    summary_->format = format;
    if (format == InputFormat::kUnknown) {
      return absl::InvalidArgumentError(
          head.empty() ? "input is empty"
                       : "cannot tell the input's format (not a Telegram "
                         "export, Bot API response, feed, HTML page or text); "
                         "name it explicitly");
    }
    if (format == InputFormat::kTelegramExport) return TelegramExport(in);
    // An input known to be over the limit is refused before it is read.
    if (total_ > options_.max_document_bytes) {
      return Fail(absl::ResourceExhaustedError(
          absl::StrCat("input of ", total_, " bytes exceeds the limit of ",
                       options_.max_document_bytes, " bytes")));
    }

    absl::StatusOr<std::string> body = ReadWhole(in);
    if (!body.ok()) return Fail(body.status());
    switch (format) {
      case InputFormat::kBotApi:
        return BotApi(*body);
      case InputFormat::kPreview:
        return Preview(*body);
      case InputFormat::kRss:
      case InputFormat::kAtom:
      case InputFormat::kRdf:
      case InputFormat::kJsonFeed:
        return Feed(*body);
      case InputFormat::kHtml:
      case InputFormat::kText:
        return Deliver(MakeWholeDocument(*std::move(body), format, origin_,
                                         options_.stamp));
      case InputFormat::kTelegramExport:
      case InputFormat::kUnknown:
        break;
    }
    return absl::InternalError("unhandled format");
  }

 private:
  const InputOrigin& origin_;
  const int64_t total_;
  const ReadOptions& options_;
  const DocumentSink& sink_;
  const ReadProgress& progress_;
  ReadSummary* summary_;
  bool sink_failed_ = false;
};

absl::Status ReadUrl(absl::string_view url, const ReadOptions& options,
                     const DocumentSink& on_document,
                     const ReadProgress& on_progress, ReadSummary* summary) {
  InputOrigin origin = UrlOrigin(url);
  fetch::FetchRequest request = options.fetch;
  request.url = origin.url;
  request.max_body_bytes =
      std::min<int64_t>(request.max_body_bytes, options.max_document_bytes);
  fetch::HttpFetcher fetcher;
  absl::StatusOr<fetch::FetchResponse> response = fetcher.Fetch(request);
  if (!response.ok()) return response.status();
  if (response->http_status != 200) {
    return absl::UnavailableError(
        absl::StrCat("GET ", url, " answered HTTP ", response->http_status));
  }
  if (!response->final_url.empty()) origin.final_url = response->final_url;
  origin.content_type = response->content_type;
  const int64_t total = static_cast<int64_t>(response->body.size());
  std::istringstream in(std::move(response->body));
  return ReadStream(in, origin, total, options, on_document, on_progress,
                    summary);
}

}  // namespace

absl::Status ReadStream(std::istream& in, const InputOrigin& origin,
                        int64_t total_bytes, const ReadOptions& options,
                        const DocumentSink& on_document,
                        const ReadProgress& on_progress, ReadSummary* summary) {
  summary->bytes_total = total_bytes;
  Reading reading(origin, total_bytes, options, on_document, on_progress,
                  summary);
  return reading.Run(in);
}

absl::Status ReadInput(absl::string_view input, const ReadOptions& options,
                       const DocumentSink& on_document,
                       const ReadProgress& on_progress, ReadSummary* summary) {
  if (IsUrl(input)) {
    return ReadUrl(input, options, on_document, on_progress, summary);
  }
  const InputOrigin origin = FileOrigin(input);
  std::error_code error;
  const std::filesystem::file_status status =
      std::filesystem::status(origin.path, error);
  if (error || !std::filesystem::exists(status)) {
    return absl::NotFoundError(absl::StrCat("no such file: ", input));
  }
  if (std::filesystem::is_directory(status)) {
    return absl::InvalidArgumentError(absl::StrCat(input, " is a directory"));
  }
  std::ifstream in(origin.path, std::ios::binary);
  if (!in) {
    return absl::PermissionDeniedError(absl::StrCat("cannot open ", input));
  }
  const auto size = std::filesystem::file_size(origin.path, error);
  return ReadStream(in, origin, error ? -1 : static_cast<int64_t>(size),
                    options, on_document, on_progress, summary);
}

}  // namespace frontline::ingest_input
