#include "libs/state/state_view.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/bus/cloud_events.h"
#include "libs/gazetteer/place_proto.h"
#include "libs/state/control.h"
#include "libs/storage/rocks_logger.h"
#include "rocksdb/options.h"
#include "rocksdb/write_batch.h"

namespace frontline::state {
namespace {

enum Cf {
  kMeta,
  kEvents,
  kPlaces,
  kDocs,
  kByTime,
  kByPlace,
  kDocsByTime,
  kBySeq
};
const char* const kCfNames[] = {"default",      "events",  "places",
                                "docs",         "by_time", "by_place",
                                "docs_by_time", "by_seq"};

constexpr char kEventType[] = "frontline.v1.Event";
constexpr char kVerdictType[] = "frontline.v1.DocumentVerdict";
constexpr char kCountEvents[] = "count/events";
constexpr char kCountDocs[] = "count/docs";
constexpr char kCountDups[] = "count/duplicates";
constexpr char kSeqKey[] = "seq";
constexpr size_t kMaxScan = 200000;

std::string BE64(uint64_t v) {
  std::string out(8, '\0');
  for (int i = 7; i >= 0; --i, v >>= 8) out[i] = char(v & 0xff);
  return out;
}
uint64_t FromBE64(absl::string_view s) {
  uint64_t v = 0;
  for (size_t i = 0; i < 8 && i < s.size(); ++i) v = (v << 8) | uint8_t(s[i]);
  return v;
}

int64_t Micros(const google::protobuf::Timestamp& t) {
  return t.seconds() * 1'000'000 + t.nanos() / 1000;
}
int64_t EventMicros(const v1::Event& e) {
  return Micros(e.has_time() ? e.time() : e.first_reported_time());
}
// Newest first in key order.
std::string NewestFirst(int64_t micros) {
  return BE64(~uint64_t(std::max<int64_t>(micros, 0)));
}
std::string TimeKey(const v1::Event& e) {
  return NewestFirst(EventMicros(e)) + e.id();
}
std::string PlaceKey(const v1::Event& e) {
  return e.place_id() + '\0' + TimeKey(e);
}
int64_t DocMicros(const v1::DocumentVerdict& v) {
  const v1::Document& d = v.document();
  return Micros(d.has_published_time() ? d.published_time() : d.fetched_time());
}
std::string DocTimeKey(const v1::DocumentVerdict& v) {
  return NewestFirst(DocMicros(v)) + v.document_id();
}
std::string OffsetKey(absl::string_view topic, int32_t partition) {
  return absl::StrCat("offset/", topic, "/", BE64(uint32_t(partition)));
}

bool IsControlType(v1::ClaimType t) {
  return t == v1::CLAIM_TYPE_CAPTURE || t == v1::CLAIM_TYPE_CONTROL ||
         t == v1::CLAIM_TYPE_WITHDRAWAL;
}

// Page tokens are index keys, which are binary: clients get them in
// web-safe base64, a valid proto string.
std::string EncodeToken(absl::string_view key) {
  return absl::WebSafeBase64Escape(key);
}
absl::StatusOr<std::string> DecodeToken(absl::string_view token) {
  std::string key;
  if (!absl::WebSafeBase64Unescape(token, &key)) {
    return absl::InvalidArgumentError("page_token is not one this server gave");
  }
  return key;
}

absl::Status FromRocks(const rocksdb::Status& s, absl::string_view what) {
  if (s.ok()) return absl::OkStatus();
  std::string msg = absl::StrCat("state view: ", what, ": ", s.ToString());
  if (s.IsIOError()) return absl::FailedPreconditionError(msg);
  if (s.IsCorruption()) return absl::DataLossError(msg);
  return absl::InternalError(msg);
}

template <typename Message>
absl::StatusOr<std::optional<Message>> GetProto(rocksdb::DB* db,
                                                rocksdb::ColumnFamilyHandle* cf,
                                                absl::string_view key) {
  std::string value;
  rocksdb::Status s =
      db->Get({}, cf, rocksdb::Slice(key.data(), key.size()), &value);
  if (s.IsNotFound()) return std::optional<Message>();
  if (!s.ok()) return FromRocks(s, "get");
  Message m;
  if (!m.ParseFromString(value)) {
    return absl::DataLossError(absl::StrCat("state view: unreadable ", key));
  }
  return std::optional<Message>(std::move(m));
}

}  // namespace

absl::StatusOr<std::unique_ptr<StateView>> StateView::Open(
    const std::string& directory, const gazetteer::Gazetteer* gazetteer) {
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  rocksdb::Options options;
  options.create_if_missing = true;
  options.info_log = storage::RocksLogger("state view " + directory);
  options.create_missing_column_families = true;
  options.IncreaseParallelism(2);
  options.keep_log_file_num = 3;
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const char* name : kCfNames) {
    families.emplace_back(name, rocksdb::ColumnFamilyOptions());
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  const rocksdb::Status opened =
      rocksdb::DB::Open(options, directory, families, &handles, &db);
  if (opened.IsIOError() &&
      opened.ToString().find("lock") != std::string::npos) {
    return absl::FailedPreconditionError(
        absl::StrCat("state view: ", directory, " is held by another process (",
                     opened.ToString(), ")"));
  }
  if (absl::Status s = FromRocks(opened, absl::StrCat("open ", directory));
      !s.ok()) {
    return s;
  }
  std::unique_ptr<StateView> view(new StateView(
      std::unique_ptr<rocksdb::DB>(db), std::move(handles), gazetteer));
  std::string seq;
  if (view->db_->Get({}, view->handles_[kMeta], kSeqKey, &seq).ok()) {
    absl::MutexLock lock(&view->seq_mu_);
    view->seq_ = FromBE64(seq);
  }
  return view;
}

StateView::StateView(std::unique_ptr<rocksdb::DB> db,
                     std::vector<rocksdb::ColumnFamilyHandle*> handles,
                     const gazetteer::Gazetteer* gazetteer)
    : db_(std::move(db)), handles_(std::move(handles)), gazetteer_(gazetteer) {}

StateView::~StateView() {
  for (auto* h : handles_)
    db_->DestroyColumnFamilyHandle(h).PermitUncheckedError();
  db_->Close().PermitUncheckedError();
}

absl::Status StateView::Apply(const std::vector<bus::Record>& records) {
  absl::MutexLock write_lock(&write_mu_);
  rocksdb::WriteBatch batch;
  std::map<std::string, v1::Event> pending;  // this batch's events by id
  // This batch's verdicts by document id: a revision in the same batch as
  // its predecessor replaces it, as it would in a later batch.
  std::map<std::string, v1::DocumentVerdict> pending_verdicts;
  std::set<std::string> places;  // whose control may change
  std::map<std::string, int64_t> offsets;
  int64_t new_events = 0, new_docs = 0, new_dups = 0;
  uint64_t seq;
  {
    absl::MutexLock lock(&seq_mu_);
    seq = seq_;
  }
  const uint64_t first_seq = seq;
  for (const bus::Record& r : records) {
    const std::string where =
        absl::StrCat(r.topic, "/", r.partition, "@", r.offset);
    offsets[OffsetKey(r.topic, r.partition)] = r.offset + 1;
    auto type = bus::FindHeader(r.headers, bus::kCeType);
    if (type == kEventType) {
      v1::Event e;
      if (!e.ParseFromString(r.value) || e.id().empty()) {
        return absl::InvalidArgumentError(
            absl::StrCat(where, ": not a frontline.v1.Event"));
      }
      std::optional<v1::Event> old;
      if (auto it = pending.find(e.id()); it != pending.end()) {
        old = it->second;
      } else {
        auto stored = GetProto<v1::Event>(db_.get(), handles_[kEvents], e.id());
        if (!stored.ok()) return stored.status();
        old = *stored;
      }
      if (old && old->revision() >= e.revision()) continue;  // seen
      if (e.region_id().empty() && gazetteer_ != nullptr) {
        if (const gazetteer::Place* p = gazetteer_->FindById(e.place_id())) {
          e.set_region_id(p->region_id.empty() ? p->id : p->region_id);
        }
      }
      if (old) {
        batch.Delete(handles_[kByTime], TimeKey(*old));
        if (!old->place_id().empty()) {
          batch.Delete(handles_[kByPlace], PlaceKey(*old));
          if (IsControlType(old->type())) places.insert(old->place_id());
        }
      } else {
        ++new_events;
      }
      batch.Put(handles_[kEvents], e.id(), e.SerializeAsString());
      batch.Put(handles_[kByTime], TimeKey(e), "");
      if (!e.place_id().empty()) {
        batch.Put(handles_[kByPlace], PlaceKey(e), "");
        places.insert(e.place_id());
      }
      batch.Put(handles_[kBySeq], BE64(++seq), e.id());
      pending[e.id()] = std::move(e);
    } else if (type == kVerdictType) {
      v1::DocumentVerdict v;
      if (!v.ParseFromString(r.value) || v.document_id().empty()) {
        return absl::InvalidArgumentError(
            absl::StrCat(where, ": not a frontline.v1.DocumentVerdict"));
      }
      absl::StatusOr<std::optional<v1::DocumentVerdict>> old;
      if (auto it = pending_verdicts.find(v.document_id());
          it != pending_verdicts.end()) {
        old = std::optional<v1::DocumentVerdict>(it->second);
      } else {
        old = GetProto<v1::DocumentVerdict>(db_.get(), handles_[kDocs],
                                            v.document_id());
      }
      if (!old.ok()) return old.status();
      if (*old) {
        if ((*old)->revision() > v.revision()) continue;
        // A revision may come without the document: keep the stored one.
        if (!v.has_document()) *v.mutable_document() = (*old)->document();
        batch.Delete(handles_[kDocsByTime], DocTimeKey(**old));
        new_dups -= (*old)->verdict() == v1::VERDICT_DUPLICATE;
      } else {
        ++new_docs;
      }
      new_dups += v.verdict() == v1::VERDICT_DUPLICATE;
      batch.Put(handles_[kDocs], v.document_id(), v.SerializeAsString());
      batch.Put(handles_[kDocsByTime], DocTimeKey(v), "");
      pending_verdicts[v.document_id()] = std::move(v);
    }
    // Other types are not this view's: consumed, not applied.
  }
  // Control claims of the places touched, over stored and pending events.
  for (const std::string& place_id : places) {
    auto stored = EventsOfPlace(place_id, kMaxScan);
    if (!stored.ok()) return stored.status();
    std::map<std::string, v1::Event> merged;
    for (v1::Event& e : *stored) merged[e.id()] = std::move(e);
    for (const auto& [id, e] : pending) {
      if (e.place_id() == place_id) {
        merged[id] = e;
      } else {
        merged.erase(id);  // moved to another place
      }
    }
    std::vector<v1::Event> events;
    for (auto& [id, e] : merged) events.push_back(std::move(e));
    v1::PlaceState state;
    state.mutable_place()->set_id(place_id);
    for (v1::ControlClaim& c : LatestControlClaims(events)) {
      *state.add_control_claims() = std::move(c);
    }
    state.set_contested(Contested(
        {state.control_claims().begin(), state.control_claims().end()}));
    const absl::Time now = absl::Now();
    state.mutable_updated_time()->set_seconds(absl::ToUnixSeconds(now));
    batch.Put(handles_[kPlaces], place_id, state.SerializeAsString());
  }
  for (const auto& [key, next] : offsets) {
    batch.Put(handles_[kMeta], key, BE64(uint64_t(next)));
  }
  auto add = [&](const char* key, int64_t delta) -> absl::Status {
    if (delta == 0) return absl::OkStatus();
    std::string v;
    rocksdb::Status s = db_->Get({}, handles_[kMeta], key, &v);
    if (!s.ok() && !s.IsNotFound()) return FromRocks(s, "counter");
    batch.Put(handles_[kMeta], key,
              BE64(uint64_t(int64_t(FromBE64(v)) + delta)));
    return absl::OkStatus();
  };
  for (auto [key, delta] :
       {std::pair{kCountEvents, new_events}, std::pair{kCountDocs, new_docs},
        std::pair{kCountDups, new_dups}}) {
    if (absl::Status s = add(key, delta); !s.ok()) return s;
  }
  if (seq != first_seq) batch.Put(handles_[kMeta], kSeqKey, BE64(seq));
  if (absl::Status s = FromRocks(db_->Write({}, &batch), "apply"); !s.ok()) {
    return s;
  }
  absl::MutexLock lock(&seq_mu_);
  seq_ = seq;
  return absl::OkStatus();
}

absl::Status StateView::SkipRecord(const bus::Record& record) {
  absl::MutexLock write_lock(&write_mu_);
  return FromRocks(
      db_->Put({}, handles_[kMeta], OffsetKey(record.topic, record.partition),
               BE64(uint64_t(record.offset + 1))),
      "skip");
}

absl::StatusOr<std::map<int32_t, int64_t>> StateView::Offsets(
    const std::string& topic) {
  std::map<int32_t, int64_t> out;
  const std::string prefix = absl::StrCat("offset/", topic, "/");
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator({}, handles_[kMeta]));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix);
       it->Next()) {
    const absl::string_view key(it->key().data(), it->key().size());
    out[int32_t(FromBE64(key.substr(prefix.size())))] =
        int64_t(FromBE64(absl::string_view(it->value().data(), 8)));
  }
  if (!it->status().ok()) return FromRocks(it->status(), "offsets");
  return out;
}

