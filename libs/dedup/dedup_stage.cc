#include "libs/dedup/dedup_stage.h"

#include <filesystem>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/pipeline/raw_documents.h"
#include "libs/pipeline/topics.h"

namespace frontline::dedup {

absl::StatusOr<std::unique_ptr<DedupStage>> DedupStage::Create(
    bus::Bus& bus, DedupStageOptions options) {
  std::error_code ec;
  std::filesystem::create_directories(options.dir, ec);
  if (ec) {
    return absl::FailedPreconditionError(
        absl::StrCat("dedup: cannot create ", options.dir, ": ", ec.message()));
  }
  auto dedup = Deduplicator::Open(
      {.dir = options.dir + "/index", .window = options.window});
  if (!dedup.ok()) return dedup.status();
  auto merger = EventMerger::Open(
      {.dir = options.dir + "/events", .window = options.event_window});
  if (!merger.ok()) return merger.status();
  auto consumer =
      bus.Subscribe({.group = options.group, .topics = {pipeline::kDocsTopic}});
  if (!consumer.ok()) return consumer.status();
  return std::unique_ptr<DedupStage>(
      new DedupStage(bus, *std::move(dedup), *std::move(merger),
                     *std::move(consumer), options));
}

DedupStage::DedupStage(bus::Bus& bus, std::unique_ptr<Deduplicator> dedup,
                       std::unique_ptr<EventMerger> merger,
                       std::unique_ptr<bus::Consumer> consumer,
                       const DedupStageOptions& options)
    : bus_(bus),
      dedup_(std::move(dedup)),
      merger_(std::move(merger)),
      consumer_(std::move(consumer)),
      dead_letters_(bus,
                    {.topic = pipeline::kDeadLetterTopic, .stage = "dedup"}) {
  runner_ = std::make_unique<bus::StageRunner>(
      *consumer_, dead_letters_,
      [this](const bus::Record& r) { return Handle(r); },
      bus::StageOptions{.max_batch = options.max_batch,
                        .before_commit = [this] { return FlushOutput(); },
                        .on_round = options.on_round,
                        .on_lag = options.on_lag});
}

absl::Status DedupStage::Emit(const google::protobuf::Message& message,
                              const std::string& key) {
  std::shared_ptr<std::atomic<int>> failed = failed_;
  return bus_.Produce(
      pipeline::ProtoMessage(pipeline::kEventsTopic, key, message,
                             "/frontline/dedup", absl::Now()),
      [failed](const bus::DeliveryReport& report) {
        if (!report.status.ok()) failed->fetch_add(1);
      });
}

absl::Status DedupStage::Handle(const bus::Record& record) {
  v1::Document doc;
  if (!doc.ParseFromString(record.value) || doc.id().empty()) {
    return absl::InvalidArgumentError("not a frontline.v1.Document");
  }
  std::vector<v1::DocumentVerdict> revised;
  auto verdict = dedup_->Judge(doc, &revised);
  if (!verdict.ok()) return verdict.status();
  *verdict->mutable_document() = doc;
  if (verdict->verdict() == v1::VERDICT_DUPLICATE) duplicates_.fetch_add(1);
  if (absl::Status s = Emit(*verdict, doc.id()); !s.ok()) return s;
  auto changed = merger_->Apply(*verdict);
  if (!changed.ok()) return changed.status();
  for (const v1::DocumentVerdict& r : revised) {
    if (r.verdict() == v1::VERDICT_DUPLICATE) duplicates_.fetch_add(1);
    if (absl::Status s = Emit(r, r.document_id()); !s.ok()) return s;
    auto more = merger_->Revise(r);
    if (!more.ok()) return more.status();
    changed->insert(changed->end(), more->begin(), more->end());
  }
  for (const v1::Event& event : *changed) {
    if (absl::Status s = Emit(event, event.id()); !s.ok()) return s;
    events_.fetch_add(1);
  }
  return absl::OkStatus();
}

absl::Status DedupStage::FlushOutput() {
  if (absl::Status s = bus_.Flush(absl::Seconds(60)); !s.ok()) return s;
  if (int n = failed_->exchange(0); n > 0) {
    return absl::UnavailableError(
        absl::StrCat(n, " records not written to ", pipeline::kEventsTopic));
  }
  return absl::OkStatus();
}

}  // namespace frontline::dedup
