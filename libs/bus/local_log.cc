#include "libs/bus/local_log.h"

#include <algorithm>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/bus/partitioner.h"
#include "libs/storage/rocks_logger.h"
#include "rocksdb/convenience.h"
#include "rocksdb/options.h"
#include "rocksdb/write_batch.h"

namespace frontline::bus {
namespace {

constexpr char kLogCf[] = "log";
constexpr char kOffsetsCf[] = "offsets";
constexpr char kTopicPrefix[] = "topic/";
constexpr char kNextTopicIdKey[] = "meta/next_topic_id";

void PutFixed32BE(std::string& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(char(v >> shift));
}
void PutFixed64BE(std::string& out, uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(char(v >> shift));
}
uint64_t GetFixedBE(absl::string_view in, int bytes) {
  uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v = (v << 8) | uint8_t(in[i]);
  return v;
}
void PutVarint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(char(v | 0x80));
    v >>= 7;
  }
  out.push_back(char(v));
}
bool GetVarint(absl::string_view& in, uint64_t& v) {
  v = 0;
  for (int shift = 0; shift <= 63 && !in.empty(); shift += 7) {
    uint8_t byte = in.front();
    in.remove_prefix(1);
    v |= uint64_t(byte & 0x7f) << shift;
    if (!(byte & 0x80)) return true;
  }
  return false;
}
void PutBytes(std::string& out, absl::string_view bytes) {
  PutVarint(out, bytes.size());
  out.append(bytes.data(), bytes.size());
}
bool GetBytes(absl::string_view& in, std::string& out) {
  uint64_t n;
  if (!GetVarint(in, n) || n > in.size()) return false;
  out.assign(in.data(), n);
  in.remove_prefix(n);
  return true;
}

std::string LogKey(uint32_t topic_id, int32_t partition, int64_t offset) {
  std::string key;
  key.reserve(16);
  PutFixed32BE(key, topic_id);
  PutFixed32BE(key, uint32_t(partition));
  PutFixed64BE(key, uint64_t(offset));
  return key;
}

std::string EncodeRecord(const Message& m, int64_t timestamp_ms) {
  std::string out;
  out.reserve(m.key.size() + m.value.size() + 32);
  PutVarint(out, uint64_t(timestamp_ms));
  PutBytes(out, m.key);
  PutBytes(out, m.value);
  PutVarint(out, m.headers.size());
  for (const Header& h : m.headers) {
    PutBytes(out, h.key);
    PutBytes(out, h.value);
  }
  return out;
}

bool DecodeRecord(absl::string_view in, Record& r) {
  uint64_t ts, count;
  if (!GetVarint(in, ts) || !GetBytes(in, r.key) || !GetBytes(in, r.value) ||
      !GetVarint(in, count) || count > in.size()) {
    return false;
  }
  r.timestamp_ms = int64_t(ts);
  r.headers.resize(count);
  for (Header& h : r.headers) {
    if (!GetBytes(in, h.key) || !GetBytes(in, h.value)) return false;
  }
  return in.empty();
}

std::string EncodeSpec(uint32_t id, const TopicSpec& spec) {
  std::string out;
  PutVarint(out, id);
  PutVarint(out, uint64_t(spec.partitions));
  PutVarint(out, uint64_t(spec.max_message_bytes));
  PutVarint(out, uint64_t(spec.retention_ms));
  return out;
}

bool DecodeSpec(absl::string_view in, uint32_t& id, TopicSpec& spec) {
  uint64_t v[4];
  for (uint64_t& x : v) {
    if (!GetVarint(in, x)) return false;
  }
  id = uint32_t(v[0]);
  spec.partitions = int32_t(v[1]);
  spec.max_message_bytes = int64_t(v[2]);
  spec.retention_ms = int64_t(v[3]);
  return spec.partitions > 0;
}

std::string OffsetKey(const std::string& group, const TopicPartition& tp) {
  std::string key = group;
  key.push_back('\0');
  key.append(tp.topic);
  key.push_back('\0');
  PutFixed32BE(key, uint32_t(tp.partition));
  return key;
}

