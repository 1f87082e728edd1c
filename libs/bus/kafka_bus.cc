#include "libs/bus/kafka_bus.h"

#include <librdkafka/rdkafka.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "absl/random/random.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "spdlog/spdlog.h"

namespace frontline::bus {
namespace {

struct KafkaDeleter {
  void operator()(rd_kafka_t* rk) const { rd_kafka_destroy(rk); }
  void operator()(rd_kafka_topic_partition_list_t* l) const {
    rd_kafka_topic_partition_list_destroy(l);
  }
  void operator()(rd_kafka_conf_t* c) const { rd_kafka_conf_destroy(c); }
  void operator()(rd_kafka_error_t* e) const { rd_kafka_error_destroy(e); }
  void operator()(rd_kafka_message_t* m) const { rd_kafka_message_destroy(m); }
  void operator()(rd_kafka_queue_t* q) const { rd_kafka_queue_destroy(q); }
  void operator()(rd_kafka_event_t* e) const { rd_kafka_event_destroy(e); }
  void operator()(rd_kafka_NewTopic_t* t) const {
    rd_kafka_NewTopic_destroy(t);
  }
  void operator()(rd_kafka_AdminOptions_t* o) const {
    rd_kafka_AdminOptions_destroy(o);
  }
  void operator()(const rd_kafka_metadata_t* m) const {
    rd_kafka_metadata_destroy(m);
  }
  void operator()(rd_kafka_topic_t* t) const { rd_kafka_topic_destroy(t); }
};
template <typename T>
using KafkaPtr = std::unique_ptr<T, KafkaDeleter>;

absl::Status FromKafka(rd_kafka_resp_err_t err, absl::string_view what) {
  if (err == RD_KAFKA_RESP_ERR_NO_ERROR) return absl::OkStatus();
  std::string msg = absl::StrCat("kafka: ", what, ": ", rd_kafka_err2name(err),
                                 " (", rd_kafka_err2str(err), ")");
  switch (err) {
    case RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE:
    case RD_KAFKA_RESP_ERR_INVALID_MSG_SIZE:
    case RD_KAFKA_RESP_ERR_RECORD_LIST_TOO_LARGE:
    case RD_KAFKA_RESP_ERR__INVALID_ARG:
    case RD_KAFKA_RESP_ERR_INVALID_PARTITIONS:
    case RD_KAFKA_RESP_ERR_INVALID_REPLICATION_FACTOR:
    case RD_KAFKA_RESP_ERR_TOPIC_EXCEPTION:
      return absl::InvalidArgumentError(msg);
    case RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC:
    case RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART:
    case RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION:
      return absl::NotFoundError(msg);
    case RD_KAFKA_RESP_ERR__TIMED_OUT:
    case RD_KAFKA_RESP_ERR__MSG_TIMED_OUT:
    case RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT:
      return absl::DeadlineExceededError(msg);
    case RD_KAFKA_RESP_ERR_ILLEGAL_GENERATION:
    case RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS:
    case RD_KAFKA_RESP_ERR_UNKNOWN_MEMBER_ID:
    case RD_KAFKA_RESP_ERR__ASSIGNMENT_LOST:
    case RD_KAFKA_RESP_ERR__STATE:
      return absl::FailedPreconditionError(msg);
    case RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED:
    case RD_KAFKA_RESP_ERR_GROUP_AUTHORIZATION_FAILED:
    case RD_KAFKA_RESP_ERR_CLUSTER_AUTHORIZATION_FAILED:
      return absl::PermissionDeniedError(msg);
    case RD_KAFKA_RESP_ERR__QUEUE_FULL:  // backpressure: retry later
    case RD_KAFKA_RESP_ERR__TRANSPORT:
    case RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN:
    case RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE:
    case RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION:
    case RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS:
    case RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS_AFTER_APPEND:
    case RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE:
    case RD_KAFKA_RESP_ERR_NOT_COORDINATOR:
      return absl::UnavailableError(msg);
    default:
      return absl::InternalError(msg);
  }
}

absl::Status FromKafkaError(rd_kafka_error_t* error, absl::string_view what) {
  if (error == nullptr) return absl::OkStatus();
  KafkaPtr<rd_kafka_error_t> owned(error);
  absl::Status status = FromKafka(rd_kafka_error_code(error), what);
  return absl::Status(
      status.code(),
      absl::StrCat(status.message(), ": ", rd_kafka_error_string(error)));
}

int ToMillis(absl::Duration d) {
  return static_cast<int>(
      std::clamp<int64_t>(absl::ToInt64Milliseconds(d), 0, INT32_MAX));
}

absl::StatusOr<KafkaPtr<rd_kafka_conf_t>> MakeConf(
    const std::string& brokers, const BusOptions& options,
    const std::vector<std::pair<std::string, std::string>>& role) {
  KafkaPtr<rd_kafka_conf_t> conf(rd_kafka_conf_new());
  std::vector<std::pair<std::string, std::string>> all = {
      {"bootstrap.servers", brokers},
      {"client.id", options.client_id},
      {"log_level", "4"},
      {"socket.connection.setup.timeout.ms",
       absl::StrCat(std::max(ToMillis(options.connect_timeout), 1000))},
  };
  all.insert(all.end(), role.begin(), role.end());
  for (const auto& [k, v] : options.kafka_config) all.emplace_back(k, v);
  char error[512];
  for (const auto& [key, value] : all) {
    if (rd_kafka_conf_set(conf.get(), key.c_str(), value.c_str(), error,
                          sizeof(error)) != RD_KAFKA_CONF_OK) {
      return absl::InvalidArgumentError(
          absl::StrCat("kafka config ", key, "=", value, ": ", error));
    }
  }
  return conf;
}

void LogCallback(const rd_kafka_t*, int level, const char* facility,
                 const char* message) {
  if (level <= 3) {
    spdlog::error("librdkafka {}: {}", facility, message);
  } else {
    spdlog::debug("librdkafka {}: {}", facility, message);
  }
}

Headers ReadHeaders(const rd_kafka_message_t* message) {
  Headers headers;
  rd_kafka_headers_t* hdrs = nullptr;
  if (rd_kafka_message_headers(message, &hdrs) != RD_KAFKA_RESP_ERR_NO_ERROR) {
    return headers;
  }
  const char* name;
  const void* value;
  size_t size;
  for (size_t i = 0; rd_kafka_header_get_all(hdrs, i, &name, &value, &size) ==
                     RD_KAFKA_RESP_ERR_NO_ERROR;
       ++i) {
    headers.push_back(
        {name, value ? std::string(static_cast<const char*>(value), size)
                     : std::string()});
  }
  return headers;
}

KafkaPtr<rd_kafka_topic_partition_list_t> ToList(
    std::span<const TopicPartitionOffset> offsets) {
  KafkaPtr<rd_kafka_topic_partition_list_t> list(
      rd_kafka_topic_partition_list_new(static_cast<int>(offsets.size())));
  for (const auto& o : offsets) {
    rd_kafka_topic_partition_list_add(list.get(), o.topic.c_str(), o.partition)
        ->offset = o.offset;
  }
  return list;
}

absl::Status ListErrors(const rd_kafka_topic_partition_list_t* list,
                        absl::string_view what) {
  for (int i = 0; i < list->cnt; ++i) {
    if (list->elems[i].err != RD_KAFKA_RESP_ERR_NO_ERROR) {
      return FromKafka(list->elems[i].err,
                       absl::StrCat(what, " ", list->elems[i].topic, "/",
                                    list->elems[i].partition));
    }
  }
  return absl::OkStatus();
}

class KafkaConsumer : public Consumer {
 public:
  static absl::StatusOr<std::unique_ptr<KafkaConsumer>> Create(
      const std::string& brokers, const BusOptions& bus_options,
      const ConsumerOptions& options) {
    std::unique_ptr<KafkaConsumer> consumer(new KafkaConsumer(options));
    std::string group = options.group;
    if (group.empty()) {
      group = absl::StrCat("frontline-standalone-",
                           absl::Uniform<uint64_t>(absl::BitGen()));
    }
    auto conf = MakeConf(
        brokers, bus_options,
        {{"group.id", group},
         {"enable.auto.commit", "false"},
         {"enable.auto.offset.store", "false"},
         {"enable.partition.eof", "false"},
         {"auto.offset.reset", options.start_at_end ? "latest" : "earliest"},
         {"session.timeout.ms", "10000"},
         {"heartbeat.interval.ms", "1000"},
         {"topic.metadata.refresh.interval.ms", "5000"},
         {"fetch.wait.max.ms", "100"}});
    if (!conf.ok()) return conf.status();
    rd_kafka_conf_set_log_cb(conf->get(), LogCallback);
    rd_kafka_conf_set_opaque(conf->get(), consumer.get());
    rd_kafka_conf_set_rebalance_cb(conf->get(), &KafkaConsumer::OnRebalance);
    char error[512];
    rd_kafka_t* rk =
        rd_kafka_new(RD_KAFKA_CONSUMER, conf->get(), error, sizeof(error));
    if (rk == nullptr) {
      return absl::InternalError(absl::StrCat("kafka consumer: ", error));
    }
    conf->release();  // owned by rk now
    consumer->rk_.reset(rk);
    rd_kafka_poll_set_consumer(rk);
    return consumer;
  }

