#include "libs/normalize/normalize_stage.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/pipeline/raw_documents.h"
#include "libs/pipeline/topics.h"

namespace frontline::normalize {

absl::StatusOr<std::unique_ptr<NormalizeStage>> NormalizeStage::Create(
    bus::Bus& bus, const Normalizer& normalizer, StageConfig config) {
  auto consumer =
      bus.Subscribe({.group = config.group, .topics = {pipeline::kRawTopic}});
  if (!consumer.ok()) return consumer.status();
  return std::unique_ptr<NormalizeStage>(new NormalizeStage(
      bus, normalizer, *std::move(consumer), std::move(config)));
}

NormalizeStage::NormalizeStage(bus::Bus& bus, const Normalizer& normalizer,
                               std::unique_ptr<bus::Consumer> consumer,
                               StageConfig config)
    : bus_(bus),
      normalizer_(normalizer),
      consumer_(std::move(consumer)),
      dead_letters_(
          bus, {.topic = pipeline::kDeadLetterTopic, .stage = "normalize"}),
      on_output_(config.on_output) {
  runner_ = std::make_unique<bus::StageRunner>(
      *consumer_, dead_letters_,
      [this](const bus::Record& r) { return Handle(r); },
      bus::StageOptions{.max_batch = config.max_batch,
                        .before_commit = [this] { return FlushOutput(); },
                        .on_round = config.on_round,
                        .on_lag = config.on_lag});
}

absl::Status NormalizeStage::Handle(const bus::Record& record) {
  v1::RawDocument raw;
  if (!raw.ParseFromString(record.value)) {
    return absl::InvalidArgumentError("not a frontline.v1.RawDocument");
  }
  auto doc = normalizer_.Normalize(raw);
  if (!doc.ok()) return doc.status();
  std::shared_ptr<std::atomic<int>> failed = failed_;
  absl::Status queued =
      bus_.Produce(pipeline::ProtoMessage(pipeline::kDocsTopic, doc->id(), *doc,
                                          "/frontline/normalize", absl::Now()),
                   [failed](const bus::DeliveryReport& report) {
                     if (!report.status.ok()) failed->fetch_add(1);
                   });
  if (queued.ok()) ++produced_;
  return queued;
}

absl::Status NormalizeStage::FlushOutput() {
  if (absl::Status s = bus_.Flush(absl::Seconds(60)); !s.ok()) return s;
  const uint64_t produced = std::exchange(produced_, 0);
  if (int n = failed_->exchange(0); n > 0) {
    return absl::UnavailableError(
        absl::StrCat(n, " documents not written to ", pipeline::kDocsTopic));
  }
  if (on_output_ && produced > 0) on_output_(produced);
  return absl::OkStatus();
}

}  // namespace frontline::normalize
