// Puts RawDocuments on the raw topic and waits until every one is durable.
#ifndef FRONTLINE_LIBS_INGEST_PUBLISHER_H_
#define FRONTLINE_LIBS_INGEST_PUBLISHER_H_

#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "frontline/v1/raw_document.pb.h"
#include "libs/bus/bus.h"

namespace frontline::ingest {

// OK once all `docs` are durably on the raw topic; otherwise the first
// error. Ingesters commit their cursors only after OK, so a failure or a
// crash re-sends (with the same ids) rather than loses.
absl::Status PublishRawDocuments(bus::Bus& bus,
                                 const std::vector<v1::RawDocument>& docs,
                                 absl::string_view producer,
                                 absl::Duration timeout = absl::Seconds(60));

}  // namespace frontline::ingest

#endif  // FRONTLINE_LIBS_INGEST_PUBLISHER_H_
