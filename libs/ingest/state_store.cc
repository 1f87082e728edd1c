#include "libs/ingest/state_store.h"

#include <filesystem>

#include "absl/strings/str_cat.h"
#include "libs/storage/rocks_logger.h"
#include "rocksdb/options.h"
#include "rocksdb/write_batch.h"

namespace frontline::ingest {
namespace {

absl::Status FromRocks(const rocksdb::Status& s, absl::string_view what) {
  if (s.ok()) return absl::OkStatus();
  std::string msg = absl::StrCat("ingest state: ", what, ": ", s.ToString());
  if (s.IsIOError()) return absl::FailedPreconditionError(msg);
  return absl::InternalError(msg);
}

}  // namespace

absl::StatusOr<std::unique_ptr<StateStore>> StateStore::Open(
    const std::string& directory) {
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  rocksdb::Options options;
  options.create_if_missing = true;
  options.info_log = storage::RocksLogger("ingest state " + directory);
  options.keep_log_file_num = 2;
  rocksdb::DB* db = nullptr;
  const rocksdb::Status opened = rocksdb::DB::Open(options, directory, &db);
  if (opened.IsIOError() &&
      opened.ToString().find("lock") != std::string::npos) {
    return absl::FailedPreconditionError(
        absl::StrCat("ingest state: ", directory,
                     " is held by another process (", opened.ToString(), ")"));
  }
  if (absl::Status s = FromRocks(opened, "open"); !s.ok()) return s;
  return std::unique_ptr<StateStore>(
      new StateStore(std::unique_ptr<rocksdb::DB>(db)));
}

absl::StatusOr<std::optional<std::string>> StateStore::Get(
    absl::string_view key) {
  std::string value;
  rocksdb::Status s =
      db_->Get({}, rocksdb::Slice(key.data(), key.size()), &value);
  if (s.IsNotFound()) return std::optional<std::string>();
  if (!s.ok()) return FromRocks(s, "get");
  return std::optional<std::string>(std::move(value));
}

absl::Status StateStore::Commit(const StateUpdates& updates) {
  if (updates.empty()) return absl::OkStatus();
  rocksdb::WriteBatch batch;
  for (const auto& [key, value] : updates) batch.Put(key, value);
  rocksdb::WriteOptions options;
  options.sync = true;
  return FromRocks(db_->Write(options, &batch), "commit");
}

absl::StatusOr<StateUpdates> StateStore::Scan(absl::string_view prefix) {
  StateUpdates out;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator({}));
  const rocksdb::Slice p(prefix.data(), prefix.size());
  for (it->Seek(p); it->Valid() && it->key().starts_with(p); it->Next()) {
    out.emplace_back(it->key().ToString(), it->value().ToString());
  }
  if (!it->status().ok()) return FromRocks(it->status(), "scan");
  return out;
}

}  // namespace frontline::ingest
