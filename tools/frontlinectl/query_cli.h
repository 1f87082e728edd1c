// The command-line surface of the query and replay subcommands: their
// options registered on the app, and the one parsed run.
#ifndef FRONTLINE_TOOLS_FRONTLINECTL_QUERY_CLI_H_
#define FRONTLINE_TOOLS_FRONTLINECTL_QUERY_CLI_H_

#include <optional>
#include <string>

#include "CLI/CLI.hpp"
#include "tools/frontlinectl/commands.h"

namespace frontline::ctl {

class QueryCli {
 public:
  // Adds place, events, event, docs, doc, watch, stats, export and replay.
  explicit QueryCli(CLI::App& app);
  // The exit code of the subcommand parsed; nullopt when it is none of
  // these.
  std::optional<int> Run(const GlobalFlags& global) const;

 private:
  std::string name_;
  std::string id_;
  EventsFlags events_;
  DocsFlags docs_;
  WatchFlags watch_;
  ExportFlags export_;
  ReplayFlags replay_;
  CLI::App* place_ = nullptr;
  CLI::App* events_cmd_ = nullptr;
  CLI::App* event_ = nullptr;
  CLI::App* docs_cmd_ = nullptr;
  CLI::App* doc_ = nullptr;
  CLI::App* watch_cmd_ = nullptr;
  CLI::App* stats_ = nullptr;
  CLI::App* export_cmd_ = nullptr;
  CLI::App* replay_cmd_ = nullptr;
};

}  // namespace frontline::ctl

#endif  // FRONTLINE_TOOLS_FRONTLINECTL_QUERY_CLI_H_
