// From a parsed feed item to the `raw` topic's RawDocument, with the
// identities that let downstream stages recognize re-ingested and edited
// items.
#ifndef FRONTLINE_LIBS_FEEDS_RAW_DOCUMENT_H_
#define FRONTLINE_LIBS_FEEDS_RAW_DOCUMENT_H_

#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "frontline/v1/raw_document.pb.h"
#include "frontline/v1/source.pb.h"
#include "libs/feeds/feed_item.h"

namespace frontline::feeds {

// 16 hex digits of XXH3-64 over what a reader of the item sees: title, url,
// author, body and body type. Dates are left out, so a feed that re-stamps
// <updated> without changing the text keeps the hash; any edit of the text
// changes it. Stable across runs, machines and library versions (a change
// of this definition would be a schema change).
std::string ContentHash(const FeedItem& item);

// Fills a RawDocument:
//  - id = pipeline::RawDocumentId (source id, external id, `version`);
//    source = `source`; version = `version`;
//    external_id, url, title, author as in the item;
//  - fetched_time = `fetched`; published_time when the item has a date (left
//    unset otherwise: consumers fall back to fetched_time); edited_time =
//    item.updated only when it is later than published_time (or there is no
//    published time);
//  - body = item.body; content_type "text/html; charset=utf-8" or
//    "text/plain; charset=utf-8" (empty when the item has no body);
//  - format RAW_FORMAT_RSS_ITEM / ATOM_ENTRY / RDF_ITEM / JSON_FEED_ITEM;
//  - attributes: "content_hash" = ContentHash(item), "external_id_origin" =
//    "native" | "link" | "hash", "categories" = categories joined by ", "
//    (when any);
//  - `version` numbers the contents seen of one external id: 1 for the first,
//    the next number for each new content hash (the caller remembers them).
frontline::v1::RawDocument ToRawDocument(const FeedItem& item,
                                         const frontline::v1::Source& source,
                                         absl::Time fetched,
                                         uint32_t version = 1);

}  // namespace frontline::feeds

#endif  // FRONTLINE_LIBS_FEEDS_RAW_DOCUMENT_H_
