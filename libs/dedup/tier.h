// Corroboration of an event, derived from its sources alone.
#ifndef FRONTLINE_LIBS_DEDUP_TIER_H_
#define FRONTLINE_LIBS_DEDUP_TIER_H_

#include "frontline/v1/event.pb.h"

namespace frontline::dedup {

// Recomputes, from `event.sources`:
//   - EventSource.independent: sources are grouped by lineage (duplicate_of
//     when set, else the document itself); only the earliest of a lineage
//     (published time, then document id) is independent, so a forward,
//     republication or paraphrase of another supporting document is not a
//     second witness.
//   - independent_sources: distinct Source ids among independent sources.
//   - tier: SINGLE_SOURCE for one; CONFIRMED when independent sources
//     include both a Russian-aligned (state, milblogger) and a
//     Ukrainian-aligned (official, monitoring, media) affiliation, or a
//     neutral one (independent, Russian independent, international press,
//     analyst) plus either side; else CORROBORATED for two or more;
//     UNSPECIFIED for none.
void RecomputeCorroboration(v1::Event& event);

}  // namespace frontline::dedup

#endif  // FRONTLINE_LIBS_DEDUP_TIER_H_
