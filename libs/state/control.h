// Who claims to hold a place: the latest control claim of each claimant side,
// and whether the claims conflict. Pure logic over a place's events.
#ifndef FRONTLINE_LIBS_STATE_CONTROL_H_
#define FRONTLINE_LIBS_STATE_CONTROL_H_

#include <vector>

#include "frontline/v1/event.pb.h"
#include "frontline/v1/place.pb.h"

namespace frontline::state {

// The side that speaks in `event`: its first claimant's side, else the side
// its sources' affiliations point to, else SIDE_UNSPECIFIED.
v1::Side ClaimantSide(const v1::Event& event);

// Every side that speaks in `event`: its claimants' sides, or, when none has
// one, ClaimantSide(event). An event reported by a ministry and by an analyst
// is a claim of both sides.
std::vector<v1::Side> ClaimantSides(const v1::Event& event);

// From a place's events (any order), for each claimant side its latest
// capture / control / withdrawal event, as a ControlClaim:
//  - an asserted capture or control by side X: "X holds the place";
//  - an asserted withdrawal by side X: "the other side holds it";
//  - a denial of either: the claim with POLARITY_DENIED.
// Newest first.
std::vector<v1::ControlClaim> LatestControlClaims(
    const std::vector<v1::Event>& events);

// True when the claims disagree: two sides are each said to hold the place,
// or a claim that one side holds it is denied.
bool Contested(const std::vector<v1::ControlClaim>& claims);

}  // namespace frontline::state

#endif  // FRONTLINE_LIBS_STATE_CONTROL_H_
