#include "tools/frontlinectl/query_cli.h"

#include "absl/strings/str_join.h"
#include "frontline/v1/claim.pb.h"
#include "tools/frontlinectl/enum_names.h"

namespace frontline::ctl {
namespace {

void AddEventFilter(CLI::App* cmd, EventFilterFlags& f) {
  cmd->add_option("--place", f.place, "Place id or any name (\"Курахове\")");
  cmd->add_option("--region", f.region,
                  "Region id (ru.kursk) or name (\"Kursk oblast\")");
  cmd->add_option("--side", f.side, "Acting side: russia, ukraine, neutral");
  cmd->add_option(
      "--type", f.types,
      "Claim types, comma-separated: " +
          absl::StrJoin(ShortEnumNames(v1::ClaimType_descriptor()), ","));
  cmd->add_option("--since", f.since,
                  "From this UTC date or time (2025-01-05, "
                  "2025-01-05T10:00:00Z)");
  cmd->add_option("--until", f.until,
                  "Up to this UTC date (the whole day) or time");
  cmd->add_option("--min-sources", f.min_sources,
                  "At least this many independent sources");
}

void AddDocumentFilter(CLI::App* cmd, DocumentFilterFlags& f) {
  cmd->add_option("--source", f.source, "Source id, e.g. telegram:DeepStateUA");
  cmd->add_option("--since", f.since, "Published from this UTC date or time");
  cmd->add_option("--until", f.until, "Published up to this UTC date or time");
  cmd->add_option("--verdict", f.verdict, "new, duplicate or new_version");
}

}  // namespace

QueryCli::QueryCli(CLI::App& app) {
  place_ = app.add_subcommand(
      "place", "A place's state: control claims of each side, timeline");
  place_->add_option("name", name_, "Place id or any name or alias")
      ->required();

  events_cmd_ = app.add_subcommand("events", "Events, newest first");
  AddEventFilter(events_cmd_, events_.filter);
  events_cmd_->add_option("--limit", events_.limit, "At most N events (0: all)")
      ->capture_default_str();

  event_ = app.add_subcommand("event", "One event with its provenance");
  event_->add_option("id", id_, "Event id")->required();

  docs_cmd_ = app.add_subcommand("docs", "Documents and their verdicts");
  AddDocumentFilter(docs_cmd_, docs_.filter);
  docs_cmd_->add_option("--limit", docs_.limit, "At most N documents (0: all)")
      ->capture_default_str();

  doc_ = app.add_subcommand("doc", "One document and its verdict");
  doc_->add_option("id", id_, "Document id")->required();

  watch_cmd_ = app.add_subcommand(
      "watch", "Print matching events as they arrive, until Ctrl-C");
  AddEventFilter(watch_cmd_, watch_.filter);
  watch_cmd_->add_option("--resume", watch_.resume_token,
                         "Continue after this resume_token");

  stats_ = app.add_subcommand("stats", "Counts and lag per partition");

  export_cmd_ = app.add_subcommand(
      "export", "Events as ACLED-like CSV or as GeoJSON points");
  export_cmd_->add_flag("--csv", export_.csv, "CSV (RFC 4180)");
  export_cmd_->add_flag("--geojson", export_.geojson,
                        "GeoJSON FeatureCollection of Points");
  AddEventFilter(export_cmd_, export_.filter);
  export_cmd_->add_option("--out", export_.out, "Write to FILE, not stdout");
  export_cmd_->add_option("--limit", export_.limit, "At most N events (0: all)")
      ->capture_default_str();

  replay_cmd_ = app.add_subcommand(
      "replay",
      "Rebuild a conflict-state view locally from offset zero of a bus. The "
      "server must be stopped (its view directory is locked), or name a new "
      "directory");
  replay_cmd_->add_option("--bus", replay_.bus, "local:DIR or kafka://...")
      ->required();
  replay_cmd_->add_option("--data", replay_.data, "View directory to build")
      ->required();
  replay_cmd_->add_option("--places", replay_.places, "Gazetteer file")
      ->capture_default_str();
  replay_cmd_->add_flag("--force", replay_.force,
                        "Replace a non-empty view directory");
}

std::optional<int> QueryCli::Run(const GlobalFlags& global) const {
  if (place_->parsed()) return RunPlace(global, name_);
  if (events_cmd_->parsed()) return RunEvents(global, events_);
  if (event_->parsed()) return RunEvent(global, id_);
  if (docs_cmd_->parsed()) return RunDocs(global, docs_);
  if (doc_->parsed()) return RunDoc(global, id_);
  if (watch_cmd_->parsed()) return RunWatch(global, watch_);
  if (stats_->parsed()) return RunStats(global);
  if (export_cmd_->parsed()) return RunExport(global, export_);
  if (replay_cmd_->parsed()) return RunReplay(global, replay_);
  return std::nullopt;
}

}  // namespace frontline::ctl
