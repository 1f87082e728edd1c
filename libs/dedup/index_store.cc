#include "libs/dedup/index_store.h"

#include <rocksdb/compaction_filter.h>
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <cstring>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace frontline::dedup {
namespace {

enum Cf { kDefault = 0, kDocs = 1, kPostings = 2, kVerdicts = 3 };

std::string TimeBytes(int64_t micros) {
  const uint64_t u = static_cast<uint64_t>(micros) ^ (1ULL << 63);
  std::string out(8, '\0');
  for (int i = 0; i < 8; ++i) out[i] = static_cast<char>(u >> (56 - 8 * i));
  return out;
}

int64_t ParseTime(absl::string_view b) {
  uint64_t u = 0;
  for (int i = 0; i < 8; ++i) {
    u = (u << 8) | static_cast<uint8_t>(b[i]);
  }
  return static_cast<int64_t>(u ^ (1ULL << 63));
}

void PutStr(std::string& out, absl::string_view s) {
  const uint32_t n = static_cast<uint32_t>(s.size());
  out.append(reinterpret_cast<const char*>(&n), 4);
  out.append(s.data(), s.size());
}

bool GetStr(absl::string_view& in, std::string& s) {
  uint32_t n = 0;
  if (in.size() < 4) return false;
  std::memcpy(&n, in.data(), 4);
  in.remove_prefix(4);
  if (in.size() < n) return false;
  s.assign(in.data(), n);
  in.remove_prefix(n);
  return true;
}

// Posting keys: kind | uint32 key length | key | time | doc id.
std::string PostingPrefix(PostingKind kind, absl::string_view key) {
  std::string out(1, static_cast<char>(kind));
  PutStr(out, key);
  return out;
}

absl::Status FromRocks(const rocksdb::Status& s) {
  if (s.ok()) return absl::OkStatus();
  if (s.IsIOError() && absl::StrContains(s.ToString(), "lock")) {
    return absl::UnavailableError(absl::StrCat("dedup index: ", s.ToString()));
  }
  return absl::InternalError(absl::StrCat("dedup index: ", s.ToString()));
}

class WindowFilter : public rocksdb::CompactionFilter {
 public:
  WindowFilter(std::shared_ptr<std::atomic<int64_t>> watermark,
               int64_t window_micros)
      : watermark_(std::move(watermark)), window_micros_(window_micros) {}
  bool Filter(int, const rocksdb::Slice& key, const rocksdb::Slice& value,
              std::string*, bool*) const override {
    if (value.size() < 8 || key == rocksdb::Slice("watermark")) return false;
    const int64_t w = watermark_->load();
    if (w == INT64_MIN) return false;
    return ParseTime(absl::string_view(value.data(), 8)) < w - window_micros_;
  }
  const char* Name() const override { return "frontline.dedup.WindowFilter"; }

 private:
  std::shared_ptr<std::atomic<int64_t>> watermark_;
  int64_t window_micros_;
};

}  // namespace

int64_t DocumentTimeMicros(const v1::Document& doc) {
  const auto& t =
      doc.has_published_time() ? doc.published_time() : doc.fetched_time();
  return t.seconds() * 1000000 + t.nanos() / 1000;
}

absl::StatusOr<std::unique_ptr<IndexStore>> IndexStore::Open(
    const std::string& dir, absl::Duration window) {
  std::unique_ptr<IndexStore> store(new IndexStore());
  store->watermark_ = std::make_shared<std::atomic<int64_t>>(INT64_MIN);
  store->filter_ = std::make_unique<WindowFilter>(
      store->watermark_, absl::ToInt64Microseconds(window));
  rocksdb::ColumnFamilyOptions cf;
  cf.compaction_filter = store->filter_.get();
  std::vector<rocksdb::ColumnFamilyDescriptor> cfs = {
      {rocksdb::kDefaultColumnFamilyName, cf},
      {"docs", cf},
      {"postings", cf},
      {"verdicts", cf}};
  rocksdb::DBOptions options;
  options.create_if_missing = true;
  options.create_missing_column_families = true;
  options.max_background_jobs = 2;
  rocksdb::DB* db = nullptr;
  absl::Status s =
      FromRocks(rocksdb::DB::Open(options, dir, cfs, &store->handles_, &db));
  if (!s.ok()) return s;
  store->db_.reset(db);
  std::string w;
  rocksdb::Status g = db->Get(rocksdb::ReadOptions(), store->handles_[kDefault],
                              "watermark", &w);
  if (g.ok() && w.size() == 8) store->watermark_->store(ParseTime(w));
  if (!g.ok() && !g.IsNotFound()) return FromRocks(g);
  return store;
}

IndexStore::~IndexStore() {
  if (db_ != nullptr) {
    for (auto* h : handles_)
      db_->DestroyColumnFamilyHandle(h).PermitUncheckedError();
    db_->Close().PermitUncheckedError();
    db_.reset();
  }
}

absl::StatusOr<std::vector<Posting>> IndexStore::Find(PostingKind kind,
                                                      absl::string_view key,
                                                      int64_t min_time,
                                                      int64_t max_time,
                                                      size_t limit) const {
  const std::string prefix = PostingPrefix(kind, key);
  std::vector<Posting> out;
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(rocksdb::ReadOptions(), handles_[kPostings]));
  // Newest first from max_time, so a crowded key yields its latest entries.
  const std::string upper =
      absl::StrCat(prefix, TimeBytes(max_time), std::string(1, '\xff'));
  for (it->SeekForPrev(upper);
       it->Valid() && it->key().starts_with(prefix) && out.size() < limit;
       it->Prev()) {
    absl::string_view rest(it->key().data() + prefix.size(),
                           it->key().size() - prefix.size());
    if (rest.size() < 8) continue;
    const int64_t t = ParseTime(rest.substr(0, 8));
    if (t < min_time) break;
    if (t > max_time) continue;
    out.push_back({std::string(rest.substr(8)), t});
  }
  if (!it->status().ok()) return FromRocks(it->status());
  std::reverse(out.begin(), out.end());
  return out;
}

