// A plain text file or an HTML page as one RawDocument.
#ifndef FRONTLINE_LIBS_INGEST_INPUT_WHOLE_DOCUMENT_H_
#define FRONTLINE_LIBS_INGEST_INPUT_WHOLE_DOCUMENT_H_

#include <string>

#include "frontline/v1/raw_document.pb.h"
#include "libs/ingest_input/input_format.h"
#include "libs/ingest_input/origin.h"

namespace frontline::ingest_input {

// The whole of `body` as one document (`format` is kHtml or kText):
//  - source: id WholeInputSourceId(origin) unless stamp.source_id is set;
//    kind SOURCE_KIND_WEB for URLs, SOURCE_KIND_UPLOAD for files; url the
//    page; affiliation from the stamp;
//  - external_id the URL as given or the absolute path; version 1; id
//    pipeline::RawDocumentId, so ingesting the same input twice yields the
//    same id;
//  - format RAW_FORMAT_HTML or RAW_FORMAT_PLAIN_TEXT; content_type the
//    server's for URLs, else "text/html" or "text/plain", with
//    "; charset=utf-8" when the body is valid UTF-8;
//  - title the HTML <title>, when there is one; url the final URL;
//  - provenance: fetcher, and fetch_url (URLs) or import_file (files);
//    fetched_time from the stamp.
v1::RawDocument MakeWholeDocument(std::string body, InputFormat format,
                                  const InputOrigin& origin,
                                  const DocumentStamp& stamp);

}  // namespace frontline::ingest_input

#endif  // FRONTLINE_LIBS_INGEST_INPUT_WHOLE_DOCUMENT_H_
