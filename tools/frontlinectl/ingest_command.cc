// `frontlinectl ingest PATH|URL`: libs/ingest_input reads, a Submitter sends.
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/ingest_input/input_format.h"
#include "libs/ingest_input/reader.h"
#include "nlohmann/json.hpp"
#include "tools/frontlinectl/bus_submitter.h"
#include "tools/frontlinectl/commands.h"
#include "tools/frontlinectl/grpc_submitter.h"
#include "tools/frontlinectl/progress_bar.h"

namespace frontline::ctl {
namespace {

constexpr char kFetcher[] = "frontlinectl/0.1.0";
constexpr size_t kRejectionsShown = 5;

void PrintError(const IngestFlags& flags, const absl::Status& status) {
  std::cerr << "frontlinectl: ingest " << flags.input << ": "
            << status.message() << " ("
            << absl::StatusCodeToString(status.code()) << ")\n";
}

absl::StatusOr<ingest_input::ReadOptions> MakeReadOptions(
    const GlobalFlags& global, const IngestFlags& flags) {
  ingest_input::ReadOptions options;
  if (flags.format != "auto") {
    absl::StatusOr<ingest_input::InputFormat> format =
        ingest_input::ParseFormatName(flags.format);
    if (!format.ok()) return format.status();
    options.format = *format;
  }
  if (!flags.affiliation.empty()) {
    absl::StatusOr<v1::Affiliation> affiliation =
        ingest_input::ParseAffiliation(flags.affiliation);
    if (!affiliation.ok()) return affiliation.status();
    options.stamp.affiliation = *affiliation;
  }
  options.stamp.source_id = flags.source_id;
  options.stamp.fetcher = kFetcher;
  options.stamp.fetched_time = absl::Now();
  options.fetch.connect_timeout = absl::Seconds(global.timeout_seconds);
  return options;
}

nlohmann::json Report(const IngestFlags& flags,
                      const ingest_input::ReadSummary& read,
                      const SubmitCounts& counts, const absl::Status& error,
                      absl::Duration elapsed) {
  nlohmann::json report = {
      {"input", flags.input},
      {"format", std::string(ingest_input::FormatName(read.format))},
      {"read", read.documents},
      {"sent", counts.sent()},
      {"acknowledged", counts.accepted()},
      {"rejected", counts.rejected()},
      {"skipped", read.skipped},
      {"bytes_read", read.bytes_read},
      {"seconds", absl::ToDoubleSeconds(elapsed)},
      {"ok", error.ok()},
  };
  if (!error.ok()) report["error"] = std::string(error.message());
  nlohmann::json rejections = nlohmann::json::array();
  for (const Rejection& rejection : counts.rejections()) {
    rejections.push_back(
        {{"id", rejection.document_id},
         {"code", static_cast<int>(rejection.status.code())},
         {"message", std::string(rejection.status.message())}});
  }
  report["rejections"] = std::move(rejections);
  return report;
}

}  // namespace

int RunIngest(const GlobalFlags& global, const IngestFlags& flags) {
  const absl::Time start = absl::Now();
  absl::StatusOr<ingest_input::ReadOptions> options =
      MakeReadOptions(global, flags);
  if (!options.ok()) {
    PrintError(flags, options.status());
    return kExitFailure;
  }
  const absl::Duration timeout = absl::Seconds(global.timeout_seconds);
  absl::StatusOr<std::unique_ptr<Submitter>> submitter =
      flags.bus.empty() ? ConnectIngest(global)
                        : OpenBusSubmitter(flags.bus, timeout);
  if (!submitter.ok()) {
    PrintError(flags, submitter.status());
    return kExitFailure;
  }
  const SubmitCounts& counts = (*submitter)->counts();

  ProgressBar bar(StderrIsTerminal());
  ProgressState progress;
  auto redraw = [&] {
    progress.sent = counts.sent();
    progress.acknowledged = counts.accepted() + counts.rejected();
    progress.elapsed = absl::Now() - start;
    bar.Update(progress);
  };
  bool submit_failed = false;
  ingest_input::ReadSummary read;
  absl::Status status = ingest_input::ReadInput(
      flags.input, *options,
      [&](v1::RawDocument doc) {
        absl::Status submitted = (*submitter)->Submit(std::move(doc));
        submit_failed = !submitted.ok();
        redraw();
        return submitted;
      },
      [&](int64_t bytes_read, int64_t total) {
        progress.bytes_read = bytes_read;
        progress.bytes_total = total;
        redraw();
      },
      &read);
  absl::Status finished = (*submitter)->Finish();
  bar.Clear();
  // A refused submission says only that the destination is gone; Finish
  // says why.
  if (submit_failed && !finished.ok()) status = finished;
  status.Update(finished);

  const std::string summary = absl::StrCat(
      "ingested ", counts.accepted(), " documents (", counts.rejected(),
      " rejected) from ", flags.input, " as ",
      ingest_input::FormatName(read.format),
      read.skipped > 0
          ? absl::StrCat("; ", read.skipped, " unusable items skipped")
          : "");
  (global.json ? std::cerr : std::cout) << summary << "\n";
  const std::vector<Rejection> rejections = counts.rejections();
  for (size_t i = 0; i < rejections.size() && i < kRejectionsShown; ++i) {
    std::cerr << "  rejected " << rejections[i].document_id << ": "
              << rejections[i].status.message() << "\n";
  }
  if (!status.ok()) PrintError(flags, status);
  if (global.json) {
    std::cout << Report(flags, read, counts, status, absl::Now() - start).dump()
              << "\n";
  }
  if (!status.ok()) return kExitFailure;
  return counts.rejected() > 0 ? kExitPartial : kExitOk;
}

}  // namespace frontline::ctl
