// Test support for the fault tests: a corpus of distinct raw documents that
// make claims (so dedup merges events and revises them), a comparable image
// of a conflict-state view, and a clean rebuild of the view from the events
// topic to compare against. The checks are Jepsen-style: nothing lost (every
// input has a verdict), nothing twice (the apply sequence equals a clean
// rebuild's), nothing unseen (the view equals the rebuild).
#ifndef FRONTLINE_TESTS_FAULT_CHECKS_H_
#define FRONTLINE_TESTS_FAULT_CHECKS_H_

#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "frontline/v1/raw_document.pb.h"
#include "libs/bus/bus.h"
#include "libs/pipeline/raw_documents.h"
#include "libs/state/state_updater.h"
#include "libs/state/state_view.h"

namespace frontline::testing {

// An integer from the environment (the soak's bigger parameters), else
// `fallback`.
inline int EnvInt(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? std::atoi(v) : fallback;
}

// Documents `first`..`first + n - 1`. Every few is a verbatim copy of an
// earlier one under another source (a duplicate for dedup); the rest are
// distinct reports of control claims about a dozen front-line towns.
inline std::vector<v1::RawDocument> FaultCorpus(int first, int n,
                                                uint64_t seed) {
  static const char* const kTowns[] = {"Kurakhove",  "Pokrovsk", "Bakhmut",
                                       "Avdiivka",   "Vuhledar", "Toretsk",
                                       "Chasiv Yar", "Sudzha",   "Kupiansk",
                                       "Robotyne",   "Siversk",  "Vovchansk"};
  static const char* const kClaims[] = {
      "The Russian Ministry of Defense claimed that its forces had seized "
      "control of %s.",
      "Ukraine's General Staff said its troops recaptured %s after heavy "
      "fighting.",
      "Russian forces captured %s, the Russian Ministry of Defense said.",
      "Ukrainian forces remain in control of %s, the General Staff said."};
  std::vector<v1::RawDocument> out;
  for (int i = first; i < first + n; ++i) {
    v1::RawDocument raw;
    const bool copy = i >= 5 && i % 5 == 0;
    const int of = copy ? i - 3 : i;
    const std::string town = kTowns[(of * 7 + seed) % 12];
    std::mt19937_64 rng(seed * 1000003 + of);
    char claim[256];
    std::snprintf(claim, sizeof(claim), kClaims[(of + seed) % 4], town.c_str());
    raw.mutable_source()->set_id(copy ? "faults:copies" : "faults:reports");
    raw.set_external_id(absl::StrCat("item-", i));
    raw.set_version(1);
    raw.set_format(v1::RAW_FORMAT_PLAIN_TEXT);
    raw.set_content_type("text/plain; charset=utf-8");
    raw.set_body(absl::StrCat(claim, " Report ", of, " of the fault corpus, ",
                              "checked against unit ", rng() % 100000,
                              ". Fighting continues near ", town, "."));
    raw.set_url(absl::StrCat("https://example.org/faults/", i));
    raw.mutable_published_time()->set_seconds(1736121600 + 60 * of);
    raw.set_id(pipeline::RawDocumentId(raw));
    out.push_back(std::move(raw));
  }
  return out;
}

// Everything a view answers, in comparable form: events (newest first, as
// listed), verdicts by document id, places (without their update time),
// counters and the apply sequence.
struct ViewImage {
  std::vector<std::string> events;
  std::map<std::string, std::string> documents;
  std::map<std::string, std::string> places;
  uint64_t event_count = 0;
  uint64_t document_count = 0;
  uint64_t duplicate_count = 0;
  uint64_t sequence = 0;
};

inline absl::StatusOr<ViewImage> Image(state::StateView& view) {
  ViewImage image;
  state::Page page{.size = 500};
  do {
    auto events = view.ListEvents({}, page);
    if (!events.ok()) return events.status();
    for (const auto& e : events->events()) {
      image.events.push_back(e.SerializeAsString());
    }
    page.token = events->next_page_token();
  } while (!page.token.empty());
  v1::ListDocumentsRequest docs_request;
  docs_request.set_page_size(500);
  do {
    auto docs = view.ListDocuments(docs_request);
    if (!docs.ok()) return docs.status();
    for (const auto& d : docs->documents()) {
      image.documents[d.document_id()] = d.SerializeAsString();
    }
    docs_request.set_page_token(docs->next_page_token());
  } while (!docs_request.page_token().empty());
  v1::ListPlacesRequest places_request;
  places_request.set_page_size(500);
  do {
    auto places = view.ListPlaces(places_request);
    if (!places.ok()) return places.status();
    for (v1::PlaceState p : places->places()) {
      p.clear_updated_time();
      image.places[p.place().id()] = p.SerializeAsString();
    }
    places_request.set_page_token(places->next_page_token());
  } while (!places_request.page_token().empty());
  auto stats = view.GetStats();
  if (!stats.ok()) return stats.status();
  image.event_count = stats->events();
  image.document_count = stats->documents();
  image.duplicate_count = stats->duplicates();
  image.sequence = view.LastSequence();
  return image;
}

// What differs between two images, or "" when they are equal.
inline std::string Diff(const ViewImage& live, const ViewImage& rebuilt) {
  std::string out;
  if (live.events != rebuilt.events) {
    absl::StrAppend(&out, "events differ (", live.events.size(), " live, ",
                    rebuilt.events.size(), " rebuilt); ");
  }
  if (live.documents != rebuilt.documents) {
    absl::StrAppend(&out, "documents differ (", live.documents.size(),
                    " live, ", rebuilt.documents.size(), " rebuilt); ");
  }
  if (live.places != rebuilt.places) absl::StrAppend(&out, "places differ; ");
  if (live.event_count != rebuilt.event_count ||
      live.document_count != rebuilt.document_count ||
      live.duplicate_count != rebuilt.duplicate_count) {
    absl::StrAppend(&out, "counters differ (events ", live.event_count, "/",
                    rebuilt.event_count, ", documents ", live.document_count,
                    "/", rebuilt.document_count, ", duplicates ",
                    live.duplicate_count, "/", rebuilt.duplicate_count, "); ");
  }
  // Applying a revision twice, or skipping one, moves the sequence.
  if (live.sequence != rebuilt.sequence) {
    absl::StrAppend(&out, "apply sequence ", live.sequence, " live, ",
                    rebuilt.sequence, " rebuilt; ");
  }
  return out;
}

// Folds the whole events topic of `bus` into a fresh view in `dir`, as
// `frontline state --rebuild` does, and returns its image.
inline absl::StatusOr<ViewImage> RebuildImage(
    bus::Bus& bus, const std::string& dir,
    const gazetteer::Gazetteer* gazetteer,
    absl::Duration timeout = absl::Seconds(120)) {
  auto view = state::StateView::Open(dir, gazetteer);
  if (!view.ok()) return view.status();
  auto updater = state::StateUpdater::Create(bus, **view);
  if (!updater.ok()) return updater.status();
  const absl::Time deadline = absl::Now() + timeout;
  while (true) {
    auto lag = (*updater)->Lag();
    if (!lag.ok()) return lag.status();
    if (*lag == 0) break;
    if (absl::Now() > deadline) {
      return absl::DeadlineExceededError(
          absl::StrCat("rebuild: ", *lag, " records left"));
    }
    if (auto n = (*updater)->RunOnce(); !n.ok()) return n.status();
  }
  return Image(**view);
}

// Every record of `topic` from the start (the producers must be quiet).
inline absl::StatusOr<std::vector<bus::Record>> ReadTopic(
    bus::Bus& bus, const std::string& topic) {
  auto partitions = bus.PartitionCount(topic);
  if (!partitions.ok()) return partitions.status();
  std::vector<bus::TopicPartitionOffset> start;
  int64_t expected = 0;
  for (int32_t p = 0; p < *partitions; ++p) {
    auto marks = bus.Watermarks({topic, p});
    if (!marks.ok()) return marks.status();
    expected += marks->second - marks->first;
    start.push_back({topic, p, bus::kOffsetBeginning});
  }
  auto consumer = bus.Assign(start, {});
  if (!consumer.ok()) return consumer.status();
  std::vector<bus::Record> out;
  const absl::Time deadline = absl::Now() + absl::Seconds(60);
  while (int64_t(out.size()) < expected && absl::Now() < deadline) {
    auto records = (*consumer)->Poll(1000, absl::Milliseconds(200));
    if (!records.ok()) return records.status();
    for (bus::Record& r : *records) out.push_back(std::move(r));
  }
  if (int64_t(out.size()) < expected) {
    return absl::DeadlineExceededError(absl::StrCat(
        topic, ": read ", out.size(), " of ", expected, " records"));
  }
  return out;
}

// The keys of the records of `topic` (document ids on raw and docs).
inline absl::StatusOr<std::set<std::string>> KeysOf(bus::Bus& bus,
                                                    const std::string& topic) {
  auto records = ReadTopic(bus, topic);
  if (!records.ok()) return records.status();
  std::set<std::string> keys;
  for (const bus::Record& r : *records) keys.insert(r.key);
  return keys;
}

}  // namespace frontline::testing

#endif  // FRONTLINE_TESTS_FAULT_CHECKS_H_
