// Test support: a Bus around another that loses what it produces to the
// events topic (the write, or only its acknowledgement) and consumers whose
// commits fail, on demand.
#ifndef FRONTLINE_LIBS_DEDUP_FAULTY_BUS_H_
#define FRONTLINE_LIBS_DEDUP_FAULTY_BUS_H_

#include <atomic>
#include <memory>
#include <utility>
#include <vector>

#include "libs/bus/bus.h"

namespace frontline::dedup::testing {

class FaultyBus : public bus::Bus {
 public:
  enum class Fault {
    kNone,
    kDrop,     // not written, reported failed
    kLoseAck,  // written, reported failed
  };
  FaultyBus(bus::Bus& inner, std::string topic)
      : inner_(inner), topic_(std::move(topic)) {}

  std::atomic<Fault> fault{Fault::kNone};
  std::shared_ptr<std::atomic<bool>> fail_commits =
      std::make_shared<std::atomic<bool>>(false);

  absl::Status CreateTopic(const bus::TopicSpec& spec) override {
    return inner_.CreateTopic(spec);
  }
  absl::StatusOr<int32_t> PartitionCount(absl::string_view topic) override {
    return inner_.PartitionCount(topic);
  }
  absl::Status Produce(bus::Message message,
                       bus::DeliveryCallback on_delivery) override {
    const Fault f = message.topic == topic_ ? fault.load() : Fault::kNone;
    if (f == Fault::kDrop) {
      if (on_delivery) {
        on_delivery({.status = absl::UnavailableError("dropped by the test")});
      }
      return absl::OkStatus();
    }
    if (f == Fault::kLoseAck) {
      return inner_.Produce(
          std::move(message),
          [cb = std::move(on_delivery)](const bus::DeliveryReport& report) {
            bus::DeliveryReport lost = report;
            lost.status = absl::UnavailableError("ack lost by the test");
            if (cb) cb(lost);
          });
    }
    return inner_.Produce(std::move(message), std::move(on_delivery));
  }
  absl::Status Flush(absl::Duration timeout) override {
    return inner_.Flush(timeout);
  }
  absl::StatusOr<std::unique_ptr<bus::Consumer>> Subscribe(
      const bus::ConsumerOptions& options) override {
    auto c = inner_.Subscribe(options);
    if (!c.ok()) return c.status();
    return std::unique_ptr<bus::Consumer>(
        new Consumer(*std::move(c), fail_commits));
  }
  absl::StatusOr<std::unique_ptr<bus::Consumer>> Assign(
      const std::vector<bus::TopicPartitionOffset>& start,
      const bus::ConsumerOptions& options) override {
    auto c = inner_.Assign(start, options);
    if (!c.ok()) return c.status();
    return std::unique_ptr<bus::Consumer>(
        new Consumer(*std::move(c), fail_commits));
  }
  absl::StatusOr<std::pair<int64_t, int64_t>> Watermarks(
      const bus::TopicPartition& partition) override {
    return inner_.Watermarks(partition);
  }

 private:
  class Consumer : public bus::Consumer {
   public:
    Consumer(std::unique_ptr<bus::Consumer> inner,
             std::shared_ptr<std::atomic<bool>> fail_commits)
        : inner_(std::move(inner)), fail_commits_(std::move(fail_commits)) {}
    absl::StatusOr<std::vector<bus::Record>> Poll(
        size_t max_records, absl::Duration timeout) override {
      return inner_->Poll(max_records, timeout);
    }
    absl::Status Commit(
        std::span<const bus::TopicPartitionOffset> next) override {
      if (fail_commits_->load()) {
        return absl::UnavailableError("commit failed by the test");
      }
      return inner_->Commit(next);
    }
    absl::Status Seek(const bus::TopicPartitionOffset& position) override {
      return inner_->Seek(position);
    }
    absl::Status SeekToBeginning() override {
      return inner_->SeekToBeginning();
    }
    std::vector<bus::TopicPartition> Assignment() override {
      return inner_->Assignment();
    }
    std::vector<bus::PartitionLag> Lag() override { return inner_->Lag(); }

   private:
    std::unique_ptr<bus::Consumer> inner_;
    std::shared_ptr<std::atomic<bool>> fail_commits_;
  };

  bus::Bus& inner_;
  std::string topic_;
};

}  // namespace frontline::dedup::testing

#endif  // FRONTLINE_LIBS_DEDUP_FAULTY_BUS_H_
