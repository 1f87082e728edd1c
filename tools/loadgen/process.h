// A child process of the load generator: its output goes to a log file (so a
// chatty child never blocks on a full pipe), it is sent SIGTERM and then
// SIGKILL when the object goes away, and its peak memory can be read.
#ifndef FRONTLINE_TOOLS_LOADGEN_PROCESS_H_
#define FRONTLINE_TOOLS_LOADGEN_PROCESS_H_

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace frontline::loadgen {

// Resident memory of a process, from /proc/<pid>/status, in bytes.
struct Memory {
  int64_t peak_rss = 0;  // VmHWM
  int64_t rss = 0;       // VmRSS
};
absl::StatusOr<Memory> ReadMemory(pid_t pid);

class Process {
 public:
  // Starts `argv` (argv[0] a path) in `cwd`, output appended to `log`.
  static absl::StatusOr<std::unique_ptr<Process>> Start(
      std::string name, const std::vector<std::string>& argv,
      const std::string& cwd, const std::string& log);
  ~Process();

  // The first group of the first log line matching `pattern` (ECMAScript),
  // waiting up to `timeout`; kDeadlineExceeded, or kAborted when the process
  // exits first (the log's tail in the message).
  absl::StatusOr<std::string> WaitForLine(const std::string& pattern,
                                          absl::Duration timeout);
  // SIGTERM, then SIGKILL after `grace`; the wait status.
  int Stop(absl::Duration grace = absl::Seconds(20));
  // False once the process has exited (reaped by Stop or Running).
  bool Running();

  const std::string& name() const { return name_; }
  pid_t pid() const { return pid_; }
  const std::string& log() const { return log_; }

 private:
  Process(std::string name, pid_t pid, std::string log)
      : name_(std::move(name)), pid_(pid), log_(std::move(log)) {}

  std::string name_;
  pid_t pid_;
  std::string log_;
  bool exited_ = false;
  int status_ = 0;
};

}  // namespace frontline::loadgen

#endif  // FRONTLINE_TOOLS_LOADGEN_PROCESS_H_