absl::StatusOr<std::string> StateView::ResolvePlace(
    const std::string& id_or_name) {
  if (gazetteer_ != nullptr) {
    if (gazetteer_->FindById(id_or_name) != nullptr) return id_or_name;
    auto found = gazetteer_->Find(id_or_name);
    if (!found.empty()) return found.front()->id;
  }
  auto stored =
      GetProto<v1::PlaceState>(db_.get(), handles_[kPlaces], id_or_name);
  if (!stored.ok()) return stored.status();
  if (*stored) return id_or_name;
  return absl::NotFoundError(
      absl::StrCat("no place named \"", id_or_name, "\""));
}

absl::StatusOr<std::vector<v1::Event>> StateView::EventsOfPlace(
    const std::string& place_id, size_t limit) {
  std::vector<v1::Event> out;
  const std::string prefix = place_id + '\0';
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator({}, handles_[kByPlace]));
  for (it->Seek(prefix);
       it->Valid() && it->key().starts_with(prefix) && out.size() < limit;
       it->Next()) {
    const std::string id = it->key().ToString().substr(prefix.size() + 8);
    auto e = GetProto<v1::Event>(db_.get(), handles_[kEvents], id);
    if (!e.ok()) return e.status();
    if (*e) out.push_back(**std::move(e));
  }
  if (!it->status().ok()) return FromRocks(it->status(), "events of place");
  return out;
}

