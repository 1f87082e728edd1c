// A batch of events-topic records as the state stage applies them to the
// view, with the updater's fallback: a batch refused as undecodable is
// applied one record at a time, skipping the bad ones. Then the queries
// that read what was applied.
//
// Input: records, each one byte of type (0: frontline.v1.Event,
// 1: frontline.v1.DocumentVerdict, else another ce_type), two bytes of
// little-endian length, then that many bytes of value (cut short at the
// end of the input); at most kMaxRecords. The view lives in one scratch
// directory, started afresh every kInputsPerView inputs.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <vector>

#include "absl/time/time.h"
#include "frontline/v1/event.pb.h"
#include "libs/bus/cloud_events.h"
#include "libs/bus/record.h"
#include "libs/gazetteer/gazetteer.h"
#include "libs/state/state_view.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

constexpr int kInputsPerView = 2000;
constexpr size_t kMaxRecords = 16;

const frontline::gazetteer::Gazetteer& Places() {
  static const frontline::gazetteer::Gazetteer* places = [] {
    auto loaded = frontline::gazetteer::Gazetteer::Load(
        frontline::fuzz::SourcePath("libs/gazetteer/data/places.tsv"));
    frontline::fuzz::Check(loaded.ok(), "gazetteer load");
    return new frontline::gazetteer::Gazetteer(*std::move(loaded));
  }();
  return *places;
}

struct View {
  View() {
    auto opened = frontline::state::StateView::Open(dir.path(), &Places());
    frontline::fuzz::Check(opened.ok(), "state view open");
    view = *std::move(opened);
  }
  frontline::fuzz::ScratchDir dir;
  std::unique_ptr<frontline::state::StateView> view;
  int inputs = 0;
  int64_t next_offset = 0;
};

View& TheView() {
  // Closed by an exit handler registered after the first open: RocksDB
  // makes static objects while opening, and a View destroyed after them (as
  // a static of this function would be) frees memory they no longer own.
  static View* view = nullptr;
  if (view == nullptr || view->inputs >= kInputsPerView) {
    const bool first = view == nullptr;
    delete view;
    view = new View();
    if (first) {
      std::atexit([] {
        delete view;
        view = nullptr;
      });
    }
  }
  ++view->inputs;
  return *view;
}

std::vector<frontline::bus::Record> Decode(const uint8_t* data, size_t size,
                                           View& view) {
  static constexpr const char* kTypes[] = {"frontline.v1.Event",
                                           "frontline.v1.DocumentVerdict",
                                           "frontline.v1.Document"};
  std::vector<frontline::bus::Record> records;
  size_t i = 0;
  while (i + 3 <= size && records.size() < kMaxRecords) {
    const uint8_t type = data[i];
    size_t length = data[i + 1] | (size_t{data[i + 2]} << 8);
    i += 3;
    if (length > size - i) length = size - i;
    frontline::bus::Record& r = records.emplace_back();
    r.topic = "events";
    r.partition = type >> 4 & 3;
    r.offset = view.next_offset++;
    r.value.assign(reinterpret_cast<const char*>(data + i), length);
    r.headers.push_back(
        {frontline::bus::kCeType, kTypes[std::min(type & 3, 2)]});
    i += length;
  }
  return records;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace frontline;
  static const bool quiet = (fuzz::QuietProtobufLogs(), true);
  (void)quiet;
  View& view = TheView();
  const std::vector<bus::Record> records = Decode(data, size, view);
  if (records.empty()) return 0;
  state::StateView& v = *view.view;
  absl::Status applied = v.Apply(records);
  if (absl::IsInvalidArgument(applied)) {
    for (const bus::Record& r : records) {
      absl::Status one = v.Apply({r});
      if (absl::IsInvalidArgument(one)) one = v.SkipRecord(r);
      fuzz::Check(one.ok(), "apply or skip of one record failed");
    }
  } else {
    fuzz::Check(applied.ok(), "apply failed other than kInvalidArgument");
  }
  auto offsets = v.Offsets("events");
  fuzz::Check(offsets.ok(), "offsets");
  for (const bus::Record& r : records) {
    if (r.headers[0].value != std::string("frontline.v1.Event")) continue;
    v1::Event e;
    if (!e.ParseFromString(r.value) || e.id().empty()) continue;
    fuzz::Check(v.GetEvent(e.id()).ok(), "applied event not found");
    if (!e.place_id().empty()) (void)v.GetPlace(e.place_id());
  }
  v1::EventFilter filter;
  fuzz::Check(v.ListEvents(filter, {.size = 5}).ok(), "list events");
  fuzz::Check(v.GetStats().ok(), "stats");
  (void)v.EventsAfter(0, 5, absl::ZeroDuration());
  return 0;
}
