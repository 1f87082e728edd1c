#include "libs/dedup/redelivery_ledger.h"

#include <rocksdb/compaction_filter.h>
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <cstring>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "libs/dedup/varint.h"
#include "libs/storage/rocks_logger.h"

namespace frontline::dedup {
namespace {

// Value: written time (int64 µs, little-endian) | state | content key |
// outputs, strings as varint length + bytes, outputs as type byte, key,
// value.
std::string Encode(const LedgerEntry& e, int64_t now_micros) {
  std::string out(8, '\0');
  std::memcpy(out.data(), &now_micros, 8);
  out.push_back(static_cast<char>(e.state));
  PutLengthPrefixed(out, e.content_key);
  for (const OutputRecord& r : e.outputs) {
    out.push_back(static_cast<char>(r.type));
    PutLengthPrefixed(out, r.key);
    PutLengthPrefixed(out, r.value);
  }
  return out;
}

bool Decode(absl::string_view in, LedgerEntry& e) {
  if (in.size() < 9) return false;
  in.remove_prefix(8);
  const char state = in.front();
  in.remove_prefix(1);
  if (state != 's' && state != 'p' && state != 'd') return false;
  e.state = static_cast<LedgerEntry::State>(state);
  if (!GetLengthPrefixed(in, e.content_key)) return false;
  while (!in.empty()) {
    OutputRecord r;
    const char type = in.front();
    in.remove_prefix(1);
    if (type != 'v' && type != 'e') return false;
    r.type = static_cast<OutputRecord::Type>(type);
    if (!GetLengthPrefixed(in, r.key) || !GetLengthPrefixed(in, r.value))
      return false;
    e.outputs.push_back(std::move(r));
  }
  return true;
}

absl::Status FromRocks(const rocksdb::Status& s) {
  if (s.ok()) return absl::OkStatus();
  return absl::InternalError(absl::StrCat("dedup ledger: ", s.ToString()));
}

class AgeFilter : public rocksdb::CompactionFilter {
 public:
  explicit AgeFilter(absl::Duration window) : window_(window) {}
  bool Filter(int, const rocksdb::Slice&, const rocksdb::Slice& value,
              std::string*, bool*) const override {
    if (value.size() < 8) return false;
    int64_t written = 0;
    std::memcpy(&written, value.data(), 8);
    return written < absl::ToUnixMicros(absl::Now() - window_);
  }
  const char* Name() const override { return "frontline.dedup.AgeFilter"; }

 private:
  absl::Duration window_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<RedeliveryLedger>> RedeliveryLedger::Open(
    const std::string& dir, absl::Duration window) {
  std::unique_ptr<RedeliveryLedger> l(new RedeliveryLedger());
  l->filter_ = std::make_unique<AgeFilter>(window);
  rocksdb::Options o;
  o.create_if_missing = true;
  o.compaction_filter = l->filter_.get();
  o.info_log = storage::RocksLogger("dedup ledger");
  rocksdb::DB* db = nullptr;
  if (absl::Status s = FromRocks(rocksdb::DB::Open(o, dir, &db)); !s.ok()) {
    return s;
  }
  l->db_.reset(db);
  return l;
}

RedeliveryLedger::~RedeliveryLedger() {
  if (db_ != nullptr) db_->Close().PermitUncheckedError();
}

absl::StatusOr<LedgerEntry> RedeliveryLedger::Get(
    const std::string& doc_id) const {
  std::string v;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), doc_id, &v);
  LedgerEntry e;
  if (s.IsNotFound()) return e;
  if (!s.ok()) return FromRocks(s);
  if (!Decode(v, e)) {
    return absl::DataLossError(
        absl::StrCat("dedup ledger: malformed entry for ", doc_id));
  }
  return e;
}

absl::Status RedeliveryLedger::Put(const std::string& doc_id,
                                   const LedgerEntry& entry) {
  return FromRocks(db_->Put(rocksdb::WriteOptions(), doc_id,
                            Encode(entry, absl::ToUnixMicros(absl::Now()))));
}

absl::Status RedeliveryLedger::MarkDone(
    const std::vector<std::string>& doc_ids) {
  rocksdb::WriteBatch batch;
  const int64_t now = absl::ToUnixMicros(absl::Now());
  for (const std::string& id : doc_ids) {
    absl::StatusOr<LedgerEntry> e = Get(id);
    if (!e.ok()) return e.status();
    e->state = LedgerEntry::State::kDone;
    e->outputs.clear();
    batch.Put(id, Encode(*e, now));
  }
  return FromRocks(db_->Write(rocksdb::WriteOptions(), &batch));
}

}  // namespace frontline::dedup