  ~KafkaConsumer() override {
    if (rk_) rd_kafka_consumer_close(rk_.get());
  }

  absl::Status Subscribe(const std::vector<std::string>& topics) {
    KafkaPtr<rd_kafka_topic_partition_list_t> list(
        rd_kafka_topic_partition_list_new(static_cast<int>(topics.size())));
    for (const auto& t : topics) {
      rd_kafka_topic_partition_list_add(list.get(), t.c_str(),
                                        RD_KAFKA_PARTITION_UA);
    }
    return FromKafka(rd_kafka_subscribe(rk_.get(), list.get()), "subscribe");
  }

  absl::Status AssignFixed(const std::vector<TopicPartitionOffset>& start) {
    std::vector<TopicPartitionOffset> mapped = start;
    for (auto& s : mapped) {
      if (s.offset == kOffsetCommitted) s.offset = RD_KAFKA_OFFSET_STORED;
    }
    auto list = ToList(mapped);
    return FromKafka(rd_kafka_assign(rk_.get(), list.get()), "assign");
  }

  absl::StatusOr<std::vector<Record>> Poll(size_t max_records,
                                           absl::Duration timeout) override {
    const absl::Time deadline = absl::Now() + timeout;
    std::vector<Record> out;
    while (out.size() < max_records) {
      const int wait = out.empty() ? ToMillis(deadline - absl::Now()) : 0;
      KafkaPtr<rd_kafka_message_t> message(
          rd_kafka_consumer_poll(rk_.get(), wait));
      if (!message) {
        if (!out.empty() || absl::Now() >= deadline) break;
        continue;
      }
      if (message->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        char reason[512];
        if (rd_kafka_fatal_error(rk_.get(), reason, sizeof(reason))) {
          return absl::InternalError(
              absl::StrCat("kafka consumer fatal error: ", reason));
        }
        if (message->err != RD_KAFKA_RESP_ERR__PARTITION_EOF) {
          spdlog::warn("kafka consumer: {}",
                       rd_kafka_message_errstr(message.get()));
        }
        continue;
      }
      Record& r = out.emplace_back();
      r.topic = rd_kafka_topic_name(message->rkt);
      r.partition = message->partition;
      r.offset = message->offset;
      rd_kafka_timestamp_type_t type;
      r.timestamp_ms = rd_kafka_message_timestamp(message.get(), &type);
      if (message->key) {
        r.key.assign(static_cast<const char*>(message->key), message->key_len);
      }
      if (message->payload) {
        r.value.assign(static_cast<const char*>(message->payload),
                       message->len);
      }
      r.headers = ReadHeaders(message.get());
    }
    return out;
  }

