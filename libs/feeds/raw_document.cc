#include "libs/feeds/raw_document.h"

#include <string>

#include "absl/strings/str_join.h"
#include "google/protobuf/timestamp.pb.h"
#include "libs/feeds/item_identity.h"
#include "libs/pipeline/raw_documents.h"

namespace frontline::feeds {
namespace {

void SetTimestamp(absl::Time time, google::protobuf::Timestamp* out) {
  const int64_t seconds = absl::ToUnixSeconds(time);
  out->set_seconds(seconds);
  out->set_nanos(static_cast<int32_t>(
      absl::ToInt64Nanoseconds(time - absl::FromUnixSeconds(seconds))));
}

frontline::v1::RawFormat RawFormatOf(FeedFormat format) {
  switch (format) {
    case FeedFormat::kRss2:
      return frontline::v1::RAW_FORMAT_RSS_ITEM;
    case FeedFormat::kAtom:
      return frontline::v1::RAW_FORMAT_ATOM_ENTRY;
    case FeedFormat::kRdf:
      return frontline::v1::RAW_FORMAT_RDF_ITEM;
    case FeedFormat::kJsonFeed:
      return frontline::v1::RAW_FORMAT_JSON_FEED_ITEM;
    case FeedFormat::kUnknown:
      break;
  }
  return frontline::v1::RAW_FORMAT_UNSPECIFIED;
}

const char* OriginName(ExternalIdOrigin origin) {
  switch (origin) {
    case ExternalIdOrigin::kNative:
      return "native";
    case ExternalIdOrigin::kLink:
      return "link";
    case ExternalIdOrigin::kHash:
      return "hash";
  }
  return "native";
}

const char* BodyTypeName(BodyType type) {
  switch (type) {
    case BodyType::kHtml:
      return "html";
    case BodyType::kText:
      return "text";
    case BodyType::kNone:
      break;
  }
  return "none";
}

}  // namespace

std::string ContentHash(const FeedItem& item) {
  return Hex64(HashFields({item.title, item.url, item.author, item.body,
                           BodyTypeName(item.body_type)}));
}

frontline::v1::RawDocument ToRawDocument(const FeedItem& item,
                                         const frontline::v1::Source& source,
                                         absl::Time fetched, uint32_t version) {
  frontline::v1::RawDocument doc;
  *doc.mutable_source() = source;
  doc.set_external_id(item.external_id);
  doc.set_version(version);
  doc.set_id(pipeline::RawDocumentId(doc));
  doc.set_url(item.url);
  SetTimestamp(fetched, doc.mutable_fetched_time());
  if (item.published)
    SetTimestamp(*item.published, doc.mutable_published_time());
  if (item.updated && (!item.published || *item.updated > *item.published)) {
    SetTimestamp(*item.updated, doc.mutable_edited_time());
  }
  switch (item.body_type) {
    case BodyType::kHtml:
      doc.set_content_type("text/html; charset=utf-8");
      break;
    case BodyType::kText:
      doc.set_content_type("text/plain; charset=utf-8");
      break;
    case BodyType::kNone:
      break;
  }
  doc.set_format(RawFormatOf(item.format));
  doc.set_body(item.body);
  doc.set_title(item.title);
  doc.set_author(item.author);
  auto& attributes = *doc.mutable_attributes();
  attributes["content_hash"] = ContentHash(item);
  attributes["external_id_origin"] = OriginName(item.external_id_origin);
  if (!item.categories.empty()) {
    attributes["categories"] = absl::StrJoin(item.categories, ", ");
  }
  return doc;
}

}  // namespace frontline::feeds
