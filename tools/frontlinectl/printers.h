// The human-readable output of every query: aligned tables and short
// labelled blocks, in UTF-8, each ending in a newline. Enum values appear by
// their short names (enum_names.h), times in UTC (time_text.h).
#ifndef FRONTLINE_TOOLS_FRONTLINECTL_PRINTERS_H_
#define FRONTLINE_TOOLS_FRONTLINECTL_PRINTERS_H_

#include <functional>
#include <string>

#include "frontline/v1/conflict_state.pb.h"

namespace frontline::ctl {

// The display name of a place id (the id itself when unknown).
using PlaceNamer = std::function<std::string(const std::string& place_id)>;

// The place, CONTESTED or not, each side's latest control claim, the
// timeline newest first.
std::string RenderPlace(const v1::PlaceState& state);

// TIME TYPE SIDE PLACE SOURCES TIER ID, one row per event.
std::string RenderEventsTable(const v1::ListEventsResponse& events,
                              const PlaceNamer& place_name);

// The event and its provenance: every claim (sentence, claimant) and every
// document (source, external id, URL, published time, verdict).
std::string RenderEvent(const v1::GetEventResponse& response,
                        const PlaceNamer& place_name);

// PUBLISHED SOURCE VERDICT DUPLICATE_OF ID TITLE.
std::string RenderDocumentsTable(const v1::ListDocumentsResponse& docs);

// One document's identity, times and verdict.
std::string RenderDocument(const v1::DocumentVerdict& verdict);

// Counts, then lag per partition.
std::string RenderStats(const v1::Stats& stats);

// One line for a watched event (no trailing newline).
std::string RenderWatchLine(const v1::WatchEventsResponse& response,
                            const PlaceNamer& place_name);

// "capture" or "capture (denied)".
std::string TypeWithPolarity(const v1::Event& event);

}  // namespace frontline::ctl

#endif  // FRONTLINE_TOOLS_FRONTLINECTL_PRINTERS_H_