  absl::Status Commit(std::span<const TopicPartitionOffset> next) override {
    if (next.empty()) return absl::OkStatus();
    auto list = ToList(next);
    absl::Status status =
        FromKafka(rd_kafka_commit(rk_.get(), list.get(), 0), "commit");
    if (!status.ok()) return status;
    return ListErrors(list.get(), "commit");
  }

  absl::Status Seek(const TopicPartitionOffset& position) override {
    TopicPartitionOffset p = position;
    if (p.offset == kOffsetCommitted) p.offset = RD_KAFKA_OFFSET_STORED;
    auto list = ToList({&p, 1});
    absl::Status status = FromKafkaError(
        rd_kafka_seek_partitions(rk_.get(), list.get(), 10000), "seek");
    if (!status.ok()) return status;
    return ListErrors(list.get(), "seek");
  }

  absl::Status SeekToBeginning() override {
    rewind_ = true;
    rd_kafka_topic_partition_list_t* raw = nullptr;
    absl::Status status =
        FromKafka(rd_kafka_assignment(rk_.get(), &raw), "assignment");
    KafkaPtr<rd_kafka_topic_partition_list_t> list(raw);
    if (!status.ok() || list->cnt == 0) return status;
    for (int i = 0; i < list->cnt; ++i) {
      list->elems[i].offset = RD_KAFKA_OFFSET_BEGINNING;
    }
    status = FromKafkaError(
        rd_kafka_seek_partitions(rk_.get(), list.get(), 10000), "seek");
    if (!status.ok()) return status;
    return ListErrors(list.get(), "seek");
  }

