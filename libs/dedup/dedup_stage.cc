#include "libs/dedup/dedup_stage.h"

#include <filesystem>
#include <utility>

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
  auto ledger = RedeliveryLedger::Open(options.dir + "/ledger", options.window);
  if (!ledger.ok()) return ledger.status();
  auto consumer =
      bus.Subscribe({.group = options.group, .topics = {pipeline::kDocsTopic}});
  if (!consumer.ok()) return consumer.status();
  return std::unique_ptr<DedupStage>(
      new DedupStage(bus, *std::move(dedup), *std::move(merger),
                     *std::move(ledger), *std::move(consumer), options));
}

DedupStage::DedupStage(bus::Bus& bus, std::unique_ptr<Deduplicator> dedup,
                       std::unique_ptr<EventMerger> merger,
                       std::unique_ptr<RedeliveryLedger> ledger,
                       std::unique_ptr<bus::Consumer> consumer,
                       const DedupStageOptions& options)
    : bus_(bus),
      dedup_(std::move(dedup)),
      merger_(std::move(merger)),
      ledger_(std::move(ledger)),
      consumer_(std::move(consumer)),
      dead_letters_(bus,
                    {.topic = pipeline::kDeadLetterTopic, .stage = "dedup"}),
      on_output_(options.on_output),
      on_duplicate_(options.on_duplicate) {
  runner_ = std::make_unique<bus::StageRunner>(
      *consumer_, dead_letters_,
      [this](const bus::Record& r) { return Handle(r); },
      bus::StageOptions{.max_batch = options.max_batch,
                        .before_commit = [this] { return FlushOutput(); },
                        .on_round = options.on_round,
                        .on_lag = options.on_lag});
}

absl::Status DedupStage::Emit(const OutputRecord& record) {
  v1::DocumentVerdict verdict;
  v1::Event event;
  google::protobuf::Message* message = &verdict;
  if (record.type == OutputRecord::Type::kEvent) message = &event;
  if (!message->ParseFromString(record.value)) {
    return absl::DataLossError("dedup: malformed output in the ledger");
  }
  std::shared_ptr<std::atomic<int>> failed = failed_;
  absl::Status s = bus_.Produce(
      pipeline::ProtoMessage(pipeline::kEventsTopic, record.key, *message,
                             "/frontline/dedup", absl::Now()),
      [failed](const bus::DeliveryReport& report) {
        if (!report.status.ok()) failed->fetch_add(1);
      });
  if (s.ok() && record.type == OutputRecord::Type::kEvent) events_.fetch_add(1);
  if (s.ok()) ++produced_;
  return s;
}

absl::StatusOr<std::vector<OutputRecord>> DedupStage::Process(
    const v1::Document& doc, bool recovering) {
  std::vector<OutputRecord> out;
  auto add = [&out](OutputRecord::Type type, const std::string& key,
                    const google::protobuf::Message& m) {
    out.push_back({type, key, m.SerializeAsString()});
  };
  std::vector<v1::DocumentVerdict> revised;
  auto verdict = dedup_->Judge(doc, &revised);
  if (!verdict.ok()) return verdict.status();
  *verdict->mutable_document() = doc;
  if (verdict->verdict() == v1::VERDICT_DUPLICATE) {
    duplicates_.fetch_add(1);
    if (on_duplicate_) on_duplicate_(DuplicateKindName(verdict->kind()));
  }
  add(OutputRecord::Type::kVerdict, doc.id(), *verdict);
  auto changed = merger_->Apply(*verdict);
  if (!changed.ok()) return changed.status();
  for (const v1::DocumentVerdict& r : revised) {
    // A copy judged before its original is found a duplicate now.
    if (r.verdict() == v1::VERDICT_DUPLICATE) {
      duplicates_.fetch_add(1);
      if (on_duplicate_) on_duplicate_(DuplicateKindName(r.kind()));
    }
    add(OutputRecord::Type::kVerdict, r.document_id(), r);
    auto more = merger_->Revise(r);
    if (!more.ok()) return more.status();
    changed->insert(changed->end(), more->begin(), more->end());
  }
  if (recovering) {
    // What the interrupted attempt changed but did not produce.
    std::vector<std::string> ids = {doc.id()};
    for (const v1::DocumentVerdict& r : revised) ids.push_back(r.document_id());
    for (const std::string& id : ids) {
      auto current = merger_->EventsOf(id);
      if (!current.ok()) return current.status();
      changed->insert(changed->end(), current->begin(), current->end());
    }
  }
  for (const v1::Event& event : *changed) {
    add(OutputRecord::Type::kEvent, event.id(), event);
  }
  return out;
}

absl::Status DedupStage::Handle(const bus::Record& record) {
  v1::Document doc;
  if (!doc.ParseFromString(record.value) || doc.id().empty()) {
    return absl::InvalidArgumentError("not a frontline.v1.Document");
  }
  const std::string content_key = doc.content_hash().empty()
                                      ? pipeline::ContentHashHex(absl::StrCat(
                                            doc.title(), "\n", doc.text()))
                                      : doc.content_hash();
  absl::StatusOr<LedgerEntry> entry = ledger_->Get(doc.id());
  if (!entry.ok()) return entry.status();
  using State = LedgerEntry::State;
  const bool same = entry->content_key == content_key;
  // Done, or produced already since the last flush: nothing more to say.
  if (same &&
      (entry->state == State::kDone ||
       (entry->state == State::kPending && unflushed_.contains(doc.id())))) {
    skipped_.fetch_add(1);
    return absl::OkStatus();
  }
  if (entry->state != State::kPending || !same) {
    const bool recovering = entry->state == State::kStarted;
    if (!recovering) {
      LedgerEntry started{.state = State::kStarted, .content_key = content_key};
      if (absl::Status s = ledger_->Put(doc.id(), started); !s.ok()) return s;
    }
    auto outputs = Process(doc, recovering);
    if (!outputs.ok()) return outputs.status();
    *entry = {.state = State::kPending,
              .content_key = content_key,
              .outputs = *std::move(outputs)};
    if (absl::Status s = ledger_->Put(doc.id(), *entry); !s.ok()) return s;
  }
  for (const OutputRecord& r : entry->outputs) {
    if (absl::Status s = Emit(r); !s.ok()) return s;
  }
  unflushed_.insert(doc.id());
  return absl::OkStatus();
}

absl::Status DedupStage::FlushOutput() {
  // On failure the batch is read again and its documents produced again
  // from the ledger, so they are not marked.
  const std::vector<std::string> docs(unflushed_.begin(), unflushed_.end());
  unflushed_.clear();
  const uint64_t produced = std::exchange(produced_, 0);
  if (absl::Status s = bus_.Flush(absl::Seconds(60)); !s.ok()) return s;
  if (int n = failed_->exchange(0); n > 0) {
    return absl::UnavailableError(
        absl::StrCat(n, " records not written to ", pipeline::kEventsTopic));
  }
  if (on_output_ && produced > 0) on_output_(produced);
  return ledger_->MarkDone(docs);
}

}  // namespace frontline::dedup
