#include "libs/feeds/raw_document.h"

#include <xxhash.h>

#include <string>

#include "absl/strings/str_join.h"
#include "google/protobuf/timestamp.pb.h"
#include "libs/feeds/item_identity.h"

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

std::string DocumentId(absl::string_view source_id, const FeedItem& item) {
  const std::string content_hash = ContentHash(item);
  std::string key;
  for (absl::string_view field :
       {source_id, absl::string_view(item.external_id),
        absl::string_view(content_hash)}) {
    const uint64_t size = field.size();
    for (int i = 0; i < 8; ++i)
      key.push_back(static_cast<char>(size >> (8 * i)));
    key.append(field.data(), field.size());
  }
  const XXH128_hash_t hash = XXH3_128bits(key.data(), key.size());
  return Hex64(hash.high64) + Hex64(hash.low64);
}

frontline::v1::RawDocument ToRawDocument(const FeedItem& item,
                                         const frontline::v1::Source& source,
                                         absl::Time fetched) {
  frontline::v1::RawDocument doc;
  doc.set_id(DocumentId(source.id(), item));
  *doc.mutable_source() = source;
  doc.set_external_id(item.external_id);
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