absl::StatusOr<v1::PlaceState> StateView::GetPlace(
    const std::string& id_or_name, int32_t timeline_limit) {
  auto id = ResolvePlace(id_or_name);
  if (!id.ok()) return id.status();
  auto stored = GetProto<v1::PlaceState>(db_.get(), handles_[kPlaces], *id);
  if (!stored.ok()) return stored.status();
  v1::PlaceState state = stored->value_or(v1::PlaceState());
  if (gazetteer_ != nullptr) {
    if (const gazetteer::Place* p = gazetteer_->FindById(*id)) {
      *state.mutable_place() = gazetteer::ToProto(*p);
    }
  }
  state.mutable_place()->set_id(*id);
  auto timeline = EventsOfPlace(*id, std::max(timeline_limit, 0));
  if (!timeline.ok()) return timeline.status();
  for (v1::Event& e : *timeline) *state.add_timeline() = std::move(e);
  return state;
}

absl::StatusOr<v1::ListPlacesResponse> StateView::ListPlaces(
    const v1::ListPlacesRequest& request) {
  v1::ListPlacesResponse response;
  const int32_t size = request.page_size() > 0 ? request.page_size() : 50;
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator({}, handles_[kPlaces]));
  it->Seek(request.page_token());
  if (it->Valid() && !request.page_token().empty() &&
      it->key() == request.page_token()) {
    it->Next();
  }
  size_t scanned = 0;
  for (; it->Valid() && scanned < kMaxScan; it->Next(), ++scanned) {
    v1::PlaceState state;
    if (!state.ParseFromArray(it->value().data(), int(it->value().size()))) {
      continue;
    }
    if (gazetteer_ != nullptr) {
      if (const gazetteer::Place* p =
              gazetteer_->FindById(state.place().id())) {
        *state.mutable_place() = gazetteer::ToProto(*p);
      }
    }
    const v1::Place& place = state.place();
    if (!request.region_id().empty() &&
        place.region_id() != request.region_id() &&
        place.id() != request.region_id()) {
      continue;
    }
    if (request.has_bounding_box()) {
      const v1::BoundingBox& b = request.bounding_box();
      if (place.latitude() < b.min_latitude() ||
          place.latitude() > b.max_latitude() ||
          place.longitude() < b.min_longitude() ||
          place.longitude() > b.max_longitude()) {
        continue;
      }
    }
    if (request.contested_only() && !state.contested()) continue;
    if (request.has_changed_since() &&
        Micros(state.updated_time()) < Micros(request.changed_since())) {
      continue;
    }
    *response.add_places() = std::move(state);
    if (response.places_size() == size) {
      response.set_next_page_token(EncodeToken(it->key().ToString()));
      break;
    }
  }
  if (!it->status().ok()) return FromRocks(it->status(), "list places");
  return response;
}

