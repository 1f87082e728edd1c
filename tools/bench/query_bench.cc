// query_bench: the ConflictState service under load, against the empty RPC
// (grpc.health.v1 Check) served by the same grpc::Server in the same run, and
// (--mode latency) the time from a document submitted through the Ingest
// service to its event seen on WatchEvents, through the whole pipeline on the
// embedded log as `frontline run` wires it. Prints medians over rounds and the
// ratios. Loopback only.
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/random/random.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "frontline/v1/conflict_state.grpc.pb.h"
#include "frontline/v1/ingest.grpc.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "libs/api/conflict_state_service.h"
#include "libs/api/ingest_service.h"
#include "libs/api/server.h"
#include "libs/bus/bus.h"
#include "libs/bus/cloud_events.h"
#include "libs/dedup/dedup_stage.h"
#include "libs/gazetteer/gazetteer.h"
#include "libs/normalize/normalize_stage.h"
#include "libs/normalize/normalizer.h"
#include "libs/pipeline/raw_documents.h"
#include "libs/pipeline/topics.h"
#include "libs/state/state_updater.h"
#include "libs/state/state_view.h"

namespace {

using frontline::v1::ConflictState;

struct Config {
  std::string mode = "query";
  std::string source_dir = FRONTLINE_SOURCE_DIR;
  // query mode
  int events = 20000;
  int places = 50;
  double seconds = 5;
  int rounds = 3;
  std::vector<int> concurrency = {1, 4, 16};
  bool shared_channel = false;
  // latency mode
  int documents = 200;
  double rate = 20;  // documents per second
};

void Die(const std::string& what) {
  std::fprintf(stderr, "query_bench: %s\n", what.c_str());
  std::exit(1);
}

std::string TempDir(const std::string& stem) {
  auto dir = std::filesystem::temp_directory_path() /
             absl::StrCat("frontline-bench-", stem, "-", getpid(), "-",
                          absl::ToUnixNanos(absl::Now()));
  std::filesystem::remove_all(dir);
  return dir.string();
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// The q-quantile of sorted `v` (nearest rank).
double Quantile(const std::vector<double>& v, double q) {
  if (v.empty()) return 0;
  size_t i = static_cast<size_t>(q * v.size());
  return v[std::min(i, v.size() - 1)];
}

// Places a war report would name: cities, towns and villages of the
// gazetteer whose name is theirs alone, Kurakhove first.
std::vector<const frontline::gazetteer::Place*> PickPlaces(
    const frontline::gazetteer::Gazetteer& gazetteer, int n,
    bool front_only = false) {
  // Oblasts where the fighting is (capitals are also names of governments:
  // "Kyiv denied ..." is not a claim about the city).
  const std::vector<std::string> kFront = {"ua.donetsk", "ua.luhansk",
                                           "ua.zaporizhzhia", "ua.kharkiv",
                                           "ua.kherson"};
  using frontline::gazetteer::PlaceKind;
  std::vector<const frontline::gazetteer::Place*> out;
  if (const auto* k = gazetteer.FindById("ua.donetsk.kurakhove")) {
    out.push_back(k);
  }
  for (const auto& place : gazetteer.places()) {
    if (static_cast<int>(out.size()) >= n) break;
    if (place.kind != PlaceKind::kCity && place.kind != PlaceKind::kTown &&
        place.kind != PlaceKind::kVillage) {
      continue;
    }
    if (!out.empty() && &place == out.front()) continue;
    if (front_only && std::find(kFront.begin(), kFront.end(),
                                place.region_id) == kFront.end()) {
      continue;
    }
    // A name shared with another place (Kursk, the city and the oblast)
    // resolves to one of them only: leave those out.
    if (gazetteer.Find(place.name).size() != 1) continue;
    out.push_back(&place);
  }
  return out;
}

// --- query mode --------------------------------------------------------------

struct SourceSpec {
  const char* id;
  frontline::v1::SourceKind kind;
  frontline::v1::Affiliation affiliation;
  const char* actor;
  frontline::v1::Side side;
};

constexpr SourceSpec kSources[] = {
    {"telegram:mod_russia", frontline::v1::SOURCE_KIND_TELEGRAM,
     frontline::v1::AFFILIATION_RUSSIAN_STATE, "ru.mod",
     frontline::v1::SIDE_RUSSIA},
    {"feed:ria", frontline::v1::SOURCE_KIND_FEED,
     frontline::v1::AFFILIATION_RUSSIAN_STATE, "ru.mod",
     frontline::v1::SIDE_RUSSIA},
    {"telegram:rybar", frontline::v1::SOURCE_KIND_TELEGRAM,
     frontline::v1::AFFILIATION_RUSSIAN_MILBLOGGER, "rybar",
     frontline::v1::SIDE_RUSSIA},
    {"telegram:GeneralStaffZSU", frontline::v1::SOURCE_KIND_TELEGRAM,
     frontline::v1::AFFILIATION_UKRAINIAN_OFFICIAL, "ua.gs",
     frontline::v1::SIDE_UKRAINE},
    {"telegram:DeepStateUA", frontline::v1::SOURCE_KIND_TELEGRAM,
     frontline::v1::AFFILIATION_UKRAINIAN_MONITORING, "deepstate",
     frontline::v1::SIDE_UKRAINE},
    {"feed:kyivindependent", frontline::v1::SOURCE_KIND_FEED,
     frontline::v1::AFFILIATION_UKRAINIAN_MEDIA, "ua.gs",
     frontline::v1::SIDE_UKRAINE},
    {"feed:isw", frontline::v1::SOURCE_KIND_FEED,
     frontline::v1::AFFILIATION_INDEPENDENT, "isw",
     frontline::v1::SIDE_NEUTRAL},
};

constexpr frontline::v1::ClaimType kTypes[] = {
    frontline::v1::CLAIM_TYPE_CAPTURE,
    frontline::v1::CLAIM_TYPE_CONTROL,
    frontline::v1::CLAIM_TYPE_ASSAULT,
    frontline::v1::CLAIM_TYPE_REPELLED_ATTACK,
    frontline::v1::CLAIM_TYPE_DRONE_STRIKE,
    frontline::v1::CLAIM_TYPE_SHELLING};

// `n` events over `places`, 90 days of reporting, one to three sources each.
void FillView(frontline::state::StateView& view,
              const std::vector<const frontline::gazetteer::Place*>& places,
              int n) {
  absl::BitGen gen;
  const int64_t start = 1730000000;  // 2024-10-27
  std::vector<frontline::bus::Record> batch;
  for (int i = 0; i < n; ++i) {
    const auto& place = *places[absl::Uniform(gen, 0u, places.size())];
    frontline::v1::Event e;
    e.set_id(absl::StrCat("ev-", i));
    e.set_revision(1);
    e.set_type(kTypes[absl::Uniform(gen, 0u, std::size(kTypes))]);
    e.set_side(absl::Bernoulli(gen, 0.5) ? frontline::v1::SIDE_RUSSIA
                                         : frontline::v1::SIDE_UKRAINE);
    e.set_polarity(absl::Bernoulli(gen, 0.9) ? frontline::v1::POLARITY_ASSERTED
                                             : frontline::v1::POLARITY_DENIED);
    e.set_place_id(place.id);
    e.set_region_id(place.region_id);
    const int64_t t = start + absl::Uniform<int64_t>(gen, 0, 90 * 86400);
    e.mutable_time()->set_seconds(t);
    e.mutable_first_reported_time()->set_seconds(t + 3600);
    e.mutable_updated_time()->set_seconds(t + 3600);
    e.set_summary(absl::StrCat("Claim about ", place.name));
    const int sources = absl::Uniform(absl::IntervalClosed, gen, 1, 3);
    for (int s = 0; s < sources; ++s) {
      const SourceSpec& spec =
          kSources[absl::Uniform(gen, 0u, std::size(kSources))];
      frontline::v1::EventSource* source = e.add_sources();
      source->set_document_id(absl::StrCat("doc-", i, "-", s));
      source->mutable_source()->set_id(spec.id);
      source->mutable_source()->set_kind(spec.kind);
      source->mutable_source()->set_affiliation(spec.affiliation);
      source->set_claim_id(absl::StrCat("doc-", i, "-", s, "/0"));
      source->mutable_claimant()->set_id(spec.actor);
      source->mutable_claimant()->set_side(spec.side);
      source->mutable_published_time()->set_seconds(t + 3600 * (s + 1));
      source->set_independent(s == 0 || absl::Bernoulli(gen, 0.5));
      source->set_url(absl::StrCat("https://example.org/", spec.id, "/", i));
      if (s == 0) *e.add_claimants() = source->claimant();
    }
    e.set_independent_sources(sources);
    frontline::bus::Message m{.topic = "events", .key = e.id()};
    e.SerializeToString(&m.value);
    frontline::bus::AppendCloudEventHeaders(
        {.id = e.id(), .source = "/bench", .type = "frontline.v1.Event"},
        m.headers);
    batch.push_back(frontline::bus::Record{.topic = "events",
                                           .partition = 0,
                                           .offset = i,
                                           .key = m.key,
                                           .value = m.value,
                                           .headers = m.headers});
    if (batch.size() == 500 || i == n - 1) {
      if (absl::Status s = view.Apply(batch); !s.ok()) Die(s.ToString());
      batch.clear();
    }
  }
}

// Calls made by one client thread: latencies in microseconds, errors.
struct ThreadResult {
  std::vector<double> latencies_us;
  int errors = 0;
  std::string first_error;
};

struct KindResult {
  double qps = 0;
  double p50_us = 0;
  double p99_us = 0;
  int errors = 0;
  std::string first_error;
};

using Call = std::function<grpc::Status(int thread, absl::BitGen& gen)>;

// `threads` threads calling `call` until `seconds` are up.
KindResult Drive(int threads, double seconds, const Call& call) {
  std::vector<ThreadResult> results(threads);
  std::vector<std::thread> workers;
  std::atomic<bool> go{false};
  const absl::Duration length = absl::Seconds(seconds);
  absl::Time start, end;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      absl::BitGen gen;
      ThreadResult& r = results[t];
      r.latencies_us.reserve(200000);
      while (!go.load()) std::this_thread::yield();
      const absl::Time stop = start + length;
      for (absl::Time now = absl::Now(); now < stop;) {
        grpc::Status status = call(t, gen);
        const absl::Time after = absl::Now();
        if (status.ok()) {
          r.latencies_us.push_back(absl::ToDoubleMicroseconds(after - now));
        } else if (r.errors++ == 0) {
          r.first_error = status.error_message();
        }
        now = after;
      }
    });
  }
  start = absl::Now();
  go = true;
  for (auto& w : workers) w.join();
  end = absl::Now();
  KindResult out;
  std::vector<double> all;
  for (const auto& r : results) {
    all.insert(all.end(), r.latencies_us.begin(), r.latencies_us.end());
    out.errors += r.errors;
    if (out.first_error.empty()) out.first_error = r.first_error;
  }
  std::sort(all.begin(), all.end());
  out.qps = all.size() / absl::ToDoubleSeconds(end - start);
  out.p50_us = Quantile(all, 0.5);
  out.p99_us = Quantile(all, 0.99);
  return out;
}