absl::Status FromRocks(const rocksdb::Status& s, absl::string_view what) {
  if (s.ok()) return absl::OkStatus();
  std::string msg = absl::StrCat("local log: ", what, ": ", s.ToString());
  if (s.IsIOError() && s.ToString().find("lock") != std::string::npos) {
    return absl::FailedPreconditionError(msg);
  }
  if (s.IsNoSpace()) return absl::ResourceExhaustedError(msg);
  if (s.IsCorruption()) return absl::DataLossError(msg);
  return absl::InternalError(msg);
}

// One LocalLog per directory in this process.
absl::Mutex registry_mu(absl::kConstInit);
std::map<std::string, std::weak_ptr<LocalLog>>& Registry() {
  static auto* registry = new std::map<std::string, std::weak_ptr<LocalLog>>;
  return *registry;
}

}  // namespace

absl::StatusOr<std::shared_ptr<LocalLog>> LocalLog::Open(
    const std::string& directory, const BusOptions& options) {
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec) {
    return absl::FailedPreconditionError(absl::StrCat(
        "local log: cannot create directory ", directory, ": ", ec.message()));
  }
  std::string path = std::filesystem::weakly_canonical(directory, ec).string();
  if (ec) path = directory;

  absl::MutexLock lock(&registry_mu);
  if (auto existing = Registry()[path].lock()) return existing;

  rocksdb::Options db_options;
  db_options.create_if_missing = true;
  db_options.info_log = storage::RocksLogger("local log " + path);
  db_options.create_missing_column_families = true;
  db_options.IncreaseParallelism(2);
  db_options.keep_log_file_num = 3;
  rocksdb::ColumnFamilyOptions log_options;
  log_options.write_buffer_size = 64 << 20;
  const auto supported = rocksdb::GetSupportedCompressions();
  if (std::find(supported.begin(), supported.end(), rocksdb::kLZ4Compression) !=
      supported.end()) {
    log_options.compression = rocksdb::kLZ4Compression;
  }
  std::vector<rocksdb::ColumnFamilyDescriptor> families = {
      {rocksdb::kDefaultColumnFamilyName, rocksdb::ColumnFamilyOptions()},
      {kLogCf, log_options},
      {kOffsetsCf, rocksdb::ColumnFamilyOptions()}};
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s =
      rocksdb::DB::Open(db_options, path, families, &handles, &raw);
  if (!s.ok()) return FromRocks(s, absl::StrCat("open ", path));
  std::shared_ptr<LocalLog> log(
      new LocalLog(std::unique_ptr<rocksdb::DB>(raw), handles, options));
  if (absl::Status loaded = log->LoadTopics(); !loaded.ok()) return loaded;
  Registry()[path] = log;
  return log;
}

LocalLog::LocalLog(std::unique_ptr<rocksdb::DB> db,
                   std::vector<rocksdb::ColumnFamilyHandle*> handles,
                   const BusOptions& options)
    : options_(options), db_(std::move(db)), handles_(std::move(handles)) {
  meta_cf_ = handles_[0];
  log_cf_ = handles_[1];
  offsets_cf_ = handles_[2];
  write_options_.sync = options_.sync_writes;
}

LocalLog::~LocalLog() {
  for (auto* handle : handles_) {
    db_->DestroyColumnFamilyHandle(handle).PermitUncheckedError();
  }
  db_->Close().PermitUncheckedError();
}