bool StateView::Matches(const v1::Event& e, const v1::EventFilter& f) {
  if (!f.place().empty() && e.place_id() != f.place()) return false;
  if (!f.region_id().empty() && e.region_id() != f.region_id() &&
      e.place_id() != f.region_id()) {
    return false;
  }
  if (f.side() != v1::SIDE_UNSPECIFIED && e.side() != f.side()) return false;
  if (!f.types().empty() && std::find(f.types().begin(), f.types().end(),
                                      e.type()) == f.types().end()) {
    return false;
  }
  if (f.has_since() && EventMicros(e) < Micros(f.since())) return false;
  if (f.has_until() && EventMicros(e) > Micros(f.until())) return false;
  return e.independent_sources() >= f.min_independent_sources();
}

absl::StatusOr<v1::ListEventsResponse> StateView::ListEvents(
    const v1::EventFilter& filter, const Page& page) {
  v1::EventFilter f = filter;
  std::string prefix;
  rocksdb::ColumnFamilyHandle* index = handles_[kByTime];
  if (!f.place().empty()) {
    auto id = ResolvePlace(f.place());
    if (!id.ok()) return id.status();
    f.set_place(*id);
    prefix = *id + '\0';
    index = handles_[kByPlace];
  }
  v1::ListEventsResponse response;
  const int32_t size = page.size > 0 ? page.size : 50;
  auto token = DecodeToken(page.token);
  if (!token.ok()) return token.status();
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator({}, index));
  it->Seek(token->empty() ? prefix : *token);
  if (it->Valid() && !token->empty() && it->key() == *token) it->Next();
  size_t scanned = 0;
  for (; it->Valid() && it->key().starts_with(prefix) && scanned < kMaxScan;
       it->Next(), ++scanned) {
    const std::string key = it->key().ToString();
    auto e = GetProto<v1::Event>(db_.get(), handles_[kEvents],
                                 key.substr(prefix.size() + 8));
    if (!e.ok()) return e.status();
    if (!*e) continue;
    if (f.has_since() && EventMicros(**e) < Micros(f.since())) break;
    if (!Matches(**e, f)) continue;
    *response.add_events() = **std::move(e);
    if (response.events_size() == size) {
      response.set_next_page_token(EncodeToken(key));
      break;
    }
  }
  if (!it->status().ok()) return FromRocks(it->status(), "list events");
  return response;
}

