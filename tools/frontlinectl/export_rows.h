// `frontlinectl export`: events as ACLED-like rows, written as CSV or as a
// GeoJSON FeatureCollection of Points that GIS tools (QGIS) open directly.
//
// ClaimType maps to ACLED's event_type / sub_event_type where one fits:
// capture -> Battles / Government regains territory (both sides are state
// forces); assault, advance, repelled_attack, casualties -> Battles / Armed
// clash; drone_strike -> Explosions/Remote violence / Air/drone strike;
// shelling, missile_strike -> Explosions/Remote violence /
// Shelling/artillery/missile attack; withdrawal -> Strategic developments /
// Non-violent transfer of territory; control, territory_held,
// troop_deployment, denial -> Strategic developments / Other; so is any
// denied claim (a denial reports no violence). The exact claim type and
// polarity stay in their own columns.
// geo_precision and time_precision use ACLED's codes 1..3 (the contract's
// enum numbers are the same); empty when unknown.
#ifndef FRONTLINE_TOOLS_FRONTLINECTL_EXPORT_ROWS_H_
#define FRONTLINE_TOOLS_FRONTLINECTL_EXPORT_ROWS_H_

#include <optional>
#include <string>
#include <vector>

#include "frontline/v1/event.pb.h"
#include "frontline/v1/place.pb.h"
#include "nlohmann/json.hpp"

namespace frontline::ctl {

struct ExportRow {
  std::string event_id_cnty;
  std::string event_date;
  std::string event_type;
  std::string sub_event_type;
  std::string actor1;
  std::string side;
  std::string admin1;
  std::string location;
  std::optional<double> latitude;  // absent when the place is unknown
  std::optional<double> longitude;
  std::optional<int> geo_precision;
  std::optional<int> time_precision;
  std::string source;
  std::string notes;
  unsigned independent_sources = 0;
  std::string tier;
  std::string claim_type;
  std::string polarity;
  std::string event_id;
  std::string place_id;
};

struct AcledType {
  std::string event_type;
  std::string sub_event_type;
};
AcledType AcledTypeOf(v1::ClaimType type);

// The row for `event`. `place` (null when unknown) gives coordinates, the
// location and admin1; `notes` is the first claim sentence (or the summary).
ExportRow MakeExportRow(const v1::Event& event, const v1::Place* place,
                        const std::string& notes);

// The header record, then one record per row.
std::string ExportCsvHeader();
std::string ExportCsvRecord(const ExportRow& row);

// One GeoJSON Feature: a Point [longitude, latitude] (null geometry without
// coordinates) with every column as a property.
nlohmann::json ExportFeature(const ExportRow& row);
nlohmann::json ExportFeatureCollection(const std::vector<ExportRow>& rows);

}  // namespace frontline::ctl

#endif  // FRONTLINE_TOOLS_FRONTLINECTL_EXPORT_ROWS_H_
