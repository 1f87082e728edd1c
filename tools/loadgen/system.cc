#include "tools/loadgen/system.h"

#include <filesystem>

#include "absl/strings/str_cat.h"

namespace frontline::loadgen {
namespace {

constexpr char kServingLine[] = "serving gRPC on port ([0-9]+)";

}  // namespace

absl::StatusOr<std::unique_ptr<System>> System::Start(
    const SystemOptions& options) {
  namespace fs = std::filesystem;
  const fs::path data = options.data_dir;
  std::error_code error;
  fs::create_directories(data, error);
  if (error) {
    return absl::InternalError(
        absl::StrCat("cannot create ", data.string(), ": ", error.message()));
  }
  auto system = std::unique_ptr<System>(new System());
  auto start = [&](const std::string& name,
                   std::vector<std::string> args) -> absl::Status {
    args.insert(args.begin(), options.frontline);
    auto process = Process::Start(name, args, options.source_dir,
                                  (data / (name + ".log")).string());
    if (!process.ok()) return process.status();
    system->processes_.push_back(*std::move(process));
    return absl::OkStatus();
  };
  const absl::Duration kStartup = absl::Seconds(60);
  if (options.engine == "local") {
    if (absl::Status s = start(
            "run", {"run", "--data", data.string(), "--listen", "127.0.0.1:0"});
        !s.ok()) {
      return s;
    }
    auto port = system->processes_.back()->WaitForLine(kServingLine, kStartup);
    if (!port.ok()) return port.status();
    system->target_ = absl::StrCat("127.0.0.1:", *port);
    return system;
  }
  if (options.engine != "kafka") {
    return absl::InvalidArgumentError(
        absl::StrCat("engine is local or kafka, not ", options.engine));
  }
  if (absl::Status s = start(
          "dev-kafka", {"dev-kafka", "--brokers", absl::StrCat(options.brokers),
                        "--partitions", absl::StrCat(options.partitions)});
      !s.ok()) {
    return s;
  }
  auto bootstrap = system->processes_.back()->WaitForLine(
      "^(127\\.0\\.0\\.1:[0-9,.:]+)", kStartup);
  if (!bootstrap.ok()) return bootstrap.status();
  system->kafka_brokers_ = *bootstrap;
  const std::string bus = "kafka://" + *bootstrap;
  if (absl::Status s =
          start("state", {"state", "--bus", bus, "--data",
                          (data / "view").string(), "--listen", "127.0.0.1:0"});
      !s.ok()) {
    return s;
  }
  auto port = system->processes_.back()->WaitForLine(kServingLine, kStartup);
  if (!port.ok()) return port.status();
  system->target_ = absl::StrCat("127.0.0.1:", *port);
  if (absl::Status s = start("dedup", {"dedup", "--bus", bus, "--state",
                                       (data / "dedup").string()});
      !s.ok()) {
    return s;
  }
  if (absl::Status s = start("normalize", {"normalize", "--bus", bus});
      !s.ok()) {
    return s;
  }
  return system;
}

std::vector<std::string> System::Exited() {
  std::vector<std::string> out;
  for (auto& p : processes_) {
    if (!p->Running()) out.push_back(p->name());
  }
  return out;
}

void System::Stop() {
  for (auto it = processes_.rbegin(); it != processes_.rend(); ++it) {
    (*it)->Stop();
  }
}

}  // namespace frontline::loadgen