int RunQuery(const Config& config) {
  auto gazetteer = frontline::gazetteer::Gazetteer::Load(
      config.source_dir + "/libs/gazetteer/data/places.tsv");
  if (!gazetteer.ok()) Die(gazetteer.status().ToString());
  const auto places = PickPlaces(*gazetteer, config.places);
  const std::string dir = TempDir("query");
  auto view = frontline::state::StateView::Open(dir, &*gazetteer);
  if (!view.ok()) Die(view.status().ToString());
  const absl::Time fill_start = absl::Now();
  FillView(**view, places, config.events);
  std::printf(
      "query_bench: %d events over %zu places applied in %.1f s; %d rounds of "
      "%.1f s per kind and concurrency, medians; %s\n",
      config.events, places.size(),
      absl::ToDoubleSeconds(absl::Now() - fill_start), config.rounds,
      config.seconds,
      config.shared_channel ? "one channel shared by all client threads"
                            : "one channel (own TCP connection) per thread");

  frontline::api::ConflictStateService service(**view);
  auto server =
      frontline::api::Server::Start({.listen = "127.0.0.1:0"}, {&service});
  if (!server.ok()) Die(server.status().ToString());
  const std::string target = absl::StrCat("127.0.0.1:", (*server)->port());

  // Names clients ask by: the canonical name, sometimes another spelling.
  std::vector<std::string> names;
  for (const auto* p : places) {
    names.push_back(p->name);
    if (!p->aliases.empty() &&
        gazetteer->Find(p->aliases.front()).size() == 1) {
      names.push_back(p->aliases.front());
    }
  }

  const int max_threads =
      *std::max_element(config.concurrency.begin(), config.concurrency.end());
  std::vector<std::shared_ptr<grpc::Channel>> channels;
  for (int t = 0; t < (config.shared_channel ? 1 : max_threads); ++t) {
    grpc::ChannelArguments args;
    // Without it channels with equal arguments share one connection.
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    channels.push_back(grpc::CreateCustomChannel(
        target, grpc::InsecureChannelCredentials(), args));
  }
  std::vector<std::unique_ptr<ConflictState::Stub>> stubs;
  std::vector<std::unique_ptr<grpc::health::v1::Health::Stub>> health;
  for (int t = 0; t < max_threads; ++t) {
    auto& channel = channels[config.shared_channel ? 0 : t];
    stubs.push_back(ConflictState::NewStub(channel));
    health.push_back(grpc::health::v1::Health::NewStub(channel));
  }

  const std::vector<std::pair<std::string, Call>> kinds = {
      {"empty (health Check)",
       [&](int t, absl::BitGen&) {
         grpc::ClientContext context;
         grpc::health::v1::HealthCheckRequest request;
         grpc::health::v1::HealthCheckResponse response;
         return health[t]->Check(&context, request, &response);
       }},
      {"GetPlace",
       [&](int t, absl::BitGen& gen) {
         grpc::ClientContext context;
         frontline::v1::GetPlaceRequest request;
         // Every fourth call asks for Kurakhove, the rest for any place.
         request.set_name(absl::Uniform(gen, 0, 4) == 0
                              ? std::string("Kurakhove")
                              : names[absl::Uniform(gen, 0u, names.size())]);
         frontline::v1::PlaceState response;
         return stubs[t]->GetPlace(&context, request, &response);
       }},
      {"ListEvents (page 50)",
       [&](int t, absl::BitGen& gen) {
         grpc::ClientContext context;
         frontline::v1::ListEventsRequest request;
         request.mutable_filter()->set_place(
             names[absl::Uniform(gen, 0u, names.size())]);
         request.set_page_size(50);
         frontline::v1::ListEventsResponse response;
         grpc::Status status =
             stubs[t]->ListEvents(&context, request, &response);
         if (status.ok() && response.events_size() == 0) {
           return grpc::Status(grpc::StatusCode::INTERNAL,
                               "empty page for " + request.filter().place());
         }
         return status;
       }},
  };

  // Warm-up: connections up, caches warm.
  for (const auto& [name, call] : kinds) Drive(max_threads, 0.5, call);

  // [concurrency][kind] -> per-round results.
  std::map<int, std::vector<std::vector<KindResult>>> rounds;
  for (int round = 0; round < config.rounds; ++round) {
    for (int c : config.concurrency) {
      auto& per_kind = rounds[c];
      per_kind.resize(kinds.size());
      for (size_t k = 0; k < kinds.size(); ++k) {
        per_kind[k].push_back(Drive(c, config.seconds, kinds[k].second));
      }
    }
  }

  std::printf("\n%-5s %-22s %10s %10s %10s %7s %10s\n", "conc", "rpc", "QPS",
              "p50 us", "p99 us", "errors", "vs empty");
  for (int c : config.concurrency) {
    double empty_qps = 0;
    for (size_t k = 0; k < kinds.size(); ++k) {
      std::vector<double> qps, p50, p99;
      int errors = 0;
      std::string first_error;
      for (const KindResult& r : rounds[c][k]) {
        if (first_error.empty()) first_error = r.first_error;
        qps.push_back(r.qps);
        p50.push_back(r.p50_us);
        p99.push_back(r.p99_us);
        errors += r.errors;
      }
      const double q = Median(qps);
      if (k == 0) empty_qps = q;
      std::printf("%-5d %-22s %10.0f %10.0f %10.0f %7d %10.2f\n", c,
                  kinds[k].first.c_str(), q, Median(p50), Median(p99), errors,
                  q / empty_qps);
      if (!first_error.empty()) {
        std::printf("      first error: %s\n", first_error.c_str());
      }
    }
  }
  (*server)->Shutdown(absl::Seconds(1));
  server->reset();
  view->reset();
  std::filesystem::remove_all(dir);
  return 0;
}