  std::vector<TopicPartition> Assignment() override {
    std::vector<TopicPartition> out;
    rd_kafka_topic_partition_list_t* raw = nullptr;
    if (rd_kafka_assignment(rk_.get(), &raw) != RD_KAFKA_RESP_ERR_NO_ERROR) {
      return out;
    }
    KafkaPtr<rd_kafka_topic_partition_list_t> list(raw);
    for (int i = 0; i < list->cnt; ++i) {
      out.push_back({list->elems[i].topic, list->elems[i].partition});
    }
    return out;
  }

  std::vector<PartitionLag> Lag() override {
    std::vector<PartitionLag> out;
    rd_kafka_topic_partition_list_t* raw = nullptr;
    if (rd_kafka_assignment(rk_.get(), &raw) != RD_KAFKA_RESP_ERR_NO_ERROR) {
      return out;
    }
    KafkaPtr<rd_kafka_topic_partition_list_t> list(raw);
    if (rd_kafka_position(rk_.get(), list.get()) !=
        RD_KAFKA_RESP_ERR_NO_ERROR) {
      return out;
    }
    for (int i = 0; i < list->cnt; ++i) {
      const rd_kafka_topic_partition_t& p = list->elems[i];
      int64_t low = 0;
      int64_t high = 0;
      if (p.offset < 0 ||
          rd_kafka_get_watermark_offsets(rk_.get(), p.topic, p.partition, &low,
                                         &high) != RD_KAFKA_RESP_ERR_NO_ERROR ||
          high < 0) {
        continue;
      }
      out.push_back(
          {{p.topic, p.partition}, std::max<int64_t>(0, high - p.offset)});
    }
    return out;
  }

 private:
  explicit KafkaConsumer(ConsumerOptions options)
      : options_(std::move(options)) {}

  static void OnRebalance(rd_kafka_t* rk, rd_kafka_resp_err_t err,
                          rd_kafka_topic_partition_list_t* partitions,
                          void* opaque) {
    auto* self = static_cast<KafkaConsumer*>(opaque);
    if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
      if (self->rewind_) {
        for (int i = 0; i < partitions->cnt; ++i) {
          partitions->elems[i].offset = RD_KAFKA_OFFSET_BEGINNING;
        }
      }
      rd_kafka_assign(rk, partitions);
    } else {
      rd_kafka_assign(rk, nullptr);
    }
  }

  const ConsumerOptions options_;
  KafkaPtr<rd_kafka_t> rk_;
  std::atomic<bool> rewind_{false};
};

class KafkaBus : public Bus {
 public:
  KafkaBus(std::string brokers, BusOptions options)
      : brokers_(std::move(brokers)), options_(std::move(options)) {}

  ~KafkaBus() override {
    if (!producer_) return;
    rd_kafka_flush(producer_.get(), ToMillis(options_.connect_timeout));
    stop_ = true;
    if (poller_.joinable()) poller_.join();
    producer_.reset();
  }