absl::Status LocalLog::LoadTopics() {
  absl::MutexLock lock(&topics_mu_);
  std::string next_id;
  if (db_->Get({}, meta_cf_, kNextTopicIdKey, &next_id).ok()) {
    next_topic_id_ = uint32_t(GetFixedBE(next_id, 4));
  }
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator({}, meta_cf_));
  for (it->Seek(kTopicPrefix);
       it->Valid() && it->key().starts_with(kTopicPrefix); it->Next()) {
    auto topic = std::make_unique<Topic>();
    topic->spec.name = it->key().ToString().substr(sizeof(kTopicPrefix) - 1);
    if (!DecodeSpec(absl::string_view(it->value().data(), it->value().size()),
                    topic->id, topic->spec)) {
      return absl::DataLossError(absl::StrCat(
          "local log: unreadable spec of topic ", topic->spec.name));
    }
    for (int32_t p = 0; p < topic->spec.partitions; ++p) {
      auto partition = std::make_unique<Partition>();
      std::unique_ptr<rocksdb::Iterator> last(db_->NewIterator({}, log_cf_));
      last->SeekForPrev(LogKey(topic->id, p, INT64_MAX));
      std::string prefix = LogKey(topic->id, p, 0).substr(0, 8);
      if (last->Valid() && last->key().starts_with(prefix)) {
        partition->next_offset =
            int64_t(
                GetFixedBE(absl::string_view(last->key().data() + 8, 8), 8)) +
            1;
      }
      if (!last->status().ok()) return FromRocks(last->status(), "recover");
      topic->partitions.push_back(std::move(partition));
    }
    topics_[topic->spec.name] = std::move(topic);
  }
  return FromRocks(it->status(), "load topics");
}

absl::Status LocalLog::CreateTopic(const TopicSpec& spec) {
  if (spec.name.empty() || spec.name.size() > 249 ||
      spec.name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP"
                                  "QRSTUVWXYZ0123456789._-") !=
          std::string::npos) {
    return absl::InvalidArgumentError(absl::StrCat(
        "invalid topic name \"", spec.name, "\": use 1-249 of [a-zA-Z0-9._-]"));
  }
  if (spec.partitions < 1 || spec.partitions > 10000) {
    return absl::InvalidArgumentError(
        absl::StrCat("topic ", spec.name, ": partitions must be 1..10000"));
  }
  absl::MutexLock lock(&topics_mu_);
  if (topics_.contains(spec.name)) return absl::OkStatus();
  auto topic = std::make_unique<Topic>();
  topic->id = next_topic_id_;
  topic->spec = spec;
  for (int32_t p = 0; p < spec.partitions; ++p) {
    topic->partitions.push_back(std::make_unique<Partition>());
  }
  rocksdb::WriteBatch batch;
  std::string next;
  PutFixed32BE(next, next_topic_id_ + 1);
  batch.Put(meta_cf_, kNextTopicIdKey, next);
  batch.Put(meta_cf_, absl::StrCat(kTopicPrefix, spec.name),
            EncodeSpec(topic->id, spec));
  rocksdb::WriteOptions sync;
  sync.sync = true;
  if (absl::Status s = FromRocks(db_->Write(sync, &batch), "create topic");
      !s.ok()) {
    return s;
  }
  ++next_topic_id_;
  topics_[spec.name] = std::move(topic);
  return absl::OkStatus();
}

LocalLog::Topic* LocalLog::FindTopic(absl::string_view name) {
  absl::ReaderMutexLock lock(&topics_mu_);
  auto it = topics_.find(name);
  return it == topics_.end() ? nullptr : it->second.get();
}

absl::StatusOr<int32_t> LocalLog::PartitionCount(absl::string_view topic) {
  Topic* t = FindTopic(topic);
  if (t == nullptr) {
    return absl::NotFoundError(absl::StrCat("unknown topic ", topic));
  }
  return t->spec.partitions;
}

