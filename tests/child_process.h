// Test support: a child process with its stdout and stderr on one pipe,
// killed when the object goes away.
#ifndef FRONTLINE_TESTS_CHILD_PROCESS_H_
#define FRONTLINE_TESTS_CHILD_PROCESS_H_

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <regex>
#include <string>
#include <vector>

namespace frontline::testing {

class ChildProcess {
 public:
  // Runs `argv` (argv[0] the program path) in directory `cwd`.
  ChildProcess(const std::vector<std::string>& argv, const std::string& cwd) {
    int out[2];
    if (pipe(out) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], 1);
      dup2(out[1], 2);
      close(out[0]);
      if (chdir(cwd.c_str()) != 0) _exit(126);
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
  ~ChildProcess() {
    if (pid_ > 0) Stop(SIGKILL);
  }

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

  // Sends `signal`, waits, and returns the wait status.
  int Stop(int signal) {
    if (pid_ <= 0) return -1;
    kill(pid_, signal);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
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
