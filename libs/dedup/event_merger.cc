#include "libs/dedup/event_merger.h"

#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <cstdlib>
#include <map>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "libs/dedup/event_key.h"
#include "libs/dedup/tier.h"
#include "libs/storage/rocks_logger.h"

namespace frontline::dedup {
namespace {

// Keys: "e/<event id>" -> Event; "k/<merge key>" -> event id;
// "d/<document id>" -> its event ids, newline separated.
std::string EventKey(absl::string_view id) { return absl::StrCat("e/", id); }
std::string BucketKey(absl::string_view k) { return absl::StrCat("k/", k); }
std::string DocKey(absl::string_view id) { return absl::StrCat("d/", id); }

absl::Status FromRocks(const rocksdb::Status& s) {
  if (s.ok()) return absl::OkStatus();
  return absl::InternalError(absl::StrCat("event merger: ", s.ToString()));
}

int64_t Micros(const google::protobuf::Timestamp& t) {
  return t.seconds() * 1000000 + t.nanos() / 1000;
}

bool Earlier(const google::protobuf::Timestamp& a,
             const google::protobuf::Timestamp& b) {
  return Micros(a) < Micros(b);
}

void AddUnique(google::protobuf::RepeatedPtrField<std::string>* list,
               const std::string& v) {
  if (std::find(list->begin(), list->end(), v) == list->end())
    list->Add()->assign(v);
}

}  // namespace

absl::StatusOr<std::unique_ptr<EventMerger>> EventMerger::Open(
    const EventMergerOptions& options) {
  std::unique_ptr<EventMerger> m(new EventMerger(options));
  rocksdb::Options o;
  o.create_if_missing = true;
  o.info_log = storage::RocksLogger("dedup events");
  rocksdb::DB* db = nullptr;
  absl::Status s = FromRocks(rocksdb::DB::Open(o, options.dir, &db));
  if (!s.ok()) return s;
  m->db_.reset(db);
  return m;
}

EventMerger::~EventMerger() {
  if (db_ != nullptr) db_->Close().PermitUncheckedError();
}

absl::StatusOr<std::optional<v1::Event>> EventMerger::Get(
    const std::string& id) const {
  std::string v;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), EventKey(id), &v);
  if (s.IsNotFound()) return std::nullopt;
  if (!s.ok()) return FromRocks(s);
  v1::Event e;
  if (!e.ParseFromString(v)) {
    return absl::DataLossError(absl::StrCat("event merger: bad event ", id));
  }
  return e;
}

absl::StatusOr<std::vector<v1::Event>> EventMerger::EventsOf(
    const std::string& document_id) const {
  std::string ids;
  rocksdb::Status s =
      db_->Get(rocksdb::ReadOptions(), DocKey(document_id), &ids);
  std::vector<v1::Event> out;
  if (s.IsNotFound()) return out;
  if (!s.ok()) return FromRocks(s);
  for (absl::string_view id : absl::StrSplit(ids, '\n', absl::SkipEmpty())) {
    absl::StatusOr<std::optional<v1::Event>> e = Get(std::string(id));
    if (!e.ok()) return e.status();
    if (e->has_value()) out.push_back(**std::move(e));
  }
  return out;
}

absl::StatusOr<std::optional<std::string>> EventMerger::FindEvent(
    v1::ClaimType type, const std::string& place, v1::Side side,
    v1::Polarity polarity, int64_t time) const {
  const int64_t window = absl::ToInt64Microseconds(options_.window);
  const int64_t bucket = TimeBucket(time, window);
  for (int64_t b : {bucket, bucket - 1, bucket + 1}) {
    std::string id;
    rocksdb::Status s =
        db_->Get(rocksdb::ReadOptions(),
                 BucketKey(MergeKey(type, place, side, polarity, b)), &id);
    if (s.IsNotFound()) continue;
    if (!s.ok()) return FromRocks(s);
    absl::StatusOr<std::optional<v1::Event>> e = Get(id);
    if (!e.ok()) return e.status();
    if (e->has_value() && std::llabs(Micros((*e)->time()) - time) <= window) {
      return id;
    }
  }
  return std::nullopt;
}

