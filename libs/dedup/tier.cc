#include "libs/dedup/tier.h"

#include <string>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"

namespace frontline::dedup {
namespace {

enum class Alignment { kUnknown, kRussian, kUkrainian, kNeutral };

Alignment AlignmentOf(v1::Affiliation a) {
  switch (a) {
    case v1::AFFILIATION_RUSSIAN_STATE:
    case v1::AFFILIATION_RUSSIAN_MILBLOGGER:
      return Alignment::kRussian;
    case v1::AFFILIATION_UKRAINIAN_OFFICIAL:
    case v1::AFFILIATION_UKRAINIAN_MONITORING:
    case v1::AFFILIATION_UKRAINIAN_MEDIA:
      return Alignment::kUkrainian;
    case v1::AFFILIATION_INDEPENDENT:
    case v1::AFFILIATION_INTERNATIONAL_PRESS:
    case v1::AFFILIATION_ANALYST:
    case v1::AFFILIATION_RUSSIAN_INDEPENDENT:
      return Alignment::kNeutral;
    default:
      return Alignment::kUnknown;
  }
}

auto Order(const v1::EventSource& s) {
  return std::make_tuple(s.published_time().seconds(),
                         s.published_time().nanos(), s.document_id());
}

}  // namespace

void RecomputeCorroboration(v1::Event& event) {
  absl::flat_hash_map<std::string, int> first_of_lineage;
  for (int i = 0; i < event.sources_size(); ++i) {
    const v1::EventSource& s = event.sources(i);
    const std::string lineage =
        s.duplicate_of().empty() ? s.document_id() : s.duplicate_of();
    auto [it, inserted] = first_of_lineage.try_emplace(lineage, i);
    if (!inserted && Order(s) < Order(event.sources(it->second))) {
      it->second = i;
    }
  }
  absl::flat_hash_set<int> independent;
  for (const auto& [lineage, i] : first_of_lineage) independent.insert(i);

  absl::flat_hash_set<std::string> sources;
  bool russian = false, ukrainian = false, neutral = false;
  for (int i = 0; i < event.sources_size(); ++i) {
    v1::EventSource* s = event.mutable_sources(i);
    s->set_independent(independent.contains(i));
    if (!s->independent()) continue;
    sources.insert(s->source().id());
    switch (AlignmentOf(s->source().affiliation())) {
      case Alignment::kRussian:
        russian = true;
        break;
      case Alignment::kUkrainian:
        ukrainian = true;
        break;
      case Alignment::kNeutral:
        neutral = true;
        break;
      case Alignment::kUnknown:
        break;
    }
  }
  event.set_independent_sources(static_cast<uint32_t>(sources.size()));
  if (sources.empty()) {
    event.set_tier(v1::CORROBORATION_TIER_UNSPECIFIED);
  } else if ((russian && ukrainian) || (neutral && (russian || ukrainian))) {
    event.set_tier(v1::CORROBORATION_TIER_CONFIRMED);
  } else if (sources.size() >= 2) {
    event.set_tier(v1::CORROBORATION_TIER_CORROBORATED);
  } else {
    event.set_tier(v1::CORROBORATION_TIER_SINGLE_SOURCE);
  }
}

}  // namespace frontline::dedup
