// Telling an input's format from its first bytes.
#ifndef FRONTLINE_LIBS_INGEST_INPUT_DETECT_H_
#define FRONTLINE_LIBS_INGEST_INPUT_DETECT_H_

#include <cstddef>

#include "absl/strings/string_view.h"
#include "libs/ingest_input/input_format.h"

namespace frontline::ingest_input {

// How many leading bytes DetectFormat needs to decide as well as it can.
inline constexpr size_t kDetectionBytes = 64 << 10;

// Decides the format from `head`, the first bytes of the input (any length;
// a head cut short mid-token is fine). Nothing is parsed in full and nothing
// is fetched. The content decides; `name_hint` (a file name or URL path)
// only tips markup or text that could be either toward kHtml when it ends in
// ".html" or ".htm".
//  - A JSON object whose top level holds "messages" (an array) beside "name"
//    or "type": kTelegramExport. One holding "ok" and "result" (an array):
//    kBotApi. One whose "version" begins "https://jsonfeed.org/version/1":
//    kJsonFeed. Any other JSON: kUnknown.
//  - Markup whose first element is <rss>, <feed> or <rdf:RDF>: kRss, kAtom,
//    kRdf (UTF-8 and UTF-16 byte order marks are understood). HTML holding
//    "tgme_widget_message": kPreview; other HTML: kHtml. Other XML: kUnknown.
//  - Empty or blank input and input holding NUL bytes: kUnknown. Anything
//    else: kText.
InputFormat DetectFormat(absl::string_view head,
                         absl::string_view name_hint = {});

}  // namespace frontline::ingest_input

#endif  // FRONTLINE_LIBS_INGEST_INPUT_DETECT_H_