absl::StatusOr<v1::GetEventResponse> StateView::GetEvent(
    const std::string& id) {
  auto e = GetProto<v1::Event>(db_.get(), handles_[kEvents], id);
  if (!e.ok()) return e.status();
  if (!*e) return absl::NotFoundError(absl::StrCat("no event ", id));
  v1::GetEventResponse response;
  *response.mutable_event() = **e;
  std::set<std::string> seen;
  for (const v1::EventSource& source : (*e)->sources()) {
    if (!seen.insert(source.document_id()).second) continue;
    auto doc = GetProto<v1::DocumentVerdict>(db_.get(), handles_[kDocs],
                                             source.document_id());
    if (!doc.ok()) return doc.status();
    if (!*doc) continue;
    for (const v1::Claim& claim : (*doc)->document().claims()) {
      for (const v1::EventSource& s : (*e)->sources()) {
        if (s.claim_id() == claim.id()) *response.add_claims() = claim;
      }
    }
    *response.add_documents() = **std::move(doc);
  }
  return response;
}

absl::StatusOr<v1::DocumentVerdict> StateView::GetDocument(
    const std::string& id) {
  auto doc = GetProto<v1::DocumentVerdict>(db_.get(), handles_[kDocs], id);
  if (!doc.ok()) return doc.status();
  if (!*doc) return absl::NotFoundError(absl::StrCat("no document ", id));
  return **std::move(doc);
}

