// The subcommands of `frontlinectl`. Each returns the process exit code.
#ifndef FRONTLINE_TOOLS_FRONTLINECTL_COMMANDS_H_
#define FRONTLINE_TOOLS_FRONTLINECTL_COMMANDS_H_

#include <cstddef>
#include <string>

#include "tools/frontlinectl/query_filters.h"

namespace frontline::ctl {

// Exit codes shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitPartial = 1;   // done, but some items were refused
inline constexpr int kExitNotFound = 1;  // the one thing asked for is not there
inline constexpr int kExitFailure = 2;   // usage, connection or server errors

struct GlobalFlags {
  std::string server = "127.0.0.1:7600";
  bool json = false;
  // Connecting, and the longest wait for a server's answer.
  double timeout_seconds = 30;
  // TLS: with the system's roots, or the CA in tls_ca (which implies it).
  bool tls = false;
  std::string tls_ca;
  // A client certificate and key for mutual TLS.
  std::string tls_cert;
  std::string tls_key;
  // Sent as a bearer token on every call; else FRONTLINE_API_TOKEN if set.
  std::string token_file;
};

struct IngestFlags {
  std::string input;  // a path or an http(s) URL
  std::string bus;    // empty: through the server
  std::string source_id;
  std::string affiliation;
  std::string format = "auto";
};

// Reads `flags.input` and submits its documents; prints a one-line summary
// (stdout, or stderr with --json, when stdout carries one JSON object).
// kExitOk when every document was acknowledged, kExitPartial when some were
// rejected, kExitFailure when the input or the destination failed.
int RunIngest(const GlobalFlags& global, const IngestFlags& flags);

struct EventsFlags {
  EventFilterFlags filter;
  size_t limit = 50;  // 0: every match
};

struct DocsFlags {
  DocumentFilterFlags filter;
  size_t limit = 50;  // 0: every match
};

struct WatchFlags {
  EventFilterFlags filter;
  std::string resume_token;
};

struct ExportFlags {
  EventFilterFlags filter;
  bool csv = false;
  bool geojson = false;
  std::string out;   // empty: stdout
  size_t limit = 0;  // 0: every match
};

struct ReplayFlags {
  std::string bus;
  std::string data;  // the view directory to build
  std::string places = "libs/gazetteer/data/places.tsv";
  bool force = false;  // replace a non-empty directory
};

// The query commands print human-readable text, or with --json one JSON
// document with the .proto field names (watch: one object per line). Errors
// go to stderr with the server's message; kExitNotFound when the place,
// event or document asked for does not exist, kExitFailure for usage,
// connection and server errors.
int RunPlace(const GlobalFlags& global, const std::string& name);
int RunEvents(const GlobalFlags& global, const EventsFlags& flags);
int RunEvent(const GlobalFlags& global, const std::string& id);
int RunDocs(const GlobalFlags& global, const DocsFlags& flags);
int RunDoc(const GlobalFlags& global, const std::string& id);
int RunStats(const GlobalFlags& global);
// Streams until SIGINT/SIGTERM (exit 0) or the server ends the stream.
int RunWatch(const GlobalFlags& global, const WatchFlags& flags);
// CSV or GeoJSON of the matching events, to `flags.out` or stdout.
int RunExport(const GlobalFlags& global, const ExportFlags& flags);

// Rebuilds a view locally from offset zero of the bus's events topic, with
// a progress bar on stderr, then prints the view's counts. The view
// directory must not be in use: stop the server or pick a new directory.
int RunReplay(const GlobalFlags& global, const ReplayFlags& flags);

}  // namespace frontline::ctl

#endif  // FRONTLINE_TOOLS_FRONTLINECTL_COMMANDS_H_
