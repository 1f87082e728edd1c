// Test support: a child process with its stdout and stderr on one pipe,
// killed when the object goes away.
#ifndef FRONTLINE_TESTS_CHILD_PROCESS_H_
#define FRONTLINE_TESTS_CHILD_PROCESS_H_

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <functional>
#include <optional>
#include <regex>
#include <string>
#include <thread>
#include <vector>

namespace frontline::testing {

class ChildProcess {
 public:
  // Runs `argv` (argv[0] the program path) in directory `cwd`; `in_child`
  // (e.g. setting a resource limit) runs in the child before exec.
  ChildProcess(const std::vector<std::string>& argv, const std::string& cwd,
               const std::function<void()>& in_child = nullptr) {
    int out[2];
    if (pipe(out) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], 1);
      dup2(out[1], 2);
      close(out[0]);
      if (chdir(cwd.c_str()) != 0) _exit(126);
      if (in_child) in_child();
      std::vector<char*> args;
      for (const std::string& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
      args.push_back(nullptr);
      execv(args[0], args.data());
      _exit(127);
    }
    close(out[1]);
    output_ = fdopen(out[0], "r");
  }
  ~ChildProcess() { Stop(SIGKILL); }

  // Reads output lines until one matches `pattern`; returns its first group
  // (or the whole match), or "" when the output ends first. Every line read
  // (without its newline) is appended to `seen` when given.
  std::string WaitForLine(const std::string& pattern,
                          std::vector<std::string>* seen = nullptr) {
    const std::regex re(pattern);
    char line[4096];
    while (output_ != nullptr &&
           fgets(line, sizeof(line), output_) != nullptr) {
      if (seen != nullptr) {
        std::string text(line);
        if (!text.empty() && text.back() == '\n') text.pop_back();
        seen->push_back(std::move(text));
      }
      std::cmatch m;
      if (std::regex_search(line, m, re)) {
        return m.size() > 1 ? m[1].str() : m[0].str();
      }
    }
    return "";
  }

  // Every output line until the output ends (the child exits).
  std::string ReadAll() {
    std::string out;
    char line[4096];
    while (output_ != nullptr &&
           fgets(line, sizeof(line), output_) != nullptr) {
      out += line;
    }
    return out;
  }

  // The wait status once the child exits by itself within `timeout`;
  // nullopt (the child still running) otherwise.
  std::optional<int> WaitForExit(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (pid_ > 0) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return status;
      }
      if (std::chrono::steady_clock::now() > deadline) return std::nullopt;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return std::nullopt;
  }

  // Sends `signal`, waits, and returns the wait status.
  int Stop(int signal) {
    int status = -1;
    if (pid_ > 0) {
      kill(pid_, signal);
      waitpid(pid_, &status, 0);
      pid_ = -1;
    }
    if (output_ != nullptr) fclose(output_);
    output_ = nullptr;
    return status;
  }

 private:
  pid_t pid_ = -1;
  FILE* output_ = nullptr;
};

}  // namespace frontline::testing

#endif  // FRONTLINE_TESTS_CHILD_PROCESS_H_