  absl::Status Start() {
    auto conf = MakeConf(
        brokers_, options_,
        {{"enable.idempotence", "true"},
         {"allow.auto.create.topics", "false"},
         {"acks", "all"},
         {"partitioner", "murmur2_random"},
         {"linger.ms", "5"},
         {"compression.type", "lz4"},
         {"message.max.bytes", absl::StrCat(options_.max_message_bytes)},
         {"message.timeout.ms", "30000"}});
    if (!conf.ok()) return conf.status();
    rd_kafka_conf_set_log_cb(conf->get(), LogCallback);
    rd_kafka_conf_set_dr_msg_cb(conf->get(), &KafkaBus::OnDelivery);
    char error[512];
    rd_kafka_t* rk =
        rd_kafka_new(RD_KAFKA_PRODUCER, conf->get(), error, sizeof(error));
    if (rk == nullptr) {
      return absl::InternalError(absl::StrCat("kafka producer: ", error));
    }
    conf->release();
    producer_.reset(rk);
    const rd_kafka_metadata_t* raw = nullptr;
    rd_kafka_resp_err_t err = rd_kafka_metadata(
        rk, 0, nullptr, &raw, ToMillis(options_.connect_timeout));
    KafkaPtr<const rd_kafka_metadata_t> metadata(raw);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
      return absl::UnavailableError(
          absl::StrCat("kafka: no broker of ", brokers_, " answered within ",
                       absl::FormatDuration(options_.connect_timeout), ": ",
                       rd_kafka_err2str(err)));
    }
    poller_ = std::thread([this] {
      while (!stop_) rd_kafka_poll(producer_.get(), 100);
    });
    return absl::OkStatus();
  }

  absl::Status CreateTopic(const TopicSpec& spec) override {
    // Topics declared by the operator (or a mock cluster) exist already.
    auto existing = PartitionCount(spec.name);
    if (existing.ok()) {
      if (*existing != spec.partitions) {
        spdlog::warn("topic {} has {} partitions, not the {} asked for",
                     spec.name, *existing, spec.partitions);
      }
      return absl::OkStatus();
    }
    if (!absl::IsNotFound(existing.status())) return existing.status();
    char error[512];
    KafkaPtr<rd_kafka_NewTopic_t> topic(
        rd_kafka_NewTopic_new(spec.name.c_str(), spec.partitions,
                              spec.replication_factor, error, sizeof(error)));
    if (!topic) {
      return absl::InvalidArgumentError(
          absl::StrCat("kafka: topic ", spec.name, ": ", error));
    }
    if (spec.max_message_bytes > 0) {
      rd_kafka_NewTopic_set_config(
          topic.get(), "max.message.bytes",
          absl::StrCat(spec.max_message_bytes).c_str());
    }
    rd_kafka_NewTopic_set_config(topic.get(), "retention.ms",
                                 absl::StrCat(spec.retention_ms).c_str());
    KafkaPtr<rd_kafka_AdminOptions_t> admin_options(rd_kafka_AdminOptions_new(
        producer_.get(), RD_KAFKA_ADMIN_OP_CREATETOPICS));
    rd_kafka_AdminOptions_set_request_timeout(
        admin_options.get(), ToMillis(options_.connect_timeout), error,
        sizeof(error));
    KafkaPtr<rd_kafka_queue_t> queue(rd_kafka_queue_new(producer_.get()));
    rd_kafka_NewTopic_t* topics[] = {topic.get()};
    rd_kafka_CreateTopics(producer_.get(), topics, 1, admin_options.get(),
                          queue.get());
    KafkaPtr<rd_kafka_event_t> event(rd_kafka_queue_poll(
        queue.get(), ToMillis(options_.connect_timeout) + 1000));
    if (!event) {
      return absl::DeadlineExceededError(
          absl::StrCat("kafka: creating topic ", spec.name, " timed out"));
    }
    if (rd_kafka_event_error(event.get()) != RD_KAFKA_RESP_ERR_NO_ERROR) {
      return FromKafka(rd_kafka_event_error(event.get()),
                       absl::StrCat("create topic ", spec.name, ": ",
                                    rd_kafka_event_error_string(event.get())));
    }
    size_t count = 0;
    const rd_kafka_topic_result_t** results =
        rd_kafka_CreateTopics_result_topics(
            rd_kafka_event_CreateTopics_result(event.get()), &count);
    for (size_t i = 0; i < count; ++i) {
      rd_kafka_resp_err_t err = rd_kafka_topic_result_error(results[i]);
      if (err != RD_KAFKA_RESP_ERR_NO_ERROR &&
          err != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS) {
        return FromKafka(err, absl::StrCat("create topic ", spec.name));
      }
    }
    // Wait until the new topic's metadata is visible.
    const absl::Time deadline = absl::Now() + options_.connect_timeout;
    while (true) {
      auto count = PartitionCount(spec.name);
      if (count.ok() || absl::Now() >= deadline) return count.status();
      absl::SleepFor(absl::Milliseconds(50));
    }
  }

