// The filter flags of `events`, `watch`, `export` and `docs`, as typed on
// the command line, and their translation into requests. Names are checked
// here, before anything is sent: sides (russia|ukraine|neutral), claim types
// (capture,drone_strike,...), dates (see time_text.h), verdicts.
#ifndef FRONTLINE_TOOLS_FRONTLINECTL_QUERY_FILTERS_H_
#define FRONTLINE_TOOLS_FRONTLINECTL_QUERY_FILTERS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "frontline/v1/conflict_state.pb.h"

namespace frontline::ctl {

struct EventFilterFlags {
  std::string place;   // id or any name
  std::string region;  // region id ("ru.kursk"); names are resolved by the
                       // command through GetPlace
  std::string side;
  std::vector<std::string> types;  // each may hold a comma-separated list
  std::string since;
  std::string until;  // a bare date includes that whole day
  unsigned min_sources = 0;
};

// kInvalidArgument naming the bad flag and the accepted values.
absl::StatusOr<v1::EventFilter> MakeEventFilter(const EventFilterFlags& flags);

// Whether `region` is written as a region id (lower-case ASCII with a dot,
// e.g. "ua.donetsk") rather than a name to look up.
bool LooksLikeRegionId(const std::string& region);

struct DocumentFilterFlags {
  std::string source;
  std::string since;
  std::string until;
  std::string verdict;  // new|duplicate|new_version
};

absl::StatusOr<v1::ListDocumentsRequest> MakeDocumentsRequest(
    const DocumentFilterFlags& flags);

}  // namespace frontline::ctl

#endif  // FRONTLINE_TOOLS_FRONTLINECTL_QUERY_FILTERS_H_
