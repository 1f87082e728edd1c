// Internal to the SentenceCoder (sentence_coder*.cc): the tuning constants
// and the small rules more than one of its phases applies.
#ifndef FRONTLINE_LIBS_EXTRACT_CODER_RULES_H_
#define FRONTLINE_LIBS_EXTRACT_CODER_RULES_H_

#include <cstddef>
#include <cstdint>
#include <optional>

#include "frontline/v1/claim.pb.h"
#include "libs/extract/dictionary.h"
#include "libs/gazetteer/gazetteer.h"

namespace frontline::extract {

// How far (bytes) "near" may stand before a place, "direction" after it.
inline constexpr uint32_t kNearGap = 28;

// The longest description set off by commas before "said" (bytes).
inline constexpr size_t kAppositiveMaxBytes = 120;

// The anaphor group a place answers to ("the town", "the plant", "the
// region"), if any.
inline std::optional<AnaphorTarget> AnaphorGroup(gazetteer::PlaceKind kind) {
  switch (kind) {
    case gazetteer::PlaceKind::kCity:
    case gazetteer::PlaceKind::kTown:
    case gazetteer::PlaceKind::kVillage:
      return AnaphorTarget::kSettlement;
    case gazetteer::PlaceKind::kFeature:
      return AnaphorTarget::kFeature;
    case gazetteer::PlaceKind::kRegion:
      return AnaphorTarget::kRegion;
    default:
      return std::nullopt;
  }
}

// An actor's own side, or none when it is relative ("our forces").
inline v1::Side FixedSide(const ActorEntry& a) {
  return a.rule == SideRule::kFixed ? a.side : v1::SIDE_UNSPECIFIED;
}

inline void FillActor(const ActorEntry& a, v1::Side side, v1::Actor* out) {
  out->set_id(a.id);
  out->set_name(a.name);
  out->set_side(side);
  out->set_kind(a.kind);
}

// Actors who report rather than fight.
inline bool IsObserver(v1::ActorKind kind) {
  return kind == v1::ACTOR_KIND_MONITORING_GROUP ||
         kind == v1::ACTOR_KIND_ANALYST || kind == v1::ACTOR_KIND_MEDIA;
}

}  // namespace frontline::extract

#endif  // FRONTLINE_LIBS_EXTRACT_CODER_RULES_H_
