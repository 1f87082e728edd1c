#include "libs/dedup/index_store.h"

#include <rocksdb/compaction_filter.h>
#include <rocksdb/convenience.h>
#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <cstring>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "libs/dedup/varint.h"
#include "libs/storage/rocks_logger.h"

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

// Posting keys: kind | key | time | doc id, value empty. The key is, for a
// band, its band number and 32 bits of its hash (5 bytes; a chance
// collision only adds a candidate that verification drops); for an exact
// hash its 8 bytes; else varint length and bytes.
std::string PostingPrefix(PostingKind kind, absl::string_view key) {
  std::string out(1, static_cast<char>(kind));
  if ((kind == PostingKind::kBand || kind == PostingKind::kAnchorBand) &&
      key.size() == 8) {
    uint64_t band = 0;
    std::memcpy(&band, key.data(), 8);
    for (int i = 0; i < 5; ++i) {
      out.push_back(static_cast<char>(band >> (56 - 8 * i)));
    }
  } else if (kind == PostingKind::kExact && key.size() == 8) {
    out.append(key.data(), 8);
  } else {
    PutVarint(out, key.size());
    out.append(key.data(), key.size());
  }
  return out;
}

// Length of the kind and key of a posting key; 0 when malformed.
size_t PrefixLength(absl::string_view k) {
  if (k.empty()) return 0;
  switch (static_cast<PostingKind>(k[0])) {
    case PostingKind::kBand:
    case PostingKind::kAnchorBand:
      return 6;
    case PostingKind::kExact:
      return 9;
    default: {
      absl::string_view rest = k.substr(1);
      uint64_t n = 0;
      if (!GetVarint(rest, n) || rest.size() < n) return 0;
      return k.size() - rest.size() + n;
    }
  }
}

bool IsHexId(absl::string_view id) {
  if (id.size() != 16) return false;
  for (char c : id) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

// Document ids in posting keys: the pipeline's 16 hex digits
// (pipeline::RawDocumentId) as NUL and 8 bytes, any other id as it is.
void AppendId(std::string& out, absl::string_view id) {
  if (!IsHexId(id)) {
    out.append(id.data(), id.size());
    return;
  }
  out.push_back('\0');
  for (size_t i = 0; i < 16; i += 2) {
    auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
    out.push_back(static_cast<char>(nibble(id[i]) << 4 | nibble(id[i + 1])));
  }
}

std::string ParseId(absl::string_view b) {
  if (b.size() != 9 || b[0] != '\0') return std::string(b);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  for (size_t i = 1; i < 9; ++i) {
    const auto v = static_cast<uint8_t>(b[i]);
    id.push_back(kHex[v >> 4]);
    id.push_back(kHex[v & 15]);
  }
  return id;
}

absl::Status FromRocks(const rocksdb::Status& s) {
  if (s.ok()) return absl::OkStatus();
  if (s.IsIOError() && absl::StrContains(s.ToString(), "lock")) {
    return absl::UnavailableError(absl::StrCat("dedup index: ", s.ToString()));
  }
  return absl::InternalError(absl::StrCat("dedup index: ", s.ToString()));
}

// Drops entries older than watermark - window: their time is the first 8
// bytes of the value, or, for postings, follows the posting key's prefix.
class WindowFilter : public rocksdb::CompactionFilter {
 public:
  WindowFilter(std::shared_ptr<std::atomic<int64_t>> watermark,
               int64_t window_micros, bool postings)
      : watermark_(std::move(watermark)),
        window_micros_(window_micros),
        postings_(postings) {}
  bool Filter(int, const rocksdb::Slice& key, const rocksdb::Slice& value,
              std::string*, bool*) const override {
    absl::string_view time;
    if (postings_) {
      const absl::string_view k(key.data(), key.size());
      const size_t n = PrefixLength(k);
      if (n == 0 || k.size() < n + 8) return false;
      time = k.substr(n, 8);
    } else {
      if (value.size() < 8 || key == rocksdb::Slice("watermark")) return false;
      time = absl::string_view(value.data(), 8);
    }
    const int64_t w = watermark_->load();
    if (w == INT64_MIN) return false;
    return ParseTime(time) < w - window_micros_;
  }
  const char* Name() const override { return "frontline.dedup.WindowFilter"; }

 private:
  std::shared_ptr<std::atomic<int64_t>> watermark_;
  int64_t window_micros_;
  bool postings_;
};

constexpr size_t kPrefix = 6;
constexpr char kFormatKey[] = "format";
constexpr char kFormat[] = "2";

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
  const int64_t window_micros = absl::ToInt64Microseconds(window);
  store->filter_ =
      std::make_unique<WindowFilter>(store->watermark_, window_micros, false);
  store->postings_filter_ =
      std::make_unique<WindowFilter>(store->watermark_, window_micros, true);
  rocksdb::ColumnFamilyOptions cf;
  cf.compaction_filter = store->filter_.get();
  cf.level_compaction_dynamic_level_bytes = true;
  const auto supported = rocksdb::GetSupportedCompressions();
  auto has = [&](rocksdb::CompressionType t) {
    return std::find(supported.begin(), supported.end(), t) != supported.end();
  };
  if (has(rocksdb::kLZ4Compression)) cf.compression = rocksdb::kLZ4Compression;
  if (has(rocksdb::kZSTD)) cf.bottommost_compression = rocksdb::kZSTD;
  rocksdb::ColumnFamilyOptions point = cf;  // read by id: bloom filters
  rocksdb::BlockBasedTableOptions table;
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  point.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  // Postings are read by prefix (kind and key, the first kPrefix bytes
  // for bands and exact hashes): prefix blooms skip files and memtables
  // without the key, which is most of them for a new document.
  rocksdb::ColumnFamilyOptions postings = cf;
  postings.compaction_filter = store->postings_filter_.get();
  postings.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(kPrefix));
  postings.memtable_prefix_bloom_size_ratio = 0.05;
  rocksdb::BlockBasedTableOptions prefix_table = table;
  prefix_table.whole_key_filtering = false;
  postings.table_factory.reset(
      rocksdb::NewBlockBasedTableFactory(prefix_table));
  std::vector<rocksdb::ColumnFamilyDescriptor> cfs = {{"default", cf},
                                                      {"docs", point},
                                                      {"postings", postings},
                                                      {"verdicts", point}};
  rocksdb::DBOptions options;
  options.create_if_missing = true;
  options.create_missing_column_families = true;
  options.max_background_jobs = 2;
  options.info_log = storage::RocksLogger("dedup index");
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
  std::string format;
  g = db->Get(rocksdb::ReadOptions(), store->handles_[kDefault], kFormatKey,
              &format);
  if (!g.ok() && !g.IsNotFound()) return FromRocks(g);
  if (g.IsNotFound()) {
    std::unique_ptr<rocksdb::Iterator> it(
        db->NewIterator(rocksdb::ReadOptions(), store->handles_[kDocs]));
    it->SeekToFirst();
    if (it->Valid()) format = "1";
  }
  if (!format.empty() && format != kFormat) {
    return absl::FailedPreconditionError(absl::StrCat(
        "dedup index: ", dir, " has format ", format, ", this build reads ",
        kFormat, ": remove it and replay the docs topic to rebuild"));
  }
  s = FromRocks(db->Put(rocksdb::WriteOptions(), store->handles_[kDefault],
                        kFormatKey, kFormat));
  if (!s.ok()) return s;
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
  rocksdb::ReadOptions read;
  if (prefix.size() >= kPrefix) {
    read.prefix_same_as_start = true;
  } else {
    read.total_order_seek = true;
  }
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(read, handles_[kPostings]));
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
    out.push_back({ParseId(rest.substr(8)), t});
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
  uint64_t version = 0;
  if (!GetLengthPrefixed(in, doc.source_id) ||
      !GetLengthPrefixed(in, doc.external_id) || !GetVarint(in, version) ||
      version > UINT32_MAX) {
    return absl::DataLossError("dedup index: malformed document");
  }
  doc.version = static_cast<uint32_t>(version);
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

