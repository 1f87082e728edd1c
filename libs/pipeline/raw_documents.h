// RawDocuments on the bus: their deterministic ids and the records that
// carry them.
#ifndef FRONTLINE_LIBS_PIPELINE_RAW_DOCUMENTS_H_
#define FRONTLINE_LIBS_PIPELINE_RAW_DOCUMENTS_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "frontline/v1/raw_document.pb.h"
#include "google/protobuf/message.h"
#include "libs/bus/record.h"

namespace frontline::pipeline {

// 16 hex digits of XXH3-64 over source id, external id and version: the same
// item at the same version always gets the same id.
std::string RawDocumentId(const v1::RawDocument& doc);

// 16 hex digits of XXH3-64 of `bytes`: the content hashes ingesters keep to
// tell an edit from a repeat.
std::string ContentHashHex(absl::string_view bytes);

// kInvalidArgument, naming the field, when the document cannot enter the
// pipeline: no source id, no external id nor body, a body over
// `max_body_bytes`, or an id that does not match RawDocumentId.
absl::Status ValidateRawDocument(const v1::RawDocument& doc,
                                 size_t max_body_bytes);

// A record carrying `message` on `topic`: key `key`, value the serialized
// message, CloudEvents headers with ce_type the message's full type name
// ("frontline.v1.Document"), ce_id `key`, ce_source `source`, ce_time `time`.
bus::Message ProtoMessage(absl::string_view topic, absl::string_view key,
                          const google::protobuf::Message& message,
                          absl::string_view source, absl::Time time);

// The record for the raw topic: key = id, CloudEvents headers, value = the
// serialized document. `source` is the producing component, e.g.
// "/frontline/ingest".
bus::Message RawDocumentMessage(const v1::RawDocument& doc,
                                absl::string_view source);

}  // namespace frontline::pipeline

#endif  // FRONTLINE_LIBS_PIPELINE_RAW_DOCUMENTS_H_