absl::StatusOr<v1::ListDocumentsResponse> StateView::ListDocuments(
    const v1::ListDocumentsRequest& request) {
  v1::ListDocumentsResponse response;
  const int32_t size = request.page_size() > 0 ? request.page_size() : 50;
  auto token = DecodeToken(request.page_token());
  if (!token.ok()) return token.status();
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator({}, handles_[kDocsByTime]));
  it->Seek(*token);
  if (it->Valid() && !token->empty() && it->key() == *token) it->Next();
  size_t scanned = 0;
  for (; it->Valid() && scanned < kMaxScan; it->Next(), ++scanned) {
    const std::string key = it->key().ToString();
    auto doc = GetProto<v1::DocumentVerdict>(db_.get(), handles_[kDocs],
                                             key.substr(8));
    if (!doc.ok()) return doc.status();
    if (!*doc) continue;
    const v1::DocumentVerdict& v = **doc;
    if (request.has_since() && DocMicros(v) < Micros(request.since())) break;
    if (request.has_until() && DocMicros(v) > Micros(request.until())) continue;
    if (!request.source_id().empty() &&
        v.document().source().id() != request.source_id()) {
      continue;
    }
    if (request.verdict() != v1::VERDICT_UNSPECIFIED &&
        v.verdict() != request.verdict()) {
      continue;
    }
    *response.add_documents() = v;
    if (response.documents_size() == size) {
      response.set_next_page_token(EncodeToken(key));
      break;
    }
  }
  if (!it->status().ok()) return FromRocks(it->status(), "list documents");
  return response;
}

absl::StatusOr<v1::Stats> StateView::GetStats() {
  v1::Stats stats;
  auto counter = [&](const char* key) -> uint64_t {
    std::string v;
    return db_->Get({}, handles_[kMeta], key, &v).ok() ? FromBE64(v) : 0;
  };
  stats.set_events(counter(kCountEvents));
  stats.set_documents(counter(kCountDocs));
  stats.set_duplicates(counter(kCountDups));
  uint64_t places = 0;
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator({}, handles_[kPlaces]));
  for (it->SeekToFirst(); it->Valid(); it->Next()) ++places;
  stats.set_places(places);
  return stats;
}

uint64_t StateView::LastSequence() {
  absl::MutexLock lock(&seq_mu_);
  return seq_;
}

absl::StatusOr<std::vector<std::pair<uint64_t, v1::Event>>>
StateView::EventsAfter(uint64_t after, size_t max, absl::Duration timeout) {
  {
    absl::MutexLock lock(&seq_mu_);
    auto newer = [this, after]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(seq_mu_) {
      return seq_ > after;
    };
    seq_mu_.AwaitWithTimeout(absl::Condition(&newer), timeout);
  }
  std::vector<std::pair<uint64_t, v1::Event>> out;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator({}, handles_[kBySeq]));
  for (it->Seek(BE64(after + 1)); it->Valid() && out.size() < max; it->Next()) {
    auto e = GetProto<v1::Event>(db_.get(), handles_[kEvents],
                                 it->value().ToString());
    if (!e.ok()) return e.status();
    if (*e) {
      out.emplace_back(FromBE64(absl::string_view(it->key().data(), 8)),
                       **std::move(e));
    }
  }
  if (!it->status().ok()) return FromRocks(it->status(), "events after");
  return out;
}

}  // namespace frontline::state