  absl::StatusOr<int32_t> PartitionCount(absl::string_view topic) override {
    KafkaPtr<rd_kafka_topic_t> rkt(rd_kafka_topic_new(
        producer_.get(), std::string(topic).c_str(), nullptr));
    const rd_kafka_metadata_t* raw = nullptr;
    rd_kafka_resp_err_t err =
        rd_kafka_metadata(producer_.get(), 0, rkt.get(), &raw,
                          ToMillis(options_.connect_timeout));
    KafkaPtr<const rd_kafka_metadata_t> metadata(raw);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
      return FromKafka(err, absl::StrCat("metadata of ", topic));
    }
    if (metadata->topic_cnt != 1) {
      return absl::NotFoundError(absl::StrCat("kafka: unknown topic ", topic));
    }
    const rd_kafka_metadata_topic_t& t = metadata->topics[0];
    if (t.err != RD_KAFKA_RESP_ERR_NO_ERROR) {
      return FromKafka(t.err, absl::StrCat("topic ", topic));
    }
    if (t.partition_cnt == 0) {
      return absl::NotFoundError(absl::StrCat("kafka: unknown topic ", topic));
    }
    return t.partition_cnt;
  }

  absl::Status Produce(Message m, DeliveryCallback on_delivery) override {
    auto* callback =
        on_delivery ? new DeliveryCallback(std::move(on_delivery)) : nullptr;
    rd_kafka_headers_t* headers = nullptr;
    if (!m.headers.empty()) {
      headers = rd_kafka_headers_new(m.headers.size());
      for (const Header& h : m.headers) {
        rd_kafka_header_add(headers, h.key.data(),
                            static_cast<ssize_t>(h.key.size()), h.value.data(),
                            static_cast<ssize_t>(h.value.size()));
      }
    }
    rd_kafka_vu_t vu[8];
    size_t n = 0;
    vu[n].vtype = RD_KAFKA_VTYPE_TOPIC;
    vu[n++].u.cstr = m.topic.c_str();
    vu[n].vtype = RD_KAFKA_VTYPE_PARTITION;
    vu[n++].u.i32 = m.partition.value_or(RD_KAFKA_PARTITION_UA);
    if (!m.key.empty()) {
      vu[n].vtype = RD_KAFKA_VTYPE_KEY;
      vu[n].u.mem.ptr = m.key.data();
      vu[n++].u.mem.size = m.key.size();
    }
    vu[n].vtype = RD_KAFKA_VTYPE_VALUE;
    vu[n].u.mem.ptr = m.value.data();
    vu[n++].u.mem.size = m.value.size();
    vu[n].vtype = RD_KAFKA_VTYPE_MSGFLAGS;
    vu[n++].u.i32 = RD_KAFKA_MSG_F_COPY;
    vu[n].vtype = RD_KAFKA_VTYPE_TIMESTAMP;
    vu[n++].u.i64 = m.timestamp_ms;
    vu[n].vtype = RD_KAFKA_VTYPE_OPAQUE;
    vu[n++].u.ptr = callback;
    if (headers != nullptr) {
      vu[n].vtype = RD_KAFKA_VTYPE_HEADERS;
      vu[n++].u.headers = headers;
    }
    const absl::Time deadline = absl::Now() + options_.connect_timeout;
    while (true) {
      rd_kafka_error_t* error = rd_kafka_produceva(producer_.get(), vu, n);
      if (error == nullptr) return absl::OkStatus();
      if (rd_kafka_error_code(error) == RD_KAFKA_RESP_ERR__QUEUE_FULL &&
          absl::Now() < deadline) {
        rd_kafka_error_destroy(error);
        rd_kafka_poll(producer_.get(), 10);  // back-pressure
        continue;
      }
      delete callback;
      if (headers != nullptr) rd_kafka_headers_destroy(headers);
      return FromKafkaError(error, absl::StrCat("produce to ", m.topic));
    }
  }

  absl::Status Flush(absl::Duration timeout) override {
    return FromKafka(rd_kafka_flush(producer_.get(), ToMillis(timeout)),
                     "flush");
  }

  absl::StatusOr<std::unique_ptr<Consumer>> Subscribe(
      const ConsumerOptions& options) override {
    if (options.group.empty() || options.topics.empty()) {
      return absl::InvalidArgumentError(
          "subscribe needs a consumer group and at least one topic");
    }
    auto consumer = KafkaConsumer::Create(brokers_, options_, options);
    if (!consumer.ok()) return consumer.status();
    if (absl::Status s = (*consumer)->Subscribe(options.topics); !s.ok()) {
      return s;
    }
    return std::unique_ptr<Consumer>(*std::move(consumer));
  }

  absl::StatusOr<std::unique_ptr<Consumer>> Assign(
      const std::vector<TopicPartitionOffset>& start,
      const ConsumerOptions& options) override {
    auto consumer = KafkaConsumer::Create(brokers_, options_, options);
    if (!consumer.ok()) return consumer.status();
    if (absl::Status s = (*consumer)->AssignFixed(start); !s.ok()) return s;
    return std::unique_ptr<Consumer>(*std::move(consumer));
  }

  absl::StatusOr<std::pair<int64_t, int64_t>> Watermarks(
      const TopicPartition& partition) override {
    int64_t low = 0, high = 0;
    rd_kafka_resp_err_t err = rd_kafka_query_watermark_offsets(
        producer_.get(), partition.topic.c_str(), partition.partition, &low,
        &high, ToMillis(options_.connect_timeout));
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
      return FromKafka(err, absl::StrCat("watermarks of ", partition.topic, "/",
                                         partition.partition));
    }
    return std::pair<int64_t, int64_t>{low, high};
  }

 private:
  static void OnDelivery(rd_kafka_t*, const rd_kafka_message_t* message,
                         void*) {
    auto* callback = static_cast<DeliveryCallback*>(message->_private);
    if (callback == nullptr) return;
    absl::Status status = FromKafka(message->err, "delivery");
    // librdkafka 2.0 may report success for a message it only guessed was
    // persisted (a retry after a timeout or a lost connection), without an
    // offset; the kafka_faults_test found such a message missing from the
    // topic. It is reported as not delivered, so the caller produces it
    // again: a duplicate at worst, which every consumer tolerates.
    if (status.ok() &&
        (message->offset < 0 ||
         rd_kafka_message_status(message) != RD_KAFKA_MSG_STATUS_PERSISTED)) {
      status = absl::UnavailableError(
          "kafka: delivery: acknowledged without an offset (possibly not "
          "persisted); produce again");
    }
    (*callback)(DeliveryReport{status, rd_kafka_topic_name(message->rkt),
                               message->partition, message->offset});
    delete callback;
  }

  const std::string brokers_;
  const BusOptions options_;
  KafkaPtr<rd_kafka_t> producer_;
  std::atomic<bool> stop_{false};
  std::thread poller_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Bus>> OpenKafkaBus(
    const std::vector<std::string>& brokers, const BusOptions& options) {
  auto bus = std::make_unique<KafkaBus>(absl::StrJoin(brokers, ","), options);
  if (absl::Status s = bus->Start(); !s.ok()) return s;
  return bus;
}

}  // namespace frontline::bus
