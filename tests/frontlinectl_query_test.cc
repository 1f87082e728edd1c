// The `frontlinectl` binary in its own process asking a real ConflictState
// server (in this process, over a real view with the shipped gazetteer):
// place, events, event, docs, doc, stats, export, watch, --json and exit
// codes; and replay rebuilding a view from a local bus.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/api/conflict_state_service.h"
#include "libs/api/server.h"
#include "libs/bus/bus.h"
#include "libs/pipeline/topics.h"
#include "libs/state/state_test_util.h"
#include "libs/state/state_view.h"
#include "nlohmann/json.hpp"
#include "tests/frontlinectl_runner.h"

namespace frontline {
namespace {

using ::frontline::testing::ChildRun;
using ::frontline::testing::RunCtl;
using ::frontline::testing::Slurp;
using ::frontline::testing::SpawnCtl;
using ::frontline::testing::WaitExit;
using state::testing::EventMessage;
using state::testing::EventRecord;
using state::testing::MakeEvent;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kKurakhove[] = "ua.donetsk.kurakhove";
constexpr char kSudzha[] = "ru.kursk.sudzha";
constexpr char kSentence[] =
    "The Russian Ministry of Defense said its forces had \"fully liberated\" "
    "Kurakhove, a town in Donetsk.";

std::vector<std::string> Lines(const std::string& text) {
  return absl::StrSplit(text, absl::ByAnyChar("\r\n"), absl::SkipEmpty());
}

v1::Event WithSource(v1::Event e, const std::string& region,
                     const std::string& source_name) {
  e.set_region_id(region);
  e.mutable_sources(0)->set_claim_id(e.sources(0).document_id() + "/0");
  e.mutable_sources(0)->mutable_source()->set_name(source_name);
  return e;
}

v1::Event Capture() {
  return WithSource(MakeEvent("cap", v1::CLAIM_TYPE_CAPTURE, v1::SIDE_RUSSIA,
                              v1::SIDE_RUSSIA, kKurakhove, 1736100000),
                    "ua.donetsk", "RIA Novosti");
}

v1::Event Denial() {
  return WithSource(
      MakeEvent("deny", v1::CLAIM_TYPE_CAPTURE, v1::SIDE_RUSSIA,
                v1::SIDE_UKRAINE, kKurakhove, 1736110000, v1::POLARITY_DENIED),
      "ua.donetsk", "General Staff");
}

v1::Event Strike() {
  v1::Event e = WithSource(
      MakeEvent("strike", v1::CLAIM_TYPE_DRONE_STRIKE, v1::SIDE_UKRAINE,
                v1::SIDE_UKRAINE, kSudzha, 1736000000),
      "ru.kursk", "DeepState");
  e.add_sources()->set_document_id("doc-other");
  e.mutable_sources(1)->set_independent(true);
  e.set_independent_sources(2);
  return e;
}

v1::DocumentVerdict Verdict(const std::string& id, v1::Verdict verdict) {
  v1::DocumentVerdict v;
  v.set_document_id(id);
  v.set_verdict(verdict);
  v1::Document* doc = v.mutable_document();
  doc->set_id(id);
  doc->mutable_source()->set_id("feed:ria");
  doc->mutable_source()->set_name("RIA Novosti");
  doc->set_external_id("ria-" + id);
  doc->set_canonical_url("https://ria.ru/" + id);
  doc->mutable_published_time()->set_seconds(1736100000);
  v1::Claim* claim = doc->add_claims();
  claim->set_id(id + "/0");
  claim->mutable_claimant()->set_id("ru.mod");
  claim->set_sentence(kSentence);
  if (verdict == v1::VERDICT_DUPLICATE) {
    v.set_duplicate_of("doc-cap");
    v.set_kind(v1::DUPLICATE_KIND_PARAPHRASE);
    v.set_similarity(0.83);
  }
  return v;
}

bus::Message VerdictMessage(const v1::DocumentVerdict& v) {
  bus::Message m{.topic = "events", .key = v.document_id()};
  v.SerializeToString(&m.value);
  m.headers = {{"ce_type", "frontline.v1.DocumentVerdict"}};
  return m;
}

bus::Record VerdictRecord(const v1::DocumentVerdict& v, int64_t offset) {
  bus::Message m = VerdictMessage(v);
  return bus::Record{.topic = "events",
                     .offset = offset,
                     .key = m.key,
                     .value = m.value,
                     .headers = m.headers};
}

class FrontlinectlQueryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto g = gazetteer::Gazetteer::Load(FRONTLINE_PLACES_TSV);
    ASSERT_TRUE(g.ok()) << g.status();
    gazetteer_ = new gazetteer::Gazetteer(*std::move(g));
  }

  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           absl::StrCat("frontlinectl-query-", getpid(), "-", counter_++);
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto view = state::StateView::Open((dir_ / "view").string(), gazetteer_);
    ASSERT_TRUE(view.ok()) << view.status();
    view_ = *std::move(view);
    ASSERT_TRUE(
        view_
            ->Apply(
                {EventRecord(Capture(), 0), EventRecord(Denial(), 1),
                 EventRecord(Strike(), 2),
                 VerdictRecord(Verdict("doc-cap", v1::VERDICT_NEW), 3),
                 VerdictRecord(Verdict("doc-dup", v1::VERDICT_DUPLICATE), 4)})
            .ok());
    auto bus = bus::Bus::Open("local:" + (dir_ / "bus").string());
    ASSERT_TRUE(bus.ok()) << bus.status();
    bus_ = *std::move(bus);
    ASSERT_TRUE(pipeline::EnsurePipelineTopics(*bus_, 2).ok());
    service_ = std::make_unique<api::ConflictStateService>(*view_, bus_.get());
    auto server =
        api::Server::Start({.listen = "127.0.0.1:0"}, {service_.get()});
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    server_address_ = absl::StrCat("127.0.0.1:", server_->port());
  }

  void TearDown() override {
    server_.reset();
    service_.reset();
    bus_.reset();
    view_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::vector<std::string> Args(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--server", server_address_, "--timeout", "10"});
    return args;
  }
  ChildRun Ctl(std::vector<std::string> args) {
    return RunCtl(dir_, Args(std::move(args)));
  }
  // Runs with --json and parses stdout as one JSON document.
  nlohmann::json Json(std::vector<std::string> args) {
    args.insert(args.begin(), "--json");
    ChildRun run = Ctl(std::move(args));
    EXPECT_EQ(run.exit_code, 0) << run.err;
    nlohmann::json json = nlohmann::json::parse(run.out, nullptr, false);
    EXPECT_FALSE(json.is_discarded()) << run.out;
    return json;
  }

  static inline gazetteer::Gazetteer* gazetteer_ = nullptr;
  static inline int counter_ = 0;
  std::filesystem::path dir_;
  std::unique_ptr<state::StateView> view_;
  std::unique_ptr<bus::Bus> bus_;
  std::unique_ptr<api::ConflictStateService> service_;
  std::unique_ptr<api::Server> server_;
  std::string server_address_;
};

