#include "libs/ingest_input/stamp.h"

#include "libs/pipeline/raw_documents.h"

namespace frontline::ingest_input {

void ApplyStamp(const DocumentStamp& stamp, v1::RawDocument* doc) {
  if (!stamp.source_id.empty()) doc->mutable_source()->set_id(stamp.source_id);
  if (stamp.affiliation != v1::AFFILIATION_UNSPECIFIED) {
    doc->mutable_source()->set_affiliation(stamp.affiliation);
  }
  if (!stamp.fetcher.empty()) {
    doc->mutable_provenance()->set_fetcher(stamp.fetcher);
  }
  if (!doc->has_fetched_time()) {
    const int64_t seconds = absl::ToUnixSeconds(stamp.fetched_time);
    doc->mutable_fetched_time()->set_seconds(seconds);
    doc->mutable_fetched_time()->set_nanos(
        static_cast<int32_t>(absl::ToInt64Nanoseconds(
            stamp.fetched_time - absl::FromUnixSeconds(seconds))));
  }
  doc->set_id(pipeline::RawDocumentId(*doc));
}

}  // namespace frontline::ingest_input
