// `frontlinectl replay --bus URI --data VIEW_DIR`: the conflict-state view
// rebuilt in this process by libs/state (StateView + StateUpdater from
// offset zero), the way `frontline state --rebuild` does on the server.
#include <filesystem>
#include <iostream>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/bus/bus.h"
#include "libs/gazetteer/gazetteer.h"
#include "libs/state/state_updater.h"
#include "libs/state/state_view.h"
#include "nlohmann/json.hpp"
#include "tools/frontlinectl/commands.h"
#include "tools/frontlinectl/progress_bar.h"
#include "tools/frontlinectl/proto_json.h"

namespace frontline::ctl {
namespace {

int Fail(const absl::Status& status) {
  std::cerr << "frontlinectl replay: " << status.message() << " ("
            << absl::StatusCodeToString(status.code()) << ")\n";
  return kExitFailure;
}

bool IsEmptyOrAbsent(const std::filesystem::path& dir) {
  std::error_code error;
  if (!std::filesystem::exists(dir, error)) return true;
  return std::filesystem::is_directory(dir, error) &&
         std::filesystem::is_empty(dir, error);
}

// Clears `dir` for a fresh view, refusing while another process (a running
// server) holds the view in it.
absl::Status PrepareDirectory(const ReplayFlags& flags,
                              const gazetteer::Gazetteer& gazetteer) {
  const std::filesystem::path dir(flags.data);
  if (IsEmptyOrAbsent(dir)) return absl::OkStatus();
  if (!flags.force) {
    return absl::FailedPreconditionError(absl::StrCat(
        flags.data,
        " is not empty; replay builds a fresh view: name a new directory, "
        "or pass --force to replace this one (with its server stopped)"));
  }
  {
    auto held = state::StateView::Open(flags.data, &gazetteer);
    if (!held.ok()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "cannot take over ", flags.data, " (", held.status().message(),
          "); stop the server that holds it, or name a new directory"));
    }
  }
  std::error_code error;
  std::filesystem::remove_all(dir, error);
  if (error) {
    return absl::InternalError(
        absl::StrCat("cannot clear ", flags.data, ": ", error.message()));
  }
  return absl::OkStatus();
}

}  // namespace

int RunReplay(const GlobalFlags& global, const ReplayFlags& flags) {
  const absl::Time start = absl::Now();
  auto gazetteer = gazetteer::Gazetteer::Load(flags.places);
  if (!gazetteer.ok()) return Fail(gazetteer.status());
  if (absl::Status s = PrepareDirectory(flags, *gazetteer); !s.ok()) {
    return Fail(s);
  }
  auto bus = bus::Bus::Open(flags.bus);
  if (!bus.ok()) return Fail(bus.status());
  auto view = state::StateView::Open(flags.data, &*gazetteer);
  if (!view.ok()) return Fail(view.status());
  auto updater = state::StateUpdater::Create(**bus, **view);
  if (!updater.ok()) return Fail(updater.status());

  ProgressBar bar(StderrIsTerminal());
  int64_t applied = 0;
  while (true) {
    auto consumed = (*updater)->RunOnce();
    if (!consumed.ok()) {
      bar.Clear();
      return Fail(consumed.status());
    }
    applied += static_cast<int64_t>(*consumed);
    auto lag = (*updater)->Lag();
    if (!lag.ok()) {
      bar.Clear();
      return Fail(lag.status());
    }
    const absl::Duration elapsed = absl::Now() - start;
    bar.Draw(elapsed, FormatReplayProgress({.applied = applied,
                                            .total = applied + *lag,
                                            .elapsed = elapsed}));
    if (*lag <= 0 && *consumed == 0) break;
  }
  bar.Clear();
  auto stats = (*view)->GetStats();
  if (!stats.ok()) return Fail(stats.status());
  const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
  if (global.json) {
    nlohmann::json report = {{"bus", flags.bus},
                             {"data", flags.data},
                             {"records", applied},
                             {"seconds", seconds},
                             {"stats", nlohmann::json::parse(ToJson(*stats))}};
    std::cout << report.dump() << "\n";
  } else {
    std::cout << "replayed " << applied << " records from " << flags.bus
              << " into " << flags.data << ": " << stats->places()
              << " places, " << stats->events() << " events, "
              << stats->documents() << " documents (" << stats->duplicates()
              << " duplicates)\n";
  }
  return kExitOk;
}

}  // namespace frontline::ctl