// --- latency mode ------------------------------------------------------------

constexpr const char* kTemplates[] = {
    "The Russian Ministry of Defense claimed on {day} that its forces had "
    "seized control of {place}.",
    "Russian forces captured {place}, the Russian Ministry of Defense said on "
    "{day}.",
    "The General Staff of the Armed Forces of Ukraine said on {day} that "
    "Ukrainian troops repelled an assault near {place}.",
    "A Russian drone strike hit {place} on {day}, regional officials said.",
};
constexpr const char* kDays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                 "Friday", "Saturday", "Sunday"};

std::string Fill(std::string text, const std::string& place,
                 const std::string& day) {
  for (const auto& [key, value] :
       {std::pair<std::string, std::string>{"{place}", place},
        {"{day}", day}}) {
    size_t at = text.find(key);
    if (at != std::string::npos) text.replace(at, key.size(), value);
  }
  return text;
}

int RunLatency(const Config& config) {
  const std::string dir = TempDir("latency");
  frontline::normalize::NormalizerData resources{
      .places_tsv = config.source_dir + "/libs/gazetteer/data/places.tsv",
      .extract_dir = config.source_dir + "/libs/extract/data",
      .text_dir = config.source_dir + "/libs/text/data"};
  auto bus = frontline::bus::Bus::Open("local:" + dir + "/bus");
  if (!bus.ok()) Die(bus.status().ToString());
  if (absl::Status s = frontline::pipeline::EnsurePipelineTopics(**bus);
      !s.ok()) {
    Die(s.ToString());
  }
  auto gazetteer = frontline::gazetteer::Gazetteer::Load(resources.places_tsv);
  if (!gazetteer.ok()) Die(gazetteer.status().ToString());
  auto view = frontline::state::StateView::Open(dir + "/state", &*gazetteer);
  if (!view.ok()) Die(view.status().ToString());
  auto normalizer = frontline::normalize::Normalizer::Load(resources);
  if (!normalizer.ok()) Die(normalizer.status().ToString());
  auto normalize_stage =
      frontline::normalize::NormalizeStage::Create(**bus, **normalizer);
  if (!normalize_stage.ok()) Die(normalize_stage.status().ToString());
  auto dedup_stage =
      frontline::dedup::DedupStage::Create(**bus, {.dir = dir + "/dedup"});
  if (!dedup_stage.ok()) Die(dedup_stage.status().ToString());
  auto updater = frontline::state::StateUpdater::Create(**bus, **view);
  if (!updater.ok()) Die(updater.status().ToString());

  std::atomic<bool> stop{false};
  auto stopped = [&] { return stop.load(); };
  std::thread normalizing([&] {
    if (auto s = (*normalize_stage)->Run(stopped); !s.ok()) Die(s.ToString());
  });
  std::thread deduplicating([&] {
    if (auto s = (*dedup_stage)->Run(stopped); !s.ok()) Die(s.ToString());
  });
  std::thread fold([&] {
    if (auto s = (*updater)->Run(stopped); !s.ok()) Die(s.ToString());
  });
  frontline::api::IngestService ingest(**bus);
  frontline::api::ConflictStateService conflict_state(**view, bus->get());
  auto server = frontline::api::Server::Start({.listen = "127.0.0.1:0"},
                                              {&ingest, &conflict_state});
  if (!server.ok()) Die(server.status().ToString());
  auto channel =
      grpc::CreateChannel(absl::StrCat("127.0.0.1:", (*server)->port()),
                          grpc::InsecureChannelCredentials());
  auto state_stub = ConflictState::NewStub(channel);
  auto ingest_stub = frontline::v1::Ingest::NewStub(channel);

  // Documents: id -> submitted, acknowledged (durable on raw), seen.
  struct Times {
    absl::Time submitted = absl::InfinitePast();
    absl::Time acknowledged = absl::InfinitePast();
    absl::Time seen = absl::InfinitePast();
    std::string body;
  };
  std::mutex mu;
  std::map<std::string, Times> times;
  std::atomic<int> seen{0};

  grpc::ClientContext watch_context;
  frontline::v1::WatchEventsRequest watch_request;
  auto watch = state_stub->WatchEvents(&watch_context, watch_request);
  std::thread watcher([&] {
    frontline::v1::WatchEventsResponse response;
    while (watch->Read(&response)) {
      const absl::Time now = absl::Now();
      std::lock_guard<std::mutex> lock(mu);
      for (const auto& source : response.event().sources()) {
        auto it = times.find(source.document_id());
        if (it != times.end() && it->second.seen == absl::InfinitePast()) {
          it->second.seen = now;
          ++seen;
        }
      }
    }
  });
  // The watch is registered once the server has the call; give it a moment.
  absl::SleepFor(absl::Milliseconds(300));

  const auto places = PickPlaces(*gazetteer, config.places, true);
  std::printf("query_bench: %zu front-line places\n", places.size());
  grpc::ClientContext submit_context;
  auto submit = ingest_stub->SubmitDocuments(&submit_context);
  std::thread acks([&] {
    frontline::v1::SubmitDocumentsResponse response;
    while (submit->Read(&response)) {
      const absl::Time now = absl::Now();
      std::lock_guard<std::mutex> lock(mu);
      auto it = times.find(response.document_id());
      if (response.code() != 0) {
        std::fprintf(stderr, "query_bench: rejected %s: %s\n",
                     response.document_id().c_str(),
                     response.message().c_str());
      }
      if (it != times.end()) it->second.acknowledged = now;
    }
  });

  absl::BitGen gen;
  const absl::Duration interval = absl::Seconds(1.0 / config.rate);
  const absl::Time start = absl::Now();
  const int64_t run = absl::ToUnixNanos(start);
  for (int i = 0; i < config.documents; ++i) {
    absl::SleepFor(start + i * interval - absl::Now());
    const auto& place = *places[i % places.size()];
    frontline::v1::RawDocument doc;
    doc.mutable_source()->set_id("upload:query_bench");
    doc.mutable_source()->set_kind(frontline::v1::SOURCE_KIND_UPLOAD);
    doc.set_external_id(absl::StrCat("bench-", run, "-", i));
    doc.set_format(frontline::v1::RAW_FORMAT_PLAIN_TEXT);
    doc.set_content_type("text/plain; charset=utf-8");
    doc.set_version(1);
    doc.set_body(Fill(kTemplates[i % std::size(kTemplates)], place.name,
                      kDays[absl::Uniform(gen, 0u, std::size(kDays))]));
    doc.mutable_published_time()->set_seconds(absl::ToUnixSeconds(start) - i);
    doc.mutable_fetched_time()->set_seconds(absl::ToUnixSeconds(start));
    doc.set_id(frontline::pipeline::RawDocumentId(doc));
    frontline::v1::SubmitDocumentsRequest request;
    *request.mutable_document() = doc;
    {
      std::lock_guard<std::mutex> lock(mu);
      Times& t = times[doc.id()];
      t.body = doc.body();
      t.submitted = absl::Now();
    }
    if (!submit->Write(request)) Die("ingest stream broken");
  }
  submit->WritesDone();
  const absl::Time sent = absl::Now();
  while (seen.load() < config.documents &&
         absl::Now() < sent + absl::Seconds(30)) {
    absl::SleepFor(absl::Milliseconds(20));
  }
  acks.join();
  submit->Finish();
  watch_context.TryCancel();
  watcher.join();
  watch->Finish();

  std::vector<double> visible_ms, durable_ms;
  {
    std::lock_guard<std::mutex> lock(mu);
    for (const auto& [id, t] : times) {
      if (t.acknowledged != absl::InfinitePast()) {
        durable_ms.push_back(
            absl::ToDoubleMilliseconds(t.acknowledged - t.submitted));
      }
      if (t.seen != absl::InfinitePast()) {
        visible_ms.push_back(absl::ToDoubleMilliseconds(t.seen - t.submitted));
      } else {
        std::printf("never visible: %s\n", t.body.c_str());
      }
    }
  }
  std::sort(visible_ms.begin(), visible_ms.end());
  std::sort(durable_ms.begin(), durable_ms.end());
  std::printf(
      "query_bench --mode latency: %d documents at %.0f/s through Ingest -> "
      "raw -> normalize -> docs -> dedup -> events -> state -> WatchEvents\n",
      config.documents, config.rate);
  std::printf("%-34s %6s %9s %9s %9s\n", "", "n", "p50 ms", "p99 ms", "max ms");
  auto row = [](const char* what, const std::vector<double>& v) {
    std::printf("%-34s %6zu %9.1f %9.1f %9.1f\n", what, v.size(),
                Quantile(v, 0.5), Quantile(v, 0.99), v.empty() ? 0 : v.back());
  };
  row("submit -> ack (durable on raw)", durable_ms);
  row("submit -> event on WatchEvents", visible_ms);
  if (!durable_ms.empty() && !visible_ms.empty()) {
    std::printf("ratio p50 visible / p50 durable: %.1f\n",
                Quantile(visible_ms, 0.5) / Quantile(durable_ms, 0.5));
  }

  (*server)->Shutdown(absl::Seconds(1));
  stop = true;
  fold.join();
  normalizing.join();
  deduplicating.join();
  server->reset();
  updater->reset();
  dedup_stage->reset();
  normalize_stage->reset();
  view->reset();
  bus->reset();
  std::filesystem::remove_all(dir);
  return visible_ms.size() == size_t(config.documents) ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  Config config;
  CLI::App app{
      "query_bench: ConflictState queries against the empty RPC, and "
      "ingest-to-queryable latency"};
  app.add_option("--mode", config.mode, "query | latency")
      ->capture_default_str();
  app.add_option("--source-dir", config.source_dir,
                 "checkout root (gazetteer and dictionaries)")
      ->capture_default_str();
  app.add_option("--events", config.events)->capture_default_str();
  app.add_option("--places", config.places)->capture_default_str();
  app.add_option("--seconds", config.seconds, "per kind, concurrency, round")
      ->capture_default_str();
  app.add_option("--rounds", config.rounds)->capture_default_str();
  app.add_option("--concurrency", config.concurrency)->delimiter(',');
  app.add_flag("--shared-channel", config.shared_channel,
               "all client threads on one channel (one HTTP/2 connection)");
  app.add_option("--documents", config.documents)->capture_default_str();
  app.add_option("--rate", config.rate, "documents per second")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  if (config.concurrency.empty()) Die("--concurrency is empty");
  if (config.mode == "query") return RunQuery(config);
  if (config.mode == "latency") return RunLatency(config);
  Die("--mode is query or latency");
}
