// Applying a DocumentStamp to a finished RawDocument.
#ifndef FRONTLINE_LIBS_INGEST_INPUT_STAMP_H_
#define FRONTLINE_LIBS_INGEST_INPUT_STAMP_H_

#include "frontline/v1/raw_document.pb.h"
#include "libs/ingest_input/origin.h"

namespace frontline::ingest_input {

// Sets the stamp's source id (when set), affiliation (when specified),
// fetcher and fetched time on `doc`, then gives it its
// pipeline::RawDocumentId: call it last.
void ApplyStamp(const DocumentStamp& stamp, v1::RawDocument* doc);

}  // namespace frontline::ingest_input

#endif  // FRONTLINE_LIBS_INGEST_INPUT_STAMP_H_