TEST_F(FrontlinectlQueryTest, PlaceByCyrillicNameShowsEachSidesClaim) {
  ChildRun run = Ctl({"place", "Курахове"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out,
              HasSubstr("Kurakhove (ua.donetsk.kurakhove)  CONTESTED"));
  EXPECT_THAT(run.out, HasSubstr("Donetsk"));
  EXPECT_THAT(run.out, HasSubstr("47.9800, 37.2800"));
  EXPECT_THAT(run.out, HasSubstr("ru.mod"));
  EXPECT_THAT(run.out, HasSubstr("ua.gs"));
  // The timeline, newest first: the denial before the capture.
  EXPECT_LT(run.out.find("deny"), run.out.find("  cap\n"));

  ChildRun missing = Ctl({"place", "Atlantis"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.err, HasSubstr("Atlantis"));
  EXPECT_THAT(missing.err, HasSubstr("NOT_FOUND"));
}

TEST_F(FrontlinectlQueryTest, PlaceAsJsonKeepsProtoFieldNames) {
  nlohmann::json json = Json({"place", "Kurakhovo"});
  EXPECT_EQ(json["place"]["id"], kKurakhove);
  EXPECT_EQ(json["contested"], true);
  EXPECT_EQ(json["control_claims"].size(), 2u);
  ASSERT_EQ(json["timeline"].size(), 2u);
  EXPECT_EQ(json["timeline"][0]["place_id"], kKurakhove);
  EXPECT_TRUE(json["control_claims"][0].contains("claimant_side"));
}

TEST_F(FrontlinectlQueryTest, EventsFilterAndLimit) {
  ChildRun all = Ctl({"events"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  std::vector<std::string> lines = Lines(all.out);
  ASSERT_EQ(lines.size(), 4u) << all.out;
  EXPECT_THAT(lines[0], HasSubstr("TIME"));
  EXPECT_THAT(lines[1], HasSubstr("deny"));
  EXPECT_THAT(lines[1], HasSubstr("Kurakhove"));
  EXPECT_THAT(lines[3], HasSubstr("Sudzha"));

  EXPECT_EQ(Lines(Ctl({"events", "--limit", "2"}).out).size(), 3u);
  nlohmann::json limited = Json({"events", "--limit", "1"});
  ASSERT_EQ(limited["events"].size(), 1u);
  EXPECT_EQ(limited["events"][0]["id"], "deny");

  nlohmann::json strikes =
      Json({"events", "--side", "ukraine", "--type", "drone_strike,shelling"});
  ASSERT_EQ(strikes["events"].size(), 1u);
  EXPECT_EQ(strikes["events"][0]["id"], "strike");
  EXPECT_EQ(strikes["events"][0]["place_id"], kSudzha);

  nlohmann::json on_day = Json({"events", "--place", "Курахове", "--since",
                                "2025-01-05", "--until", "2025-01-05"});
  EXPECT_EQ(on_day["events"].size(), 2u);
  EXPECT_EQ(Json({"events", "--region", "Kursk oblast"})["events"].size(), 1u);
  EXPECT_EQ(Json({"events", "--region", "ua.donetsk"})["events"].size(), 2u);
  EXPECT_EQ(Json({"events", "--min-sources", "2"})["events"].size(), 1u);
  EXPECT_EQ(Json({"events", "--since", "2025-02-01"})["events"].size(), 0u);

  ChildRun none = Ctl({"events", "--since", "2025-02-01"});
  EXPECT_EQ(none.exit_code, 0);
  EXPECT_EQ(none.out, "no matching events\n");
  ChildRun bad = Ctl({"events", "--side", "nato"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("--side: unknown side \"nato\""));
  EXPECT_EQ(Ctl({"events", "--place", "Atlantis"}).exit_code, 1);
}

TEST_F(FrontlinectlQueryTest, EventShowsItsProvenance) {
  ChildRun run = Ctl({"event", "cap"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("Event cap (revision 1)"));
  EXPECT_THAT(run.out, HasSubstr("place: Kurakhove (ua.donetsk.kurakhove)"));
  EXPECT_THAT(run.out, HasSubstr(absl::StrCat("ru.mod: \"", kSentence, "\"")));
  EXPECT_THAT(run.out, HasSubstr("source: RIA Novosti [feed:ria]"));
  EXPECT_THAT(run.out, HasSubstr("external id: ria-doc-cap"));
  EXPECT_THAT(run.out, HasSubstr("url: https://ria.ru/doc-cap"));
  EXPECT_THAT(run.out, HasSubstr("published: 2025-01-05T18:00:00Z"));
  EXPECT_THAT(run.out, HasSubstr("verdict: new"));

  nlohmann::json json = Json({"event", "cap"});
  EXPECT_EQ(json["event"]["id"], "cap");
  ASSERT_EQ(json["claims"].size(), 1u);
  EXPECT_EQ(json["claims"][0]["sentence"], kSentence);
  ASSERT_EQ(json["documents"].size(), 1u);
  EXPECT_EQ(json["documents"][0]["document_id"], "doc-cap");

  ChildRun missing = Ctl({"event", "no-such-event"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.err, HasSubstr("no event no-such-event"));
}

TEST_F(FrontlinectlQueryTest, DocumentsAndVerdicts) {
  ChildRun run = Ctl({"docs"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("doc-cap"));
  EXPECT_THAT(run.out, HasSubstr("duplicate of doc-cap (paraphrase"));

  nlohmann::json dups = Json({"docs", "--verdict", "duplicate"});
  ASSERT_EQ(dups["documents"].size(), 1u);
  EXPECT_EQ(dups["documents"][0]["document_id"], "doc-dup");
  EXPECT_EQ(dups["documents"][0]["duplicate_of"], "doc-cap");
  EXPECT_EQ(Json({"docs", "--limit", "1"})["documents"].size(), 1u);
  EXPECT_EQ(Json({"docs", "--source", "feed:tass"})["documents"].size(), 0u);

  ChildRun doc = Ctl({"doc", "doc-dup"});
  ASSERT_EQ(doc.exit_code, 0) << doc.err;
  EXPECT_THAT(doc.out, HasSubstr("url: https://ria.ru/doc-dup"));
  EXPECT_THAT(doc.out, HasSubstr("duplicate of: doc-cap"));
  EXPECT_THAT(doc.out, HasSubstr("kind: paraphrase"));
  EXPECT_THAT(doc.out, HasSubstr("similarity: 0.830"));
  EXPECT_EQ(Json({"doc", "doc-cap"})["verdict"], "VERDICT_NEW");
  EXPECT_EQ(Ctl({"doc", "doc-none"}).exit_code, 1);
}

TEST_F(FrontlinectlQueryTest, StatsCountsAndLag) {
  ChildRun run = Ctl({"stats"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("events      3"));
  EXPECT_THAT(run.out, HasSubstr("documents   2"));
  EXPECT_THAT(run.out, HasSubstr("PARTITION"));
  nlohmann::json json = Json({"stats"});
  EXPECT_EQ(json["events"], "3");  // uint64 is a string in proto JSON
  EXPECT_EQ(json["duplicates"], "1");
  EXPECT_EQ(json["lag"].size(), 2u);
}

TEST_F(FrontlinectlQueryTest, ExportCsvAndGeoJson) {
  ChildRun csv = Ctl({"export", "--csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  std::vector<std::string> lines = Lines(csv.out);
  ASSERT_EQ(lines.size(), 4u) << csv.out;
  EXPECT_EQ(lines[0].substr(0, 36), "event_id_cnty,event_date,event_type,");
  EXPECT_THAT(csv.out, HasSubstr("\r\n"));
  EXPECT_THAT(
      csv.out,
      HasSubstr("UA-cap,2025-01-05,Battles,Government regains territory,"));
  EXPECT_THAT(csv.out, HasSubstr("Donetsk"));
  EXPECT_THAT(csv.out, HasSubstr("47.980000,37.280000"));
  // The sentence holds quotes and a comma: quoted, quotes doubled.
  EXPECT_THAT(csv.out, HasSubstr("\"The Russian Ministry of Defense said its "
                                 "forces had \"\"fully liberated\"\" "
                                 "Kurakhove, a town in Donetsk.\""));
  EXPECT_THAT(csv.out, HasSubstr("RU-strike,2025-01-04,Explosions/Remote "
                                 "violence,Air/drone strike"));

  const std::string out = (dir_ / "events.geojson").string();
  ChildRun geo = Ctl({"export", "--geojson", "--out", out});
  ASSERT_EQ(geo.exit_code, 0) << geo.err;
  EXPECT_THAT(geo.out, HasSubstr("exported 3 events to"));
  nlohmann::json collection = nlohmann::json::parse(Slurp(out));
  EXPECT_EQ(collection["type"], "FeatureCollection");
  ASSERT_EQ(collection["features"].size(), 3u);
  const gazetteer::Place* kurakhove = gazetteer_->FindById(kKurakhove);
  ASSERT_NE(kurakhove, nullptr);
  bool found = false;
  for (const nlohmann::json& feature : collection["features"]) {
    EXPECT_EQ(feature["type"], "Feature");
    EXPECT_EQ(feature["geometry"]["type"], "Point");
    if (feature["properties"]["event_id"] != "cap") continue;
    found = true;
    EXPECT_DOUBLE_EQ(feature["geometry"]["coordinates"][0].get<double>(),
                     kurakhove->longitude);
    EXPECT_DOUBLE_EQ(feature["geometry"]["coordinates"][1].get<double>(),
                     kurakhove->latitude);
    EXPECT_EQ(feature["properties"]["notes"], kSentence);
    EXPECT_EQ(feature["properties"]["source"], "RIA Novosti");
  }
  EXPECT_TRUE(found);

  ChildRun filtered = Ctl({"export", "--csv", "--type", "drone_strike"});
  EXPECT_EQ(Lines(filtered.out).size(), 2u);
  EXPECT_EQ(Ctl({"export"}).exit_code, 2);
}

TEST_F(FrontlinectlQueryTest, WatchPrintsEventsAppliedAfterItStarted) {
  const std::filesystem::path out = dir_ / "watch.out";
  const pid_t pid =
      SpawnCtl(Args({"--json", "watch", "--place", "Курахове", "--resume",
                     absl::StrCat(view_->LastSequence())}),
               out, dir_ / "watch.err");
  ASSERT_GT(pid, 0);
  absl::SleepFor(absl::Milliseconds(500));
  v1::Event assault =
      WithSource(MakeEvent("new", v1::CLAIM_TYPE_ASSAULT, v1::SIDE_RUSSIA,
                           v1::SIDE_UKRAINE, kKurakhove, 1736200000),
                 "ua.donetsk", "General Staff");
  ASSERT_TRUE(
      view_
          ->Apply({EventRecord(MakeEvent("elsewhere", v1::CLAIM_TYPE_SHELLING,
                                         v1::SIDE_RUSSIA, v1::SIDE_UKRAINE,
                                         "ua.sumy.sumy", 1736200000),
                               5),
                   EventRecord(assault, 6)})
          .ok());
  const absl::Time deadline = absl::Now() + absl::Seconds(20);
  while (Slurp(out).find('\n') == std::string::npos && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(50));
  }
  kill(pid, SIGINT);
  EXPECT_EQ(WaitExit(pid), 0) << Slurp(dir_ / "watch.err");
  std::vector<std::string> lines = Lines(Slurp(out));
  ASSERT_EQ(lines.size(), 1u) << Slurp(out);
  nlohmann::json line = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(line["event"]["id"], "new");
  EXPECT_EQ(line["event"]["place_id"], kKurakhove);
  EXPECT_NE(line["resume_token"], "");

  // Human lines carry the place's name and the token.
  const pid_t human =
      SpawnCtl(Args({"watch", "--resume", "0"}), out, dir_ / "watch.err");
  const absl::Time until = absl::Now() + absl::Seconds(20);
  while (Lines(Slurp(out)).size() < 5 && absl::Now() < until) {
    absl::SleepFor(absl::Milliseconds(50));
  }
  kill(human, SIGINT);
  EXPECT_EQ(WaitExit(human), 0);
  EXPECT_THAT(Slurp(out), HasSubstr("Sudzha"));
  EXPECT_THAT(Slurp(out), HasSubstr("(resume "));
}

TEST_F(FrontlinectlQueryTest, UnreachableServerIsAnError) {
  ChildRun run =
      RunCtl(dir_, {"--server", "127.0.0.1:1", "--timeout", "1", "stats"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("cannot reach the server"));
  EXPECT_THAT(run.out, Not(HasSubstr("events")));
}

TEST_F(FrontlinectlQueryTest, ReplayRebuildsAViewFromABus) {
  const std::string bus_uri = "local:" + (dir_ / "replay-bus").string();
  {
    auto bus = bus::Bus::Open(bus_uri);
    ASSERT_TRUE(bus.ok()) << bus.status();
    ASSERT_TRUE(pipeline::EnsurePipelineTopics(**bus, 2).ok());
    for (const v1::Event& e : {Capture(), Denial(), Strike()}) {
      ASSERT_TRUE((*bus)->ProduceSync(EventMessage(e), absl::Seconds(10)).ok());
    }
    ASSERT_TRUE(
        (*bus)
            ->ProduceSync(VerdictMessage(Verdict("doc-cap", v1::VERDICT_NEW)),
                          absl::Seconds(10))
            .ok());
  }  // closed: the child opens it
  const std::string view = (dir_ / "replayed").string();
  const std::vector<std::string> replay = {"replay",
                                           "--bus",
                                           bus_uri,
                                           "--data",
                                           view,
                                           "--places",
                                           FRONTLINE_PLACES_TSV};
  ChildRun run = RunCtl(dir_, replay);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("replayed 4 records"));
  EXPECT_THAT(run.out, HasSubstr("3 events, 1 documents"));

  ChildRun again = RunCtl(dir_, replay);
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_THAT(again.err, HasSubstr("not empty"));

  std::vector<std::string> forced = replay;
  forced.insert(forced.begin(), "--json");
  forced.push_back("--force");
  ChildRun json = RunCtl(dir_, forced);
  ASSERT_EQ(json.exit_code, 0) << json.err;
  nlohmann::json report = nlohmann::json::parse(json.out);
  EXPECT_EQ(report["records"], 4);
  EXPECT_EQ(report["stats"]["events"], "3");

  // A view held by a running server is refused, not wiped.
  std::vector<std::string> held = {"replay",
                                   "--bus",
                                   bus_uri,
                                   "--data",
                                   (dir_ / "view").string(),
                                   "--places",
                                   FRONTLINE_PLACES_TSV,
                                   "--force"};
  ChildRun refused = RunCtl(dir_, held);
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_THAT(refused.err, HasSubstr("stop the server"));
  EXPECT_TRUE(view_->GetEvent("cap").ok());
}

}  // namespace
}  // namespace frontline
