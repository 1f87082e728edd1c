// CloudEvents 1.0 in Kafka binary mode: the event's attributes travel as
// record headers (ce_specversion, ce_id, ce_source, ce_type, ce_time,
// content-type) and the record value is the event data.
#ifndef FRONTLINE_LIBS_BUS_CLOUD_EVENTS_H_
#define FRONTLINE_LIBS_BUS_CLOUD_EVENTS_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/bus/record.h"

namespace frontline::bus {

inline constexpr char kCeSpecVersion[] = "ce_specversion";
inline constexpr char kCeId[] = "ce_id";
inline constexpr char kCeSource[] = "ce_source";
inline constexpr char kCeType[] = "ce_type";
inline constexpr char kCeTime[] = "ce_time";
inline constexpr char kContentType[] = "content-type";

// The content type of a protobuf record value.
inline constexpr char kProtobufContentType[] = "application/protobuf";

struct CloudEvent {
  std::string id;  // unique per source, e.g. the document id
  std::string
      source;  // URI-reference of the producer, e.g. "/frontline/normalize"
  std::string type;  // the value's message type, e.g. "frontline.v1.Document"
  absl::Time time = absl::UnixEpoch();
  std::string content_type = kProtobufContentType;
};

// Appends the event's headers (time as RFC 3339 UTC) to `headers`.
void AppendCloudEventHeaders(const CloudEvent& event, Headers& headers);

// Reads the headers back. kInvalidArgument, naming the attribute, when a
// required one (specversion 1.0, id, source, type) is missing or malformed.
absl::StatusOr<CloudEvent> ParseCloudEventHeaders(const Headers& headers);

}  // namespace frontline::bus

#endif  // FRONTLINE_LIBS_BUS_CLOUD_EVENTS_H_