namespace {
std::string RevisionsKey(absl::string_view id) {
  return absl::StrCat(id, absl::string_view("\0r", 2));
}
}  // namespace

absl::StatusOr<std::vector<v1::DocumentVerdict>> IndexStore::GetRevisions(
    absl::string_view id) const {
  std::string v;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), handles_[kVerdicts],
                               RevisionsKey(id), &v);
  std::vector<v1::DocumentVerdict> out;
  if (s.IsNotFound()) return out;
  if (!s.ok()) return FromRocks(s);
  absl::string_view in = v;
  if (in.size() < 8) return absl::DataLossError("dedup index: short revisions");
  in.remove_prefix(8);
  while (!in.empty()) {
    std::string bytes;
    if (!GetLengthPrefixed(in, bytes) ||
        !out.emplace_back().ParseFromString(bytes)) {
      return absl::DataLossError("dedup index: malformed revisions");
    }
  }
  return out;
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
  k.append(TimeBytes(time_micros));
  AppendId(k, doc_id);
  batch_->Put(store_->handles_[kPostings], k, "").PermitUncheckedError();
  max_time_ = std::max(max_time_, time_micros);
}

void IndexStore::Batch::PutDocument(const StoredDocument& doc) {
  std::string v = TimeBytes(doc.time_micros);
  PutLengthPrefixed(v, doc.source_id);
  PutLengthPrefixed(v, doc.external_id);
  PutVarint(v, doc.version);
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

void IndexStore::Batch::PutRevisions(
    int64_t time_micros, absl::string_view doc_id,
    const std::vector<v1::DocumentVerdict>& revised) {
  std::string v = TimeBytes(time_micros);
  for (const v1::DocumentVerdict& r : revised)
    PutLengthPrefixed(v, r.SerializeAsString());
  batch_->Put(store_->handles_[kVerdicts], RevisionsKey(doc_id), v)
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