absl::StatusOr<DeliveryReport> LocalLog::Append(const Message& message) {
  Topic* topic = FindTopic(message.topic);
  if (topic == nullptr) {
    return absl::NotFoundError(absl::StrCat("unknown topic ", message.topic));
  }
  const size_t bytes = MessageBytes(message);
  int64_t limit = options_.max_message_bytes;
  if (topic->spec.max_message_bytes > 0) {
    limit = std::min(limit, topic->spec.max_message_bytes);
  }
  if (int64_t(bytes) > limit) {
    return absl::InvalidArgumentError(
        absl::StrCat("message of ", bytes, " bytes exceeds the limit of ",
                     limit, " bytes for topic ", message.topic));
  }
  if (has_faults_.load(std::memory_order_relaxed)) {
    absl::MutexLock lock(&fault_mu_);
    auto it = faults_.find(message.topic);
    if (it != faults_.end()) return it->second;
  }
  const int32_t partitions = topic->spec.partitions;
  int32_t partition;
  if (message.partition.has_value()) {
    partition = *message.partition;
    if (partition < 0 || partition >= partitions) {
      return absl::InvalidArgumentError(absl::StrCat(
          "topic ", message.topic, " has no partition ", partition));
    }
  } else if (!message.key.empty()) {
    partition = PartitionForKey(message.key, partitions);
  } else {
    partition = int32_t(topic->round_robin.fetch_add(1) % partitions);
  }
  const int64_t timestamp = message.timestamp_ms != 0
                                ? message.timestamp_ms
                                : absl::ToUnixMillis(absl::Now());
  const std::string value = EncodeRecord(message, timestamp);
  Partition& p = *topic->partitions[partition];
  int64_t offset;
  {
    // Offsets are assigned and written in order, so a reader below the
    // high watermark never meets a gap.
    absl::MutexLock lock(&p.append_mu);
    offset = p.next_offset.load(std::memory_order_relaxed);
    rocksdb::Status s = db_->Put(write_options_, log_cf_,
                                 LogKey(topic->id, partition, offset), value);
    if (!s.ok()) return FromRocks(s, "append");
    p.next_offset.store(offset + 1, std::memory_order_release);
  }
  NotifyChange();
  return DeliveryReport{absl::OkStatus(), message.topic, partition, offset};
}

absl::StatusOr<std::vector<Record>> LocalLog::Read(const TopicPartition& tp,
                                                   int64_t from,
                                                   size_t max_records,
                                                   size_t max_bytes) {
  Topic* topic = FindTopic(tp.topic);
  if (topic == nullptr || tp.partition < 0 ||
      tp.partition >= topic->spec.partitions) {
    return absl::NotFoundError(
        absl::StrCat("unknown partition ", tp.topic, "/", tp.partition));
  }
  std::vector<Record> records;
  const int64_t high = topic->partitions[tp.partition]->next_offset.load(
      std::memory_order_acquire);
  if (from >= high || max_records == 0) return records;
  const std::string upper = LogKey(topic->id, tp.partition, high);
  rocksdb::Slice upper_slice(upper);
  rocksdb::ReadOptions read_options;
  read_options.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(read_options, log_cf_));
  size_t bytes = 0;
  for (it->Seek(LogKey(topic->id, tp.partition, from));
       it->Valid() && records.size() < max_records && bytes < max_bytes;
       it->Next()) {
    Record& r = records.emplace_back();
    r.topic = tp.topic;
    r.partition = tp.partition;
    r.offset =
        int64_t(GetFixedBE(absl::string_view(it->key().data() + 8, 8), 8));
    if (!DecodeRecord(absl::string_view(it->value().data(), it->value().size()),
                      r)) {
      return absl::DataLossError(absl::StrCat("local log: corrupt record ",
                                              tp.topic, "/", tp.partition, "@",
                                              r.offset));
    }
    bytes += r.value.size();
  }
  if (!it->status().ok()) return FromRocks(it->status(), "read");
  return records;
}

absl::StatusOr<std::pair<int64_t, int64_t>> LocalLog::Watermarks(
    const TopicPartition& tp) {
  Topic* topic = FindTopic(tp.topic);
  if (topic == nullptr || tp.partition < 0 ||
      tp.partition >= topic->spec.partitions) {
    return absl::NotFoundError(
        absl::StrCat("unknown partition ", tp.topic, "/", tp.partition));
  }
  return std::pair<int64_t, int64_t>{
      0, topic->partitions[tp.partition]->next_offset.load()};
}

