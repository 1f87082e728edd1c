// Test support: runs the built frontlinectl (FRONTLINECTL_BINARY, defined by
// the test target) as a child process, its stdout and stderr through files.
#ifndef FRONTLINE_TESTS_FRONTLINECTL_RUNNER_H_
#define FRONTLINE_TESTS_FRONTLINECTL_RUNNER_H_

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace frontline::testing {

struct ChildRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Starts frontlinectl with `args`, stdout into `out` and stderr into `err`.
inline pid_t SpawnCtl(const std::vector<std::string>& args,
                      const std::filesystem::path& out,
                      const std::filesystem::path& err) {
  pid_t pid = fork();
  if (pid == 0) {
    int out_fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err_fd = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    std::vector<char*> argv = {const_cast<char*>(FRONTLINECTL_BINARY)};
    for (const std::string& arg : args) {
      argv.push_back(const_cast<char*>(arg.c_str()));
    }
    argv.push_back(nullptr);
    execv(FRONTLINECTL_BINARY, argv.data());
    _exit(127);
  }
  return pid;
}

// The exit code, or -1 when the child did not exit normally.
inline int WaitExit(pid_t pid) {
  int status = 0;
  if (pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status)) {
    return WEXITSTATUS(status);
  }
  return -1;
}

// Runs frontlinectl with `args` to the end; the output files go in `dir`.
inline ChildRun RunCtl(const std::filesystem::path& dir,
                       const std::vector<std::string>& args) {
  const pid_t pid = SpawnCtl(args, dir / "stdout", dir / "stderr");
  ChildRun run;
  run.exit_code = WaitExit(pid);
  run.out = Slurp(dir / "stdout");
  run.err = Slurp(dir / "stderr");
  return run;
}

}  // namespace frontline::testing

#endif  // FRONTLINE_TESTS_FRONTLINECTL_RUNNER_H_
