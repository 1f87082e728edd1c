// Events and records for the state tests.
#ifndef FRONTLINE_LIBS_STATE_STATE_TEST_UTIL_H_
#define FRONTLINE_LIBS_STATE_STATE_TEST_UTIL_H_

#include <string>

#include "frontline/v1/event.pb.h"
#include "libs/bus/cloud_events.h"
#include "libs/bus/record.h"

namespace frontline::state::testing {

inline v1::Event MakeEvent(const std::string& id, v1::ClaimType type,
                           v1::Side side, v1::Side claimant_side,
                           const std::string& place, int64_t unix_seconds,
                           v1::Polarity polarity = v1::POLARITY_ASSERTED,
                           uint64_t revision = 1) {
  v1::Event e;
  e.set_id(id);
  e.set_revision(revision);
  e.set_type(type);
  e.set_side(side);
  e.set_polarity(polarity);
  e.set_place_id(place);
  e.mutable_time()->set_seconds(unix_seconds);
  v1::Actor* claimant = e.add_claimants();
  claimant->set_id(claimant_side == v1::SIDE_RUSSIA ? "ru.mod" : "ua.gs");
  claimant->set_side(claimant_side);
  v1::EventSource* source = e.add_sources();
  source->set_document_id("doc-" + id);
  source->set_independent(true);
  e.set_independent_sources(1);
  return e;
}

inline bus::Message EventMessage(const v1::Event& e,
                                 const std::string& topic = "events") {
  bus::Message m{.topic = topic, .key = e.id()};
  e.SerializeToString(&m.value);
  bus::AppendCloudEventHeaders(
      {.id = e.id(), .source = "/test", .type = "frontline.v1.Event"},
      m.headers);
  return m;
}

inline bus::Record EventRecord(const v1::Event& e, int64_t offset,
                               int32_t partition = 0) {
  bus::Message m = EventMessage(e);
  return bus::Record{.topic = "events",
                     .partition = partition,
                     .offset = offset,
                     .key = m.key,
                     .value = m.value,
                     .headers = m.headers};
}

}  // namespace frontline::state::testing

#endif  // FRONTLINE_LIBS_STATE_STATE_TEST_UTIL_H_
