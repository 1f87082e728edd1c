#include "tools/frontlinectl/export_rows.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "tools/frontlinectl/csv.h"
#include "tools/frontlinectl/enum_names.h"
#include "tools/frontlinectl/time_text.h"

namespace frontline::ctl {
namespace {

constexpr char kBattles[] = "Battles";
constexpr char kRemote[] = "Explosions/Remote violence";
constexpr char kStrategic[] = "Strategic developments";

const std::vector<std::string>& Columns() {
  static const auto* columns = new std::vector<std::string>{
      "event_id_cnty",  "event_date",    "event_type",
      "sub_event_type", "actor1",        "side",
      "admin1",         "location",      "latitude",
      "longitude",      "geo_precision", "time_precision",
      "source",         "notes",         "independent_sources",
      "tier",           "claim_type",    "polarity",
      "event_id",       "place_id"};
  return *columns;
}

std::string Coordinate(const std::optional<double>& value) {
  return value ? absl::StrFormat("%.6f", *value) : "";
}

std::string Number(const std::optional<int>& value) {
  return value ? absl::StrCat(*value) : "";
}

std::string SourceNames(const v1::Event& event) {
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (const v1::EventSource& s : event.sources()) {
    std::string name = !s.source().name().empty() ? s.source().name()
                       : !s.source().id().empty() ? s.source().id()
                                                  : s.document_id();
    if (!name.empty() && seen.insert(name).second) names.push_back(name);
  }
  return absl::StrJoin(names, "; ");
}

std::string ActorName(const v1::Event& event) {
  if (!event.actor().name().empty()) return event.actor().name();
  if (!event.actor().id().empty()) return event.actor().id();
  return ShortName(event.side());
}

}  // namespace

AcledType AcledTypeOf(v1::ClaimType type) {
  switch (type) {
    case v1::CLAIM_TYPE_CAPTURE:
      return {kBattles, "Government regains territory"};
    case v1::CLAIM_TYPE_ASSAULT:
    case v1::CLAIM_TYPE_ADVANCE:
    case v1::CLAIM_TYPE_REPELLED_ATTACK:
    case v1::CLAIM_TYPE_CASUALTIES:
      return {kBattles, "Armed clash"};
    case v1::CLAIM_TYPE_DRONE_STRIKE:
      return {kRemote, "Air/drone strike"};
    case v1::CLAIM_TYPE_SHELLING:
    case v1::CLAIM_TYPE_MISSILE_STRIKE:
      return {kRemote, "Shelling/artillery/missile attack"};
    case v1::CLAIM_TYPE_WITHDRAWAL:
      return {kStrategic, "Non-violent transfer of territory"};
    default:
      return {kStrategic, "Other"};
  }
}

ExportRow MakeExportRow(const v1::Event& event, const v1::Place* place,
                        const std::string& notes) {
  ExportRow row;
  const std::string country =
      place != nullptr && !place->country().empty() ? place->country() : "XX";
  row.event_id_cnty = absl::StrCat(country, "-", event.id());
  row.event_date = FormatDate(event.time());
  const AcledType acled = event.polarity() == v1::POLARITY_DENIED
                              ? AcledTypeOf(v1::CLAIM_TYPE_DENIAL)
                              : AcledTypeOf(event.type());
  row.event_type = acled.event_type;
  row.sub_event_type = acled.sub_event_type;
  row.actor1 = ActorName(event);
  row.side = ShortName(event.side());
  if (place != nullptr) {
    row.admin1 = place->region_name();
    row.location = place->name().empty() ? place->id() : place->name();
    if (place->latitude() != 0 || place->longitude() != 0) {
      row.latitude = place->latitude();
      row.longitude = place->longitude();
    }
  } else {
    row.location = event.place_id();
  }
  if (event.geo_precision() != v1::GEO_PRECISION_UNSPECIFIED) {
    row.geo_precision = static_cast<int>(event.geo_precision());
  }
  if (event.time_precision() != v1::TIME_PRECISION_UNSPECIFIED) {
    row.time_precision = static_cast<int>(event.time_precision());
  }
  row.source = SourceNames(event);
  row.notes = notes.empty() ? event.summary() : notes;
  row.independent_sources = event.independent_sources();
  row.tier = ShortName(event.tier());
  row.claim_type = ShortName(event.type());
  row.polarity = ShortName(event.polarity());
  row.event_id = event.id();
  row.place_id = event.place_id();
  return row;
}

std::string ExportCsvHeader() { return CsvRecord(Columns()); }

std::string ExportCsvRecord(const ExportRow& row) {
  return CsvRecord({row.event_id_cnty,
                    row.event_date,
                    row.event_type,
                    row.sub_event_type,
                    row.actor1,
                    row.side,
                    row.admin1,
                    row.location,
                    Coordinate(row.latitude),
                    Coordinate(row.longitude),
                    Number(row.geo_precision),
                    Number(row.time_precision),
                    row.source,
                    row.notes,
                    absl::StrCat(row.independent_sources),
                    row.tier,
                    row.claim_type,
                    row.polarity,
                    row.event_id,
                    row.place_id});
}

nlohmann::json ExportFeature(const ExportRow& row) {
  auto optional = [](const auto& value) -> nlohmann::json {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
  };
  nlohmann::json properties = {
      {"event_id_cnty", row.event_id_cnty},
      {"event_date", row.event_date},
      {"event_type", row.event_type},
      {"sub_event_type", row.sub_event_type},
      {"actor1", row.actor1},
      {"side", row.side},
      {"admin1", row.admin1},
      {"location", row.location},
      {"latitude", optional(row.latitude)},
      {"longitude", optional(row.longitude)},
      {"geo_precision", optional(row.geo_precision)},
      {"time_precision", optional(row.time_precision)},
      {"source", row.source},
      {"notes", row.notes},
      {"independent_sources", row.independent_sources},
      {"tier", row.tier},
      {"claim_type", row.claim_type},
      {"polarity", row.polarity},
      {"event_id", row.event_id},
      {"place_id", row.place_id},
  };
  nlohmann::json geometry = nullptr;
  if (row.latitude && row.longitude) {
    geometry = {{"type", "Point"},
                {"coordinates", {*row.longitude, *row.latitude}}};
  }
  return {{"type", "Feature"},
          {"id", row.event_id},
          {"geometry", std::move(geometry)},
          {"properties", std::move(properties)}};
}

nlohmann::json ExportFeatureCollection(const std::vector<ExportRow>& rows) {
  nlohmann::json features = nlohmann::json::array();
  for (const ExportRow& row : rows) features.push_back(ExportFeature(row));
  return {{"type", "FeatureCollection"}, {"features", std::move(features)}};
}

}  // namespace frontline::ctl
