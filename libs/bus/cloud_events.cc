#include "libs/bus/cloud_events.h"

#include "absl/strings/str_cat.h"

namespace frontline::bus {

void AppendCloudEventHeaders(const CloudEvent& event, Headers& headers) {
  headers.push_back({kCeSpecVersion, "1.0"});
  headers.push_back({kCeId, event.id});
  headers.push_back({kCeSource, event.source});
  headers.push_back({kCeType, event.type});
  headers.push_back(
      {kCeTime, absl::FormatTime("%Y-%m-%dT%H:%M:%E*SZ", event.time,
                                 absl::UTCTimeZone())});
  if (!event.content_type.empty()) {
    headers.push_back({kContentType, event.content_type});
  }
}

absl::StatusOr<CloudEvent> ParseCloudEventHeaders(const Headers& headers) {
  auto version = FindHeader(headers, kCeSpecVersion);
  if (!version) {
    return absl::InvalidArgumentError("cloudevents: no ce_specversion header");
  }
  if (*version != "1.0") {
    return absl::InvalidArgumentError(absl::StrCat(
        "cloudevents: unsupported ce_specversion \"", *version, "\""));
  }
  CloudEvent event;
  for (auto [name, field] :
       {std::pair{kCeId, &event.id}, std::pair{kCeSource, &event.source},
        std::pair{kCeType, &event.type}}) {
    auto value = FindHeader(headers, name);
    if (!value || value->empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("cloudevents: missing required header ", name));
    }
    *field = std::string(*value);
  }
  if (auto time = FindHeader(headers, kCeTime)) {
    std::string error;
    if (!absl::ParseTime(absl::RFC3339_full, *time, &event.time, &error)) {
      return absl::InvalidArgumentError(
          absl::StrCat("cloudevents: ce_time \"", *time, "\": ", error));
    }
  }
  auto content_type = FindHeader(headers, kContentType);
  event.content_type = content_type ? std::string(*content_type) : "";
  return event;
}

}  // namespace frontline::bus
