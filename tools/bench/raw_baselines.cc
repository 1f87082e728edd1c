#include "tools/bench/raw_baselines.h"

#include <librdkafka/rdkafka.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "rocksdb/db.h"
#include "rocksdb/options.h"

namespace frontline::bench {
namespace {

template <typename F>
double Seconds(F&& work) {
  const absl::Time start = absl::Now();
  work();
  return absl::ToDoubleSeconds(absl::Now() - start);
}

struct KafkaDeleter {
  void operator()(rd_kafka_t* rk) const { rd_kafka_destroy(rk); }
};
using KafkaHandle = std::unique_ptr<rd_kafka_t, KafkaDeleter>;

absl::StatusOr<KafkaHandle> NewKafka(
    rd_kafka_type_t type, const std::string& brokers,
    const std::map<std::string, std::string>& extra) {
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  char error[512];
  std::map<std::string, std::string> all = {{"bootstrap.servers", brokers},
                                            {"log_level", "3"}};
  all.insert(extra.begin(), extra.end());
  for (const auto& [k, v] : all) {
    if (rd_kafka_conf_set(conf, k.c_str(), v.c_str(), error, sizeof(error)) !=
        RD_KAFKA_CONF_OK) {
      rd_kafka_conf_destroy(conf);
      return absl::InvalidArgumentError(error);
    }
  }
  rd_kafka_t* rk = rd_kafka_new(type, conf, error, sizeof(error));
  if (rk == nullptr) {
    rd_kafka_conf_destroy(conf);
    return absl::InternalError(error);
  }
  return KafkaHandle(rk);
}

absl::StatusOr<int> PartitionCount(rd_kafka_t* rk, const std::string& topic) {
  rd_kafka_topic_t* rkt = rd_kafka_topic_new(rk, topic.c_str(), nullptr);
  const rd_kafka_metadata_t* metadata = nullptr;
  const rd_kafka_resp_err_t err = rd_kafka_metadata(rk, 0, rkt, &metadata,
                                                    /*timeout_ms=*/10000);
  rd_kafka_topic_destroy(rkt);
  if (err) {
    return absl::UnavailableError(
        absl::StrCat("metadata of ", topic, ": ", rd_kafka_err2str(err)));
  }
  int partitions = 0;
  if (metadata->topic_cnt == 1 && !metadata->topics[0].err) {
    partitions = metadata->topics[0].partition_cnt;
  }
  rd_kafka_metadata_destroy(metadata);
  if (partitions <= 0) {
    return absl::NotFoundError(absl::StrCat("no partitions of ", topic));
  }
  return partitions;
}

}  // namespace

absl::StatusOr<RawTimes> RawRocksDb(const std::vector<bus::Message>& messages,
                                    const std::string& dir) {
  rocksdb::Options options;
  options.create_if_missing = true;
  options.IncreaseParallelism(2);
  options.compression = rocksdb::kLZ4Compression;
  options.write_buffer_size = 64 << 20;
  std::error_code error;
  std::filesystem::remove_all(dir, error);
  std::filesystem::create_directories(dir, error);
  if (error) {
    return absl::InternalError(
        absl::StrCat("cannot create ", dir, ": ", error.message()));
  }
  rocksdb::DB* raw = nullptr;
  if (rocksdb::Status s = rocksdb::DB::Open(options, dir, &raw); !s.ok()) {
    return absl::InternalError(absl::StrCat("open rocksdb: ", s.ToString()));
  }
  std::unique_ptr<rocksdb::DB> db(raw);
  RawTimes times{.records = static_cast<int64_t>(messages.size())};
  rocksdb::Status failed;
  times.write_s = Seconds([&] {
    for (size_t i = 0; i < messages.size() && failed.ok(); ++i) {
      char key[24];
      const int length = std::snprintf(key, sizeof(key), "%015zu", i);
      failed = db->Put({}, rocksdb::Slice(key, length), messages[i].value);
    }
  });
  size_t got = 0;
  // A reader hands owned bytes to its caller, as a consumer must.
  times.read_s = Seconds([&] {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator({}));
    std::vector<std::pair<std::string, std::string>> batch;
    batch.reserve(2000);
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      batch.emplace_back(it->key().ToString(), it->value().ToString());
      if (batch.size() == 2000) {
        got += batch.size();
        batch.clear();
      }
    }
    got += batch.size();
  });
  db.reset();
  std::filesystem::remove_all(dir);
  if (!failed.ok()) {
    return absl::InternalError(
        absl::StrCat("rocksdb put: ", failed.ToString()));
  }
  if (got != messages.size()) {
    return absl::InternalError(absl::StrCat("rocksdb read ", got, " of ",
                                            messages.size(), " records"));
  }
  return times;
}