absl::StatusOr<std::vector<v1::Event>> EventMerger::Apply(
    const v1::DocumentVerdict& verdict) {
  absl::MutexLock lock(&mu_);
  const v1::Document& doc = verdict.document();
  const std::string doc_id =
      doc.id().empty() ? verdict.document_id() : doc.id();
  {
    std::string ignored;
    rocksdb::Status s =
        db_->Get(rocksdb::ReadOptions(), DocKey(doc_id), &ignored);
    if (s.ok()) return std::vector<v1::Event>{};
    if (!s.IsNotFound()) return FromRocks(s);
  }
  const int64_t window = absl::ToInt64Microseconds(options_.window);
  std::map<std::string, v1::Event> changed;
  auto load = [&](const std::string& id) -> absl::StatusOr<v1::Event*> {
    auto it = changed.find(id);
    if (it != changed.end()) return &it->second;
    absl::StatusOr<std::optional<v1::Event>> e = Get(id);
    if (!e.ok()) return e.status();
    if (!e->has_value()) {
      return absl::DataLossError(absl::StrCat("event merger: missing ", id));
    }
    return &(changed[id] = **e);
  };
  rocksdb::WriteBatch batch;

  // An edit replaces the support of the version it follows.
  if (verdict.verdict() == v1::VERDICT_NEW_VERSION &&
      !verdict.duplicate_of().empty()) {
    std::string ids;
    rocksdb::Status s =
        db_->Get(rocksdb::ReadOptions(), DocKey(verdict.duplicate_of()), &ids);
    if (!s.ok() && !s.IsNotFound()) return FromRocks(s);
    for (absl::string_view id : absl::StrSplit(ids, '\n', absl::SkipEmpty())) {
      absl::StatusOr<v1::Event*> e = load(std::string(id));
      if (!e.ok()) return e.status();
      auto* sources = (*e)->mutable_sources();
      sources->erase(std::remove_if(sources->begin(), sources->end(),
                                    [&](const v1::EventSource& src) {
                                      return src.document_id() ==
                                             verdict.duplicate_of();
                                    }),
                     sources->end());
    }
    batch.Delete(DocKey(verdict.duplicate_of()));
  }

  const std::string duplicate_of =
      verdict.verdict() == v1::VERDICT_DUPLICATE ? verdict.duplicate_of() : "";
  std::vector<std::string> supported;
  for (const v1::Claim& claim : doc.claims()) {
    if (claim.place_id().empty()) continue;
    const google::protobuf::Timestamp& when =
        claim.has_time() ? claim.time() : doc.published_time();
    const int64_t t = Micros(when);
    absl::StatusOr<std::optional<std::string>> found = FindEvent(
        claim.type(), claim.place_id(), claim.side(), claim.polarity(), t);
    if (!found.ok()) return found.status();
    v1::Event* event = nullptr;
    if (found->has_value()) {
      absl::StatusOr<v1::Event*> e = load(**found);
      if (!e.ok()) return e.status();
      event = *e;
    } else {
      const std::string key =
          MergeKey(claim.type(), claim.place_id(), claim.side(),
                   claim.polarity(), TimeBucket(t, window));
      const std::string id = EventId(key);
      event = &changed[id];
      event->set_id(id);
      event->set_type(claim.type());
      event->set_polarity(claim.polarity());
      event->set_side(claim.side());
      *event->mutable_actor() = claim.actor();
      event->set_place_id(claim.place_id());
      *event->mutable_time() = when;
      event->set_time_precision(claim.time_precision());
      event->set_geo_precision(claim.geo_precision());
      *event->mutable_first_reported_time() = doc.published_time();
      event->set_summary(claim.sentence());
      batch.Put(BucketKey(key), id);
    }
    supported.push_back(event->id());
    const bool has_doc = std::any_of(
        event->sources().begin(), event->sources().end(),
        [&](const v1::EventSource& s) { return s.document_id() == doc_id; });
    if (!has_doc) {
      v1::EventSource* s = event->add_sources();
      s->set_document_id(doc_id);
      *s->mutable_source() = doc.source();
      s->set_claim_id(claim.id());
      *s->mutable_claimant() = claim.claimant();
      *s->mutable_published_time() = doc.published_time();
      s->set_duplicate_of(duplicate_of);
      s->set_url(doc.canonical_url());
    }
    if (!claim.claimant().id().empty() &&
        std::none_of(event->claimants().begin(), event->claimants().end(),
                     [&](const v1::Actor& a) {
                       return a.id() == claim.claimant().id();
                     })) {
      *event->add_claimants() = claim.claimant();
    }
    for (const v1::Quantity& q : claim.quantities()) {
      if (std::none_of(event->quantities().begin(), event->quantities().end(),
                       [&](const v1::Quantity& have) {
                         return have.kind() == q.kind() &&
                                have.best() == q.best();
                       })) {
        *event->add_quantities() = q;
      }
    }
    if (Earlier(doc.published_time(), event->first_reported_time())) {
      *event->mutable_first_reported_time() = doc.published_time();
    }
    if (Earlier(event->updated_time(), doc.published_time())) {
      *event->mutable_updated_time() = doc.published_time();
    }

    // Conflicting events: the opposite polarity of the same claim.
    std::vector<std::pair<v1::ClaimType, v1::Polarity>> opposite;
    const v1::Polarity flipped = claim.polarity() == v1::POLARITY_DENIED
                                     ? v1::POLARITY_ASSERTED
                                     : v1::POLARITY_DENIED;
    if (claim.type() == v1::CLAIM_TYPE_DENIAL) {
      opposite = {{v1::CLAIM_TYPE_CAPTURE, v1::POLARITY_ASSERTED},
                  {v1::CLAIM_TYPE_CONTROL, v1::POLARITY_ASSERTED}};
    } else {
      opposite = {{claim.type(), flipped}};
      if (flipped == v1::POLARITY_DENIED &&
          (claim.type() == v1::CLAIM_TYPE_CAPTURE ||
           claim.type() == v1::CLAIM_TYPE_CONTROL)) {
        opposite.push_back({v1::CLAIM_TYPE_DENIAL, v1::POLARITY_DENIED});
      }
    }
    for (const auto& [type, polarity] : opposite) {
      absl::StatusOr<std::optional<std::string>> other =
          FindEvent(type, claim.place_id(), claim.side(), polarity, t);
      if (!other.ok()) return other.status();
      if (!other->has_value() || **other == event->id()) continue;
      const std::string event_id = event->id();
      absl::StatusOr<v1::Event*> o = load(**other);
      if (!o.ok()) return o.status();
      event = &changed[event_id];
      AddUnique(event->mutable_conflicts_with(), **other);
      AddUnique((*o)->mutable_conflicts_with(), event_id);
    }
  }

  std::vector<v1::Event> out;
  for (auto& [id, event] : changed) {
    RecomputeCorroboration(event);
    event.set_revision(event.revision() + 1);
    batch.Put(EventKey(id), event.SerializeAsString());
    out.push_back(event);
  }
  std::sort(supported.begin(), supported.end());
  supported.erase(std::unique(supported.begin(), supported.end()),
                  supported.end());
  batch.Put(DocKey(doc_id), absl::StrJoin(supported, "\n"));
  absl::Status s = FromRocks(db_->Write(rocksdb::WriteOptions(), &batch));
  if (!s.ok()) return s;
  return out;
}