absl::StatusOr<std::optional<StoredDocument>> IndexStore::GetDocument(
    absl::string_view id) const {
  std::string v;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), handles_[kDocs],
                               rocksdb::Slice(id.data(), id.size()), &v);
  if (s.IsNotFound()) return std::nullopt;
  if (!s.ok()) return FromRocks(s);
  StoredDocument doc;
  doc.id = std::string(id);
  absl::string_view in = v;
  if (in.size() < 8) return absl::DataLossError("dedup index: short document");
  doc.time_micros = ParseTime(in.substr(0, 8));
  in.remove_prefix(8);
  if (!GetStr(in, doc.source_id) || !GetStr(in, doc.external_id) ||
      in.size() < 4) {
    return absl::DataLossError("dedup index: malformed document");
  }
  std::memcpy(&doc.version, in.data(), 4);
  in.remove_prefix(4);
  absl::StatusOr<Fingerprint> fp = DecodeFingerprint(in);
  if (!fp.ok()) return fp.status();
  doc.fingerprint = *std::move(fp);
  return doc;
}

absl::StatusOr<std::optional<v1::DocumentVerdict>> IndexStore::GetVerdict(
    absl::string_view id) const {
  std::string v;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), handles_[kVerdicts],
                               rocksdb::Slice(id.data(), id.size()), &v);
  if (s.IsNotFound()) return std::nullopt;
  if (!s.ok()) return FromRocks(s);
  v1::DocumentVerdict verdict;
  if (v.size() < 8 || !verdict.ParseFromArray(v.data() + 8, v.size() - 8)) {
    return absl::DataLossError("dedup index: malformed verdict");
  }
  return verdict;
}

IndexStore::Batch::Batch() : batch_(std::make_unique<rocksdb::WriteBatch>()) {}
IndexStore::Batch::~Batch() = default;
IndexStore::Batch::Batch(Batch&&) noexcept = default;
IndexStore::Batch& IndexStore::Batch::operator=(Batch&&) noexcept = default;

IndexStore::Batch IndexStore::NewBatch() const {
  Batch b;
  b.store_ = this;
  return b;
}

void IndexStore::Batch::AddPosting(PostingKind kind, absl::string_view key,
                                   int64_t time_micros,
                                   absl::string_view doc_id) {
  std::string k = PostingPrefix(kind, key);
  const std::string t = TimeBytes(time_micros);
  k.append(t);
  k.append(doc_id.data(), doc_id.size());
  batch_->Put(store_->handles_[kPostings], k, t).PermitUncheckedError();
  max_time_ = std::max(max_time_, time_micros);
}

void IndexStore::Batch::PutDocument(const StoredDocument& doc) {
  std::string v = TimeBytes(doc.time_micros);
  PutStr(v, doc.source_id);
  PutStr(v, doc.external_id);
  v.append(reinterpret_cast<const char*>(&doc.version), 4);
  v.append(EncodeFingerprint(doc.fingerprint));
  batch_->Put(store_->handles_[kDocs], doc.id, v).PermitUncheckedError();
  max_time_ = std::max(max_time_, doc.time_micros);
}

void IndexStore::Batch::PutVerdict(int64_t time_micros,
                                   const v1::DocumentVerdict& verdict) {
  std::string v = TimeBytes(time_micros);
  verdict.AppendToString(&v);
  batch_->Put(store_->handles_[kVerdicts], verdict.document_id(), v)
      .PermitUncheckedError();
}

absl::Status IndexStore::Commit(Batch& batch) {
  const int64_t w = std::max(watermark_->load(), batch.max_time_);
  if (w != INT64_MIN) {
    batch.batch_->Put(handles_[kDefault], "watermark", TimeBytes(w))
        .PermitUncheckedError();
  }
  absl::Status s =
      FromRocks(db_->Write(rocksdb::WriteOptions(), batch.batch_.get()));
  if (s.ok()) watermark_->store(w);
  return s;
}

absl::Status IndexStore::Compact() {
  for (auto* h : handles_) {
    rocksdb::CompactRangeOptions o;
    o.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
    absl::Status s = FromRocks(db_->CompactRange(o, h, nullptr, nullptr));
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

}  // namespace frontline::dedup