absl::StatusOr<RawTimes> RawLibrdkafka(
    const std::string& brokers, const std::string& topic,
    const std::vector<bus::Message>& messages) {
  RawTimes times{.records = static_cast<int64_t>(messages.size())};
  auto producer = NewKafka(RD_KAFKA_PRODUCER, brokers,
                           {{"enable.idempotence", "true"},
                            {"acks", "all"},
                            {"partitioner", "murmur2_random"},
                            {"linger.ms", "5"},
                            {"compression.type", "lz4"}});
  if (!producer.ok()) return producer.status();
  rd_kafka_t* p = producer->get();
  rd_kafka_resp_err_t err = RD_KAFKA_RESP_ERR_NO_ERROR;
  bool flushed = false;
  times.write_s = Seconds([&] {
    for (const bus::Message& m : messages) {
      rd_kafka_headers_t* headers = rd_kafka_headers_new(m.headers.size());
      for (const auto& h : m.headers) {
        rd_kafka_header_add(headers, h.key.data(), h.key.size(), h.value.data(),
                            h.value.size());
      }
      while ((err = rd_kafka_producev(
                  p, RD_KAFKA_V_TOPIC(topic.c_str()),
                  RD_KAFKA_V_KEY(m.key.data(), m.key.size()),
                  RD_KAFKA_V_VALUE(const_cast<char*>(m.value.data()),
                                   m.value.size()),
                  RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                  RD_KAFKA_V_HEADERS(headers), RD_KAFKA_V_END)) ==
             RD_KAFKA_RESP_ERR__QUEUE_FULL) {
        rd_kafka_poll(p, 10);
      }
      if (err) {
        rd_kafka_headers_destroy(headers);  // not taken on failure
        return;
      }
      rd_kafka_poll(p, 0);
    }
    flushed = rd_kafka_flush(p, 300000) == RD_KAFKA_RESP_ERR_NO_ERROR;
  });
  if (err) {
    return absl::InternalError(
        absl::StrCat("raw produce to ", topic, ": ", rd_kafka_err2str(err)));
  }
  if (!flushed) return absl::DeadlineExceededError("raw flush");
  auto partitions = PartitionCount(p, topic);
  if (!partitions.ok()) return partitions.status();
  producer->reset();

  auto consumer =
      NewKafka(RD_KAFKA_CONSUMER, brokers,
               {{"group.id", absl::StrCat("raw-baseline-", getpid())},
                {"enable.auto.commit", "false"},
                {"fetch.wait.max.ms", "100"}});
  if (!consumer.ok()) return consumer.status();
  rd_kafka_t* c = consumer->get();
  rd_kafka_poll_set_consumer(c);
  rd_kafka_topic_partition_list_t* list =
      rd_kafka_topic_partition_list_new(*partitions);
  for (int i = 0; i < *partitions; ++i) {
    rd_kafka_topic_partition_list_add(list, topic.c_str(), i)->offset =
        RD_KAFKA_OFFSET_BEGINNING;
  }
  err = rd_kafka_assign(c, list);
  rd_kafka_topic_partition_list_destroy(list);
  if (err) {
    return absl::InternalError(
        absl::StrCat("raw assign: ", rd_kafka_err2str(err)));
  }
  int64_t got = 0;
  times.read_s = Seconds([&] {
    while (got < times.records) {
      rd_kafka_message_t* m = rd_kafka_consumer_poll(c, 5000);
      if (m == nullptr) return;  // stalled
      if (!m->err) ++got;
      rd_kafka_message_destroy(m);
    }
  });
  rd_kafka_consumer_close(c);
  if (got != times.records) {
    return absl::DeadlineExceededError(absl::StrCat(
        "raw consume stalled at ", got, " of ", times.records, " records"));
  }
  return times;
}

}  // namespace frontline::bench