absl::StatusOr<std::vector<v1::Event>> EventMerger::Revise(
    const v1::DocumentVerdict& verdict) {
  absl::MutexLock lock(&mu_);
  std::string ids;
  rocksdb::Status s =
      db_->Get(rocksdb::ReadOptions(), DocKey(verdict.document_id()), &ids);
  if (s.IsNotFound()) return std::vector<v1::Event>{};
  if (!s.ok()) return FromRocks(s);
  const std::string duplicate_of =
      verdict.verdict() == v1::VERDICT_DUPLICATE ? verdict.duplicate_of() : "";
  rocksdb::WriteBatch batch;
  std::vector<v1::Event> out;
  for (absl::string_view id : absl::StrSplit(ids, '\n', absl::SkipEmpty())) {
    absl::StatusOr<std::optional<v1::Event>> e = Get(std::string(id));
    if (!e.ok()) return e.status();
    if (!e->has_value()) continue;
    v1::Event event = **e;
    bool changed = false;
    for (v1::EventSource& src : *event.mutable_sources()) {
      if (src.document_id() == verdict.document_id() &&
          src.duplicate_of() != duplicate_of) {
        src.set_duplicate_of(duplicate_of);
        changed = true;
      }
    }
    if (!changed) continue;
    RecomputeCorroboration(event);
    event.set_revision(event.revision() + 1);
    batch.Put(EventKey(id), event.SerializeAsString());
    out.push_back(std::move(event));
  }
  absl::Status w = FromRocks(db_->Write(rocksdb::WriteOptions(), &batch));
  if (!w.ok()) return w;
  return out;
}

}  // namespace frontline::dedup
