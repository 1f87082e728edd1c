#include "libs/state/control.h"

#include <algorithm>
#include <map>

namespace frontline::state {
namespace {

v1::Side SideOfAffiliation(v1::Affiliation a) {
  switch (a) {
    case v1::AFFILIATION_RUSSIAN_STATE:
    case v1::AFFILIATION_RUSSIAN_MILBLOGGER:
      return v1::SIDE_RUSSIA;
    case v1::AFFILIATION_UKRAINIAN_OFFICIAL:
    case v1::AFFILIATION_UKRAINIAN_MONITORING:
    case v1::AFFILIATION_UKRAINIAN_MEDIA:
      return v1::SIDE_UKRAINE;
    case v1::AFFILIATION_INDEPENDENT:
    case v1::AFFILIATION_INTERNATIONAL_PRESS:
    case v1::AFFILIATION_ANALYST:
    case v1::AFFILIATION_RUSSIAN_INDEPENDENT:
      return v1::SIDE_NEUTRAL;
    default:
      return v1::SIDE_UNSPECIFIED;
  }
}

bool IsControlType(v1::ClaimType type) {
  return type == v1::CLAIM_TYPE_CAPTURE || type == v1::CLAIM_TYPE_CONTROL ||
         type == v1::CLAIM_TYPE_WITHDRAWAL;
}

int64_t Micros(const google::protobuf::Timestamp& t) {
  return t.seconds() * 1'000'000 + t.nanos() / 1000;
}

int64_t EventMicros(const v1::Event& e) {
  return Micros(e.has_time() ? e.time() : e.first_reported_time());
}

v1::Side Other(v1::Side side) {
  if (side == v1::SIDE_RUSSIA) return v1::SIDE_UKRAINE;
  if (side == v1::SIDE_UKRAINE) return v1::SIDE_RUSSIA;
  return v1::SIDE_UNSPECIFIED;
}

}  // namespace

v1::Side ClaimantSide(const v1::Event& event) {
  for (const v1::Actor& claimant : event.claimants()) {
    if (claimant.side() != v1::SIDE_UNSPECIFIED) return claimant.side();
  }
  for (const v1::EventSource& source : event.sources()) {
    if (source.has_claimant() &&
        source.claimant().side() != v1::SIDE_UNSPECIFIED) {
      return source.claimant().side();
    }
    v1::Side side = SideOfAffiliation(source.source().affiliation());
    if (side != v1::SIDE_UNSPECIFIED) return side;
  }
  return v1::SIDE_UNSPECIFIED;
}

std::vector<v1::Side> ClaimantSides(const v1::Event& event) {
  std::vector<v1::Side> sides;
  for (const v1::Actor& claimant : event.claimants()) {
    if (claimant.side() != v1::SIDE_UNSPECIFIED &&
        std::find(sides.begin(), sides.end(), claimant.side()) == sides.end()) {
      sides.push_back(claimant.side());
    }
  }
  if (sides.empty()) sides.push_back(ClaimantSide(event));
  return sides;
}

std::vector<v1::ControlClaim> LatestControlClaims(
    const std::vector<v1::Event>& events) {
  std::map<v1::Side, const v1::Event*> latest;
  for (const v1::Event& e : events) {
    if (!IsControlType(e.type())) continue;
    for (v1::Side speaker : ClaimantSides(e)) {
      const v1::Event*& slot = latest[speaker];
      if (slot == nullptr || EventMicros(e) > EventMicros(*slot) ||
          (EventMicros(e) == EventMicros(*slot) && e.id() > slot->id())) {
        slot = &e;
      }
    }
  }
  std::vector<v1::ControlClaim> claims;
  for (const auto& [speaker, e] : latest) {
    v1::ControlClaim& c = claims.emplace_back();
    c.set_claimant_side(speaker);
    c.set_controller(e->type() == v1::CLAIM_TYPE_WITHDRAWAL ? Other(e->side())
                                                            : e->side());
    c.set_polarity(e->polarity());
    for (const v1::Actor& claimant : e->claimants()) {
      if (claimant.side() == speaker) {
        *c.mutable_claimant() = claimant;
        break;
      }
    }
    if (!c.has_claimant() && !e->claimants().empty()) {
      *c.mutable_claimant() = e->claimants(0);
    }
    *c.mutable_time() = e->has_time() ? e->time() : e->first_reported_time();
    c.set_event_id(e->id());
    *c.mutable_sources() = e->sources();
    c.set_type(e->type());
  }
  std::sort(claims.begin(), claims.end(), [](const auto& a, const auto& b) {
    return Micros(a.time()) > Micros(b.time());
  });
  return claims;
}

bool Contested(const std::vector<v1::ControlClaim>& claims) {
  v1::Side held_by = v1::SIDE_UNSPECIFIED;
  for (const v1::ControlClaim& c : claims) {
    if (c.polarity() == v1::POLARITY_DENIED) return true;
    if (c.controller() == v1::SIDE_UNSPECIFIED) continue;
    if (held_by != v1::SIDE_UNSPECIFIED && held_by != c.controller()) {
      return true;
    }
    held_by = c.controller();
  }
  return false;
}

}  // namespace frontline::state
