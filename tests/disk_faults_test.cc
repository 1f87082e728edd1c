// Storage faults: a disk that fills up and a store directory another process
// holds. Each must end the service with a clear error and a non-zero exit,
// never a corrupt view: once the disk has room again the store opens, catches
// up, and equals a clean rebuild from the topics.
//
// The full disk is made two ways: a file-size limit (RLIMIT_FSIZE, SIGXFSZ
// ignored so writes fail with EFBIG) on `frontline state`, which always
// works; and a small tmpfs holding the whole data directory of `frontline
// run` (real ENOSPC), in a private mount namespace when the sandbox allows
// one (skipped otherwise).
#include <sched.h>
#include <sys/mount.h>
#include <sys/resource.h>

#include <filesystem>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "libs/bus/kafka_mock_cluster.h"
#include "libs/gazetteer/gazetteer.h"
#include "libs/ingest/state_store.h"
#include "libs/pipeline/raw_documents.h"
#include "libs/pipeline/topics.h"
#include "tests/child_process.h"
#include "tests/fault_checks.h"

namespace frontline {
namespace {

using std::chrono::seconds;
using testing::ChildProcess;

std::string TempDir(const std::string& name) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    absl::StrCat(name, "-", getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

gazetteer::Gazetteer Places() {
  auto places = gazetteer::Gazetteer::Load(
      absl::StrCat(FRONTLINE_SOURCE_DIR, "/libs/gazetteer/data/places.tsv"));
  EXPECT_TRUE(places.ok()) << places.status();
  return *std::move(places);
}

std::vector<std::string> StateCommand(const std::string& bus,
                                      const std::string& view) {
  return {FRONTLINE_BINARY, "state", "--bus",    bus,
          "--data",         view,    "--listen", "127.0.0.1:0"};
}

// `n` verdicts with documents of about 2 KB, and events citing them, some
// revised many times.
void ProduceReports(bus::Bus& bus, int n) {
  auto failed = std::make_shared<std::atomic<int>>(0);
  const absl::Time now = absl::Now();
  for (int i = 0; i < n; ++i) {
    v1::DocumentVerdict verdict;
    verdict.set_document_id(absl::StrCat("doc-", i));
    verdict.set_verdict(v1::VERDICT_NEW);
    verdict.set_revision(1);
    v1::Document* doc = verdict.mutable_document();
    doc->set_id(verdict.document_id());
    doc->set_title(absl::StrCat("Report ", i));
    doc->set_text(std::string(2000, 'a' + i % 26));
    doc->mutable_published_time()->set_seconds(1736121600 + i);
    v1::Event event;
    event.set_id(absl::StrCat("event-", i % 50));
    event.set_revision(i / 50 + 1);
    event.set_type(v1::CLAIM_TYPE_CAPTURE);
    event.set_side(v1::SIDE_RUSSIA);
    event.set_place_id("ua.donetsk.kurakhove");
    event.mutable_time()->set_seconds(1736121600 + i);
    event.add_sources()->set_document_id(verdict.document_id());
    for (bus::Message m :
         {pipeline::ProtoMessage(pipeline::kEventsTopic, verdict.document_id(),
                                 verdict, "/disk-faults", now),
          pipeline::ProtoMessage(pipeline::kEventsTopic, event.id(), event,
                                 "/disk-faults", now)}) {
      ASSERT_TRUE(bus.Produce(std::move(m),
                              [failed](const auto& report) {
                                if (!report.status.ok()) failed->fetch_add(1);
                              })
                      .ok());
    }
  }
  ASSERT_TRUE(bus.Flush(absl::Seconds(60)).ok());
  ASSERT_EQ(failed->load(), 0);
}

// Catches the view in `dir` up with `bus` and compares it with a clean
// rebuild.
void ExpectViewEqualsRebuild(bus::Bus& bus, const std::string& dir,
                             const std::string& rebuilt_dir) {
  const gazetteer::Gazetteer places = Places();
  testing::ViewImage live;
  {
    auto view = state::StateView::Open(dir, &places);
    ASSERT_TRUE(view.ok()) << view.status();
    auto updater = state::StateUpdater::Create(bus, **view);
    ASSERT_TRUE(updater.ok()) << updater.status();
    const absl::Time deadline = absl::Now() + absl::Seconds(60);
    for (auto lag = (*updater)->Lag(); lag.ok() && *lag > 0;
         lag = (*updater)->Lag()) {
      ASSERT_LT(absl::Now(), deadline) << *lag << " records not applied";
      ASSERT_TRUE((*updater)->RunOnce().ok());
    }
    auto image = testing::Image(**view);
    ASSERT_TRUE(image.ok()) << image.status();
    live = *std::move(image);
  }
  auto rebuilt = testing::RebuildImage(bus, rebuilt_dir, &places);
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.status();
  EXPECT_EQ(testing::Diff(live, *rebuilt), "");
  EXPECT_GT(live.document_count, 0u);
}

TEST(DiskFaultsTest, StateServiceStopsCleanlyWhenItsFilesCannotGrow) {
  const std::string dir = TempDir("disk-fsize");
  auto mock = bus::KafkaMockCluster::Start(1);
  ASSERT_TRUE(mock.ok()) << mock.status();
  for (const bus::TopicSpec& spec : pipeline::PipelineTopics(2)) {
    ASSERT_TRUE((*mock)->CreateTopic(spec.name, spec.partitions, 1).ok());
  }
  auto bus = bus::Bus::Open((*mock)->uri());
  ASSERT_TRUE(bus.ok()) << bus.status();
  // About 3 MB of view writes; no file of the view may pass 512 KB.
  ASSERT_NO_FATAL_FAILURE(ProduceReports(**bus, 1200));
  const std::string view = dir + "/view";
  {
    ChildProcess state(StateCommand((*mock)->uri(), view), FRONTLINE_SOURCE_DIR,
                       [] {
                         signal(SIGXFSZ, SIG_IGN);
                         const rlimit limit{512 << 10, 512 << 10};
                         setrlimit(RLIMIT_FSIZE, &limit);
                       });
    const std::optional<int> status = state.WaitForExit(seconds(60));
    ASSERT_TRUE(status.has_value()) << "frontline state kept running";
    EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 1) << *status;
    const std::string output = state.ReadAll();
    EXPECT_NE(output.find("frontline state: FAILED_PRECONDITION: state view: "
                          "apply: IO error"),
              std::string::npos)
        << output;
    EXPECT_NE(output.find("File too large"), std::string::npos) << output;
  }
  {
    // Room again: the service opens the same view and serves.
    ChildProcess state(StateCommand((*mock)->uri(), view),
                       FRONTLINE_SOURCE_DIR);
    EXPECT_FALSE(state.WaitForLine("serving gRPC on port ([0-9]+)").empty());
    const int status = state.Stop(SIGTERM);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  }
  ExpectViewEqualsRebuild(**bus, view, dir + "/rebuilt");
  std::filesystem::remove_all(dir);
}

// A private mount namespace in which this process may mount a tmpfs; false
// when the sandbox allows none.
bool PrivateMounts() {
  if (unshare(CLONE_NEWNS) != 0) {
    const uid_t uid = getuid();
    const gid_t gid = getgid();
    if (unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) return false;
    std::ofstream("/proc/self/setgroups") << "deny";
    std::ofstream("/proc/self/uid_map") << "0 " << uid << " 1";
    std::ofstream("/proc/self/gid_map") << "0 " << gid << " 1";
  }
  return mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0;
}

TEST(DiskFaultsTest, RunStopsCleanlyOnAFullDiskAndRecoversWithRoom) {
  const std::string dir = TempDir("disk-full");
  if (!PrivateMounts() ||
      mount("tmpfs", dir.c_str(), "tmpfs", 0, "size=4m") != 0) {
    GTEST_SKIP() << "no tmpfs can be mounted here: " << strerror(errno);
  }
  const std::string data = dir + "/data";
  const std::string bus_uri = "local:" + data + "/bus";
  const std::vector<v1::RawDocument> input = testing::FaultCorpus(0, 400, 7);
  {
    auto bus = bus::Bus::Open(bus_uri);
    ASSERT_TRUE(bus.ok()) << bus.status();
    ASSERT_TRUE(pipeline::EnsurePipelineTopics(**bus).ok());
    for (const v1::RawDocument& raw : input) {
      auto r = (*bus)->ProduceSync(pipeline::RawDocumentMessage(raw, "/disk"),
                                   absl::Seconds(10));
      ASSERT_TRUE(r.ok() && r->status.ok()) << "the corpus did not fit";
    }
  }
  const std::vector<std::string> run = {
      FRONTLINE_BINARY, "run", "--data", data, "--listen", "127.0.0.1:0"};
  {
    ChildProcess frontline(run, FRONTLINE_SOURCE_DIR);
    const std::optional<int> status = frontline.WaitForExit(seconds(90));
    ASSERT_TRUE(status.has_value()) << "frontline run kept running";
    const std::string output = frontline.ReadAll();
    EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 1)
        << *status << "\n"
        << output;
    EXPECT_NE(output.find("No space left on device"), std::string::npos)
        << output;
  }
  ASSERT_EQ(mount("tmpfs", dir.c_str(), "tmpfs", MS_REMOUNT, "size=256m"), 0)
      << strerror(errno);
  {
    ChildProcess frontline(run, FRONTLINE_SOURCE_DIR);
    EXPECT_FALSE(
        frontline.WaitForLine("serving gRPC on port ([0-9]+)").empty());
    absl::SleepFor(absl::Seconds(3));
    const int status = frontline.Stop(SIGTERM);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  }
  {
    auto bus = bus::Bus::Open(bus_uri);
    ASSERT_TRUE(bus.ok()) << bus.status();
    ExpectViewEqualsRebuild(**bus, data + "/state", dir + "/rebuilt");
  }
  EXPECT_EQ(umount(dir.c_str()), 0) << strerror(errno);
  std::filesystem::remove_all(dir);
}

// Holds a directory's store in this process while a service tries it.
void ExpectHeldDirectoryRefused(const std::vector<std::string>& command,
                                const std::string& what) {
  ChildProcess service(command, FRONTLINE_SOURCE_DIR);
  const std::optional<int> status = service.WaitForExit(seconds(30));
  ASSERT_TRUE(status.has_value()) << command[1] << " kept running";
  EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 1) << *status;
  const std::string output = service.ReadAll();
  EXPECT_NE(output.find(what), std::string::npos) << output;
  EXPECT_NE(output.find("held by another process"), std::string::npos)
      << output;
}

TEST(DiskFaultsTest, StateViewHeldByAnotherProcessIsAClearError) {
  const std::string dir = TempDir("locked-view");
  const gazetteer::Gazetteer places = Places();
  auto held = state::StateView::Open(dir + "/view", &places);
  ASSERT_TRUE(held.ok()) << held.status();
  ExpectHeldDirectoryRefused(
      StateCommand("local:" + dir + "/bus", dir + "/view"),
      "frontline state: FAILED_PRECONDITION: state view: ");
  std::filesystem::remove_all(dir);
}

TEST(DiskFaultsTest, IngestStateHeldByAnotherProcessIsAClearError) {
  const std::string dir = TempDir("locked-ingest");
  auto held = ingest::StateStore::Open(dir + "/ingest");
  ASSERT_TRUE(held.ok()) << held.status();
  ExpectHeldDirectoryRefused(
      {FRONTLINE_BINARY, "feed-ingest", "--bus", "local:" + dir + "/bus",
       "--config", "examples/sources.yaml", "--state", dir + "/ingest"},
      "frontline: FAILED_PRECONDITION: ingest state: ");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace frontline
