#include "libs/bus/bus.h"

#include <memory>

#include "absl/synchronization/notification.h"
#include "libs/bus/bus_uri.h"
#include "libs/bus/kafka_bus.h"
#include "libs/bus/local_bus.h"

namespace frontline::bus {

absl::StatusOr<std::unique_ptr<Bus>> Bus::Open(absl::string_view uri,
                                               const BusOptions& options) {
  auto parsed = ParseBusUri(uri);
  if (!parsed.ok()) return parsed.status();
  if (parsed->engine == BusUri::Engine::kKafka) {
    return OpenKafkaBus(parsed->brokers, options);
  }
  return OpenLocalBus(parsed->directory, options);
}

absl::StatusOr<DeliveryReport> Bus::ProduceSync(Message message,
                                                absl::Duration timeout) {
  struct Pending {
    absl::Notification done;
    DeliveryReport report;
  };
  // Shared: the report may arrive after this call gave up waiting.
  auto pending = std::make_shared<Pending>();
  absl::Status status =
      Produce(std::move(message), [pending](const DeliveryReport& report) {
        pending->report = report;
        pending->done.Notify();
      });
  if (!status.ok()) return status;
  if (!pending->done.WaitForNotificationWithTimeout(timeout)) {
    return absl::DeadlineExceededError("no delivery report within the timeout");
  }
  return pending->report;
}

absl::Status Consumer::CommitRecord(const Record& record) {
  TopicPartitionOffset next{record.topic, record.partition, record.offset + 1};
  return Commit({&next, 1});
}

}  // namespace frontline::bus