uint64_t LocalLog::ChangeSequence() {
  absl::MutexLock lock(&change_mu_);
  return change_seq_;
}

void LocalLog::NotifyChange() {
  absl::MutexLock lock(&change_mu_);
  ++change_seq_;
}

void LocalLog::WaitForChange(uint64_t seen, absl::Time deadline) {
  absl::MutexLock lock(&change_mu_);
  auto changed = [this, seen]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(change_mu_) {
    return change_seq_ != seen;
  };
  change_mu_.AwaitWithDeadline(absl::Condition(&changed), deadline);
}

absl::StatusOr<std::optional<int64_t>> LocalLog::Committed(
    const std::string& group, const TopicPartition& tp) {
  std::string value;
  rocksdb::Status s = db_->Get({}, offsets_cf_, OffsetKey(group, tp), &value);
  if (s.IsNotFound()) return std::optional<int64_t>();
  if (!s.ok()) return FromRocks(s, "read committed offset");
  return std::optional<int64_t>(int64_t(GetFixedBE(value, 8)));
}

absl::Status LocalLog::Commit(const std::string& group,
                              std::span<const TopicPartitionOffset> offsets) {
  if (group.empty()) {
    return absl::FailedPreconditionError("commit needs a consumer group");
  }
  rocksdb::WriteBatch batch;
  for (const TopicPartitionOffset& o : offsets) {
    std::string value;
    PutFixed64BE(value, uint64_t(o.offset));
    batch.Put(offsets_cf_, OffsetKey(group, {o.topic, o.partition}), value);
  }
  return FromRocks(db_->Write(write_options_, &batch), "commit");
}

absl::StatusOr<uint64_t> LocalLog::JoinGroup(
    const std::string& group, const std::vector<std::string>& topics) {
  for (const std::string& topic : topics) {
    if (FindTopic(topic) == nullptr) {
      return absl::NotFoundError(absl::StrCat("unknown topic ", topic));
    }
  }
  uint64_t member;
  {
    absl::MutexLock lock(&groups_mu_);
    Group& g = groups_[group];
    if (!g.members.empty() && g.topics != topics) {
      return absl::FailedPreconditionError(
          absl::StrCat("group ", group, " already consumes other topics"));
    }
    g.topics = topics;
    member = next_member_++;
    g.members.push_back(member);
    ++g.generation;
  }
  NotifyChange();
  return member;
}

void LocalLog::LeaveGroup(const std::string& group, uint64_t member) {
  {
    absl::MutexLock lock(&groups_mu_);
    auto it = groups_.find(group);
    if (it == groups_.end()) return;
    std::erase(it->second.members, member);
    ++it->second.generation;
  }
  NotifyChange();
}

std::pair<uint64_t, std::vector<TopicPartition>> LocalLog::GroupAssignment(
    const std::string& group, uint64_t member) {
  absl::MutexLock lock(&groups_mu_);
  auto it = groups_.find(group);
  if (it == groups_.end()) return {0, {}};
  const Group& g = it->second;
  auto pos = std::find(g.members.begin(), g.members.end(), member);
  if (pos == g.members.end()) return {g.generation, {}};
  const size_t index = size_t(pos - g.members.begin());
  std::vector<TopicPartition> mine;
  size_t n = 0;
  for (const std::string& name : g.topics) {
    Topic* topic = FindTopic(name);
    if (topic == nullptr) continue;
    for (int32_t p = 0; p < topic->spec.partitions; ++p, ++n) {
      if (n % g.members.size() == index) mine.push_back({name, p});
    }
  }
  return {g.generation, mine};
}

void LocalLog::SetProduceFaultForTesting(const std::string& topic,
                                         absl::Status status) {
  absl::MutexLock lock(&fault_mu_);
  if (status.ok()) {
    faults_.erase(topic);
  } else {
    faults_[topic] = std::move(status);
  }
  has_faults_ = !faults_.empty();
}

}  // namespace frontline::bus
