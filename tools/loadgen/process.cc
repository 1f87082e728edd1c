#include "tools/loadgen/process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace frontline::loadgen {
namespace {

std::string Tail(const std::string& path, size_t bytes) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  const std::string all = s.str();
  return all.size() > bytes ? all.substr(all.size() - bytes) : all;
}

}  // namespace

absl::StatusOr<Memory> ReadMemory(pid_t pid) {
  std::ifstream in(absl::StrCat("/proc/", pid, "/status"));
  if (!in) return absl::NotFoundError(absl::StrCat("no process ", pid));
  Memory m;
  std::string line;
  while (std::getline(in, line)) {
    int64_t* field = line.rfind("VmHWM:", 0) == 0   ? &m.peak_rss
                     : line.rfind("VmRSS:", 0) == 0 ? &m.rss
                                                    : nullptr;
    if (field == nullptr) continue;
    std::istringstream values(line.substr(6));
    int64_t kb = 0;
    values >> kb;
    *field = kb * 1024;
  }
  return m;
}

absl::StatusOr<std::unique_ptr<Process>> Process::Start(
    std::string name, const std::vector<std::string>& argv,
    const std::string& cwd, const std::string& log) {
  const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (fd < 0) return absl::InternalError(absl::StrCat("cannot open ", log));
  std::vector<char*> args;
  for (const std::string& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const pid_t pid = fork();
  if (pid < 0) {
    close(fd);
    return absl::InternalError("fork failed");
  }
  if (pid == 0) {
    dup2(fd, 1);
    dup2(fd, 2);
    close(fd);
    if (chdir(cwd.c_str()) != 0) _exit(126);
    execv(args[0], args.data());
    _exit(127);
  }
  close(fd);
  return std::unique_ptr<Process>(new Process(std::move(name), pid, log));
}

Process::~Process() { Stop(absl::Seconds(5)); }

bool Process::Running() {
  if (exited_) return false;
  if (waitpid(pid_, &status_, WNOHANG) == pid_) exited_ = true;
  return !exited_;
}

absl::StatusOr<std::string> Process::WaitForLine(const std::string& pattern,
                                                 absl::Duration timeout) {
  const std::regex re(pattern);
  const absl::Time deadline = absl::Now() + timeout;
  size_t read = 0;
  std::string pending;
  while (true) {
    std::ifstream in(log_);
    in.seekg(read);
    std::string chunk((std::istreambuf_iterator<char>(in)),
                      std::istreambuf_iterator<char>());
    read += chunk.size();
    pending += chunk;
    for (size_t nl; (nl = pending.find('\n')) != std::string::npos;) {
      const std::string line = pending.substr(0, nl);
      pending.erase(0, nl + 1);
      std::smatch m;
      if (std::regex_search(line, m, re)) {
        return m.size() > 1 ? m[1].str() : m[0].str();
      }
    }
    if (!Running()) {
      return absl::AbortedError(
          absl::StrCat(name_, " exited: ", Tail(log_, 2000)));
    }
    if (absl::Now() > deadline) {
      return absl::DeadlineExceededError(absl::StrCat(
          name_, ": no line matching ", pattern, ": ", Tail(log_, 2000)));
    }
    absl::SleepFor(absl::Milliseconds(50));
  }
}

int Process::Stop(absl::Duration grace) {
  if (!Running()) return status_;
  kill(pid_, SIGTERM);
  const absl::Time deadline = absl::Now() + grace;
  while (Running() && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(20));
  }
  if (Running()) {
    kill(pid_, SIGKILL);
    waitpid(pid_, &status_, 0);
    exited_ = true;
  }
  return status_;
}

}  // namespace frontline::loadgen
