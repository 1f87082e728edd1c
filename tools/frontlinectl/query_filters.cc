#include "tools/frontlinectl/query_filters.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "tools/frontlinectl/enum_names.h"
#include "tools/frontlinectl/time_text.h"

namespace frontline::ctl {
namespace {

absl::Status Flag(const char* flag, const absl::Status& status) {
  return absl::InvalidArgumentError(absl::StrCat(flag, ": ", status.message()));
}

// Sets `since` and `until` on `out` through the setters given.
template <typename SetSince, typename SetUntil>
absl::Status ParseRange(const std::string& since, const std::string& until,
                        SetSince set_since, SetUntil set_until) {
  if (!since.empty()) {
    auto t = ParseTimeFlag(since, DayEnd::kStart);
    if (!t.ok()) return Flag("--since", t.status());
    set_since(*t);
  }
  if (!until.empty()) {
    auto t = ParseTimeFlag(until, DayEnd::kEnd);
    if (!t.ok()) return Flag("--until", t.status());
    set_until(*t);
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::EventFilter> MakeEventFilter(const EventFilterFlags& flags) {
  v1::EventFilter filter;
  filter.set_place(flags.place);
  filter.set_region_id(flags.region);
  if (!flags.side.empty()) {
    auto side = ParseShortName<v1::Side>(flags.side);
    if (!side.ok()) return Flag("--side", side.status());
    filter.set_side(*side);
  }
  for (const std::string& list : flags.types) {
    for (absl::string_view name :
         absl::StrSplit(list, ',', absl::SkipWhitespace())) {
      auto type = ParseShortName<v1::ClaimType>(name);
      if (!type.ok()) return Flag("--type", type.status());
      filter.add_types(*type);
    }
  }
  absl::Status range = ParseRange(
      flags.since, flags.until,
      [&](const auto& t) { *filter.mutable_since() = t; },
      [&](const auto& t) { *filter.mutable_until() = t; });
  if (!range.ok()) return range;
  filter.set_min_independent_sources(flags.min_sources);
  return filter;
}

bool LooksLikeRegionId(const std::string& region) {
  if (region.find('.') == std::string::npos) return false;
  for (char c : region) {
    if (!(absl::ascii_islower(c) || absl::ascii_isdigit(c) || c == '.' ||
          c == '_' || c == '-')) {
      return false;
    }
  }
  return true;
}

absl::StatusOr<v1::ListDocumentsRequest> MakeDocumentsRequest(
    const DocumentFilterFlags& flags) {
  v1::ListDocumentsRequest request;
  request.set_source_id(flags.source);
  if (!flags.verdict.empty()) {
    auto verdict = ParseShortName<v1::Verdict>(flags.verdict);
    if (!verdict.ok()) return Flag("--verdict", verdict.status());
    request.set_verdict(*verdict);
  }
  absl::Status range = ParseRange(
      flags.since, flags.until,
      [&](const auto& t) { *request.mutable_since() = t; },
      [&](const auto& t) { *request.mutable_until() = t; });
  if (!range.ok()) return range;
  return request;
}

}  // namespace frontline::ctl
