// `frontlinectl place|events|event|docs|doc|stats|watch|export`: a
// QueryClient asks, printers.h / proto_json.h / export_rows.h format.
#include <signal.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <iostream>
#include <thread>

#include "absl/strings/str_cat.h"
#include "tools/frontlinectl/commands.h"
#include "tools/frontlinectl/export_rows.h"
#include "tools/frontlinectl/printers.h"
#include "tools/frontlinectl/proto_json.h"
#include "tools/frontlinectl/query_client.h"

namespace frontline::ctl {
namespace {

std::atomic<bool> interrupted{false};

extern "C" void OnInterrupt(int) { interrupted = true; }

int Fail(absl::string_view command, const absl::Status& status) {
  std::cerr << "frontlinectl " << command << ": " << status.message() << " ("
            << absl::StatusCodeToString(status.code()) << ")\n";
  return absl::IsNotFound(status) ? kExitNotFound : kExitFailure;
}

absl::StatusOr<std::unique_ptr<QueryClient>> Connect(
    const GlobalFlags& global) {
  return QueryClient::Connect(global);
}

// The filter with a region given by name replaced by its region id.
absl::StatusOr<v1::EventFilter> ResolveFilter(QueryClient& client,
                                              const EventFilterFlags& flags) {
  absl::StatusOr<v1::EventFilter> filter = MakeEventFilter(flags);
  if (!filter.ok()) return filter;
  if (!flags.region.empty() && !LooksLikeRegionId(flags.region)) {
    absl::StatusOr<v1::PlaceState> region = client.GetPlace(flags.region);
    if (!region.ok()) {
      return absl::Status(
          region.status().code(),
          absl::StrCat("--region: ", region.status().message()));
    }
    const v1::Place& p = region->place();
    filter->set_region_id(p.kind() == v1::PLACE_KIND_REGION ||
                                  p.region_id().empty()
                              ? p.id()
                              : p.region_id());
  }
  return filter;
}

PlaceNamer Namer(QueryClient& client) {
  return [&client](const std::string& id) { return client.PlaceName(id); };
}

}  // namespace

int RunPlace(const GlobalFlags& global, const std::string& name) {
  auto client = Connect(global);
  if (!client.ok()) return Fail("place", client.status());
  auto state = (*client)->GetPlace(name);
  if (!state.ok()) return Fail("place", state.status());
  std::cout << (global.json ? ToJson(*state) + "\n" : RenderPlace(*state));
  return kExitOk;
}

int RunEvents(const GlobalFlags& global, const EventsFlags& flags) {
  if (auto filter = MakeEventFilter(flags.filter); !filter.ok()) {
    Fail("events", filter.status());
    return kExitFailure;
  }
  auto client = Connect(global);
  if (!client.ok()) return Fail("events", client.status());
  auto filter = ResolveFilter(**client, flags.filter);
  if (!filter.ok()) return Fail("events", filter.status());
  auto events = (*client)->ListEvents(*filter, flags.limit);
  if (!events.ok()) return Fail("events", events.status());
  if (global.json) {
    std::cout << ToJson(*events) << "\n";
  } else if (events->events().empty()) {
    std::cout << "no matching events\n";
  } else {
    std::cout << RenderEventsTable(*events, Namer(**client));
  }
  return kExitOk;
}

int RunEvent(const GlobalFlags& global, const std::string& id) {
  auto client = Connect(global);
  if (!client.ok()) return Fail("event", client.status());
  auto event = (*client)->GetEvent(id);
  if (!event.ok()) return Fail("event", event.status());
  std::cout << (global.json ? ToJson(*event) + "\n"
                            : RenderEvent(*event, Namer(**client)));
  return kExitOk;
}

int RunDocs(const GlobalFlags& global, const DocsFlags& flags) {
  auto request = MakeDocumentsRequest(flags.filter);
  if (!request.ok()) {
    Fail("docs", request.status());
    return kExitFailure;
  }
  auto client = Connect(global);
  if (!client.ok()) return Fail("docs", client.status());
  auto docs = (*client)->ListDocuments(*request, flags.limit);
  if (!docs.ok()) return Fail("docs", docs.status());
  if (global.json) {
    std::cout << ToJson(*docs) << "\n";
  } else if (docs->documents().empty()) {
    std::cout << "no matching documents\n";
  } else {
    std::cout << RenderDocumentsTable(*docs);
  }
  return kExitOk;
}

int RunDoc(const GlobalFlags& global, const std::string& id) {
  auto client = Connect(global);
  if (!client.ok()) return Fail("doc", client.status());
  auto doc = (*client)->GetDocument(id);
  if (!doc.ok()) return Fail("doc", doc.status());
  std::cout << (global.json ? ToJson(*doc) + "\n" : RenderDocument(*doc));
  return kExitOk;
}

int RunStats(const GlobalFlags& global) {
  auto client = Connect(global);
  if (!client.ok()) return Fail("stats", client.status());
  auto stats = (*client)->GetStats();
  if (!stats.ok()) return Fail("stats", stats.status());
  std::cout << (global.json ? ToJson(*stats) + "\n" : RenderStats(*stats));
  return kExitOk;
}

int RunWatch(const GlobalFlags& global, const WatchFlags& flags) {
  if (auto filter = MakeEventFilter(flags.filter); !filter.ok()) {
    Fail("watch", filter.status());
    return kExitFailure;
  }
  auto client = Connect(global);
  if (!client.ok()) return Fail("watch", client.status());
  auto filter = ResolveFilter(**client, flags.filter);
  if (!filter.ok()) return Fail("watch", filter.status());
  v1::WatchEventsRequest request;
  *request.mutable_filter() = *filter;
  request.set_resume_token(flags.resume_token);

  struct sigaction action = {};
  action.sa_handler = OnInterrupt;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);

