// A record of the docs topic as the dedup stage handles it: the bytes parsed
// as a Document, judged by the Deduplicator, its verdict and the revised ones
// folded into events by the EventMerger. The stores live in one scratch
// directory, started afresh every kInputsPerStore inputs so that they stay
// small; an input's outcome may thus depend on the few before it.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <vector>

#include "frontline/v1/document.pb.h"
#include "libs/dedup/deduplicator.h"
#include "libs/dedup/event_merger.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

constexpr int kInputsPerStore = 2000;

struct Stores {
  Stores() {
    auto opened_dedup =
        frontline::dedup::Deduplicator::Open({.dir = dir.path() + "/index"});
    frontline::fuzz::Check(opened_dedup.ok(), "deduplicator open");
    dedup = *std::move(opened_dedup);
    auto opened_merger =
        frontline::dedup::EventMerger::Open({.dir = dir.path() + "/events"});
    frontline::fuzz::Check(opened_merger.ok(), "event merger open");
    merger = *std::move(opened_merger);
  }

  frontline::fuzz::ScratchDir dir;
  std::unique_ptr<frontline::dedup::Deduplicator> dedup;
  std::unique_ptr<frontline::dedup::EventMerger> merger;
  int inputs = 0;
};

Stores& TheStores() {
  // Closed by an exit handler registered after the first open: RocksDB
  // makes static objects while opening, and a Stores destroyed after them (as
  // a static of this function would be) frees memory they no longer own.
  static Stores* stores = nullptr;
  if (stores == nullptr || stores->inputs >= kInputsPerStore) {
    const bool first = stores == nullptr;
    delete stores;
    stores = new Stores();
    if (first) {
      std::atexit([] {
        delete stores;
        stores = nullptr;
      });
    }
  }
  ++stores->inputs;
  return *stores;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace frontline;
  static const bool quiet = (fuzz::QuietProtobufLogs(), true);
  (void)quiet;
  v1::Document doc;
  if (!doc.ParseFromArray(data, static_cast<int>(size)) || doc.id().empty()) {
    return 0;
  }
  Stores& stores = TheStores();
  std::vector<v1::DocumentVerdict> revised;
  auto verdict = stores.dedup->Judge(doc, &revised);
  if (!verdict.ok()) return 0;
  fuzz::Check(verdict->document_id() == doc.id(), "verdict of another id");
  *verdict->mutable_document() = doc;
  fuzz::CheckRoundTrip(*verdict, "DocumentVerdict");
  auto changed = stores.merger->Apply(*verdict);
  if (!changed.ok()) return 0;
  for (const v1::DocumentVerdict& r : revised) {
    fuzz::CheckRoundTrip(r, "revised DocumentVerdict");
    auto more = stores.merger->Revise(r);
    if (!more.ok()) return 0;
    changed->insert(changed->end(), more->begin(), more->end());
  }
  for (const v1::Event& event : *changed) {
    fuzz::Check(!event.id().empty() && event.revision() >= 1,
                "event without id or revision");
    fuzz::CheckRoundTrip(event, "Event");
  }
  return 0;
}
