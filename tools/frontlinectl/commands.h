// The subcommands of `frontlinectl`. Each returns the process exit code.
#ifndef FRONTLINE_TOOLS_FRONTLINECTL_COMMANDS_H_
#define FRONTLINE_TOOLS_FRONTLINECTL_COMMANDS_H_

#include <string>

namespace frontline::ctl {

// Exit codes shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitPartial = 1;  // done, but some items were refused
inline constexpr int kExitFailure = 2;

struct GlobalFlags {
  std::string server = "127.0.0.1:7600";
  bool json = false;
  // Connecting, and the longest wait for a server's answer.
  double timeout_seconds = 30;
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

}  // namespace frontline::ctl

#endif  // FRONTLINE_TOOLS_FRONTLINECTL_COMMANDS_H_
