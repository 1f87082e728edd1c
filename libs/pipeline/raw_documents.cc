#include "libs/pipeline/raw_documents.h"

#include <xxhash.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "libs/bus/cloud_events.h"
#include "libs/pipeline/topics.h"

namespace frontline::pipeline {

std::string RawDocumentId(const v1::RawDocument& doc) {
  std::string material;
  // Length-prefixed, so ("ab","c") and ("a","bc") differ.
  for (absl::string_view part : {absl::string_view(doc.source().id()),
                                 absl::string_view(doc.external_id())}) {
    absl::StrAppend(&material, part.size(), ":", part, ";");
  }
  absl::StrAppend(&material, "v", doc.version());
  if (doc.external_id().empty()) material.append(doc.body());
  return absl::StrFormat("%016x",
                         XXH3_64bits(material.data(), material.size()));
}

std::string ContentHashHex(absl::string_view bytes) {
  return absl::StrFormat("%016x", XXH3_64bits(bytes.data(), bytes.size()));
}

absl::Status ValidateRawDocument(const v1::RawDocument& doc,
                                 size_t max_body_bytes) {
  if (doc.source().id().empty()) {
    return absl::InvalidArgumentError("raw document: source.id is required");
  }
  if (doc.external_id().empty() && doc.body().empty()) {
    return absl::InvalidArgumentError(
        "raw document: needs an external_id or a body");
  }
  if (doc.body().size() > max_body_bytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("raw document: body of ", doc.body().size(),
                     " bytes exceeds the limit of ", max_body_bytes));
  }
  if (!doc.id().empty() && doc.id() != RawDocumentId(doc)) {
    return absl::InvalidArgumentError(
        absl::StrCat("raw document: id ", doc.id(),
                     " is not the id of its source, external id and version"));
  }
  return absl::OkStatus();
}

bus::Message ProtoMessage(absl::string_view topic, absl::string_view key,
                          const google::protobuf::Message& message,
                          absl::string_view source, absl::Time time) {
  bus::Message out{.topic = std::string(topic), .key = std::string(key)};
  message.SerializeToString(&out.value);
  bus::AppendCloudEventHeaders({.id = std::string(key),
                                .source = std::string(source),
                                .type = message.GetTypeName(),
                                .time = time},
                               out.headers);
  return out;
}

bus::Message RawDocumentMessage(const v1::RawDocument& doc,
                                absl::string_view source) {
  absl::Time time = absl::Now();
  if (doc.has_fetched_time()) {
    time = absl::FromUnixSeconds(doc.fetched_time().seconds()) +
           absl::Nanoseconds(doc.fetched_time().nanos());
  }
  return ProtoMessage(kRawTopic, doc.id(), doc, source, time);
}

}  // namespace frontline::pipeline