  grpc::ClientContext context;
  std::atomic<bool> done{false};
  std::thread canceller([&] {
    while (!done) {
      if (interrupted) {
        context.TryCancel();
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });
  auto reader = (*client)->stub().WatchEvents(&context, request);
  const PlaceNamer namer = Namer(**client);
  v1::WatchEventsResponse response;
  while (reader->Read(&response)) {
    std::cout << (global.json ? ToJson(response)
                              : RenderWatchLine(response, namer))
              << std::endl;
  }
  grpc::Status status = reader->Finish();
  done = true;
  canceller.join();
  if (interrupted) return kExitOk;
  if (status.ok() || status.error_code() == grpc::StatusCode::CANCELLED) {
    std::cerr << "frontlinectl watch: the server ended the stream\n";
    return kExitOk;
  }
  return Fail("watch", FromGrpc(status));
}

int RunExport(const GlobalFlags& global, const ExportFlags& flags) {
  if (flags.csv == flags.geojson) {
    std::cerr << "frontlinectl export: give one of --csv and --geojson\n";
    return kExitFailure;
  }
  if (auto filter = MakeEventFilter(flags.filter); !filter.ok()) {
    Fail("export", filter.status());
    return kExitFailure;
  }
  auto client = Connect(global);
  if (!client.ok()) return Fail("export", client.status());
  auto filter = ResolveFilter(**client, flags.filter);
  if (!filter.ok()) return Fail("export", filter.status());
  auto events = (*client)->ListEvents(*filter, flags.limit);
  if (!events.ok()) return Fail("export", events.status());

  std::vector<ExportRow> rows;
  for (const v1::Event& event : events->events()) {
    auto place = (*client)->PlaceById(event.place_id());
    if (!place.ok()) return Fail("export", place.status());
    std::string notes;
    auto detail = (*client)->GetEvent(event.id());
    if (detail.ok()) {
      for (const v1::Claim& claim : detail->claims()) {
        if (!claim.sentence().empty()) {
          notes = claim.sentence();
          break;
        }
      }
    } else if (!absl::IsNotFound(detail.status())) {
      return Fail("export", detail.status());
    }
    rows.push_back(MakeExportRow(event, *place, notes));
  }

  std::ofstream file;
  if (!flags.out.empty()) {
    file.open(flags.out, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "frontlinectl export: cannot write " << flags.out << "\n";
      return kExitFailure;
    }
  }
  std::ostream& out = flags.out.empty() ? std::cout : file;
  if (flags.csv) {
    out << ExportCsvHeader();
    for (const ExportRow& row : rows) out << ExportCsvRecord(row);
  } else {
    out << ExportFeatureCollection(rows).dump(1) << "\n";
  }
  out.flush();
  if (!out) {
    std::cerr << "frontlinectl export: writing "
              << (flags.out.empty() ? "stdout" : flags.out) << " failed\n";
    return kExitFailure;
  }
  if (!flags.out.empty()) {
    const std::string format = flags.csv ? "csv" : "geojson";
    if (global.json) {
      std::cout << absl::StrCat(
          "{\"exported\":", rows.size(), ",\"format\":\"", format,
          "\",\"out\":", nlohmann::json(flags.out).dump(), "}\n");
    } else {
      std::cout << "exported " << rows.size() << " events to " << flags.out
                << " as " << format << "\n";
    }
  }
  return kExitOk;
}

}  // namespace frontline::ctl
