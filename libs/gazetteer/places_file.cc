#include "libs/gazetteer/places_file.h"

#include <optional>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace frontline::gazetteer {
namespace {

constexpr size_t kFieldCount = 8;

bool IsValidId(absl::string_view id) {
  if (id.empty() || id.front() == '.' || id.back() == '.') return false;
  char previous = 0;
  for (char c : id) {
    const bool ok = absl::ascii_islower(c) || absl::ascii_isdigit(c) ||
                    c == '_' || c == '-' || c == '.';
    if (!ok || (c == '.' && previous == '.')) return false;
    previous = c;
  }
  return true;
}

bool IsValidCountry(absl::string_view country) {
  return country.size() == 2 && absl::ascii_isupper(country[0]) &&
         absl::ascii_isupper(country[1]);
}

class Parser {
 public:
  explicit Parser(absl::string_view source_name) : source_(source_name) {}

  absl::Status ParseLine(absl::string_view line, int line_number) {
    line_number_ = line_number;
    absl::ConsumeSuffix(&line, "\r");
    if (absl::StripAsciiWhitespace(line).empty() ||
        absl::StartsWith(line, "#")) {
      return absl::OkStatus();
    }
    std::vector<absl::string_view> fields = absl::StrSplit(line, '\t');
    if (fields.size() != kFieldCount) {
      return Error(absl::StrCat("expected ", kFieldCount,
                                " tab-separated fields, got ", fields.size()));
    }
    for (auto& field : fields) field = absl::StripAsciiWhitespace(field);

    Place place;
    place.id = std::string(fields[0]);
    if (!IsValidId(place.id)) {
      return Error(absl::StrCat("bad id \"", fields[0],
                                "\" (want dotted lower-case words)"));
    }
    if (auto [it, inserted] = lines_.emplace(place.id, line_number);
        !inserted) {
      return Error(absl::StrCat("duplicate id \"", place.id,
                                "\", first defined on line ", it->second));
    }
    std::optional<PlaceKind> kind = ParsePlaceKind(fields[1]);
    if (!kind) {
      return Error(absl::StrCat(
          "unknown kind \"", fields[1],
          "\" (want region, district, city, town, village or feature)"));
    }
    place.kind = *kind;
    if (fields[2].empty()) return Error("empty name");
    place.name = std::string(fields[2]);
    if (!IsValidCountry(fields[3])) {
      return Error(absl::StrCat("bad country \"", fields[3],
                                "\" (want ISO 3166-1 alpha-2 like UA)"));
    }
    place.country = std::string(fields[3]);
    if (!IsValidId(fields[4])) {
      return Error(absl::StrCat("bad region id \"", fields[4], "\""));
    }
    place.region_id = std::string(fields[4]);
    if (place.kind == PlaceKind::kRegion && place.region_id != place.id) {
      return Error(absl::StrCat("region \"", place.id,
                                "\" must name itself as its region, not \"",
                                place.region_id, "\""));
    }
    if (!absl::SimpleAtod(fields[5], &place.latitude) ||
        !(place.latitude >= -90 && place.latitude <= 90)) {
      return Error(absl::StrCat("bad latitude \"", fields[5], "\""));
    }
    if (!absl::SimpleAtod(fields[6], &place.longitude) ||
        !(place.longitude >= -180 && place.longitude <= 180)) {
      return Error(absl::StrCat("bad longitude \"", fields[6], "\""));
    }
    if (!fields[7].empty()) {
      for (absl::string_view alias : absl::StrSplit(fields[7], '|')) {
        alias = absl::StripAsciiWhitespace(alias);
        if (alias.empty()) {
          return Error(absl::StrCat("empty alias in \"", fields[7], "\""));
        }
        if (absl::ConsumePrefix(&alias, "^")) {
          if (alias.empty()) return Error("empty alias after ^");
          place.capitalized_aliases.emplace_back(alias);
        } else {
          place.aliases.emplace_back(alias);
        }
      }
    }
    places_.push_back(std::move(place));
    return absl::OkStatus();
  }

  // Checks what needs the whole file: that regions exist.
  absl::StatusOr<std::vector<Place>> Finish() {
    absl::flat_hash_map<std::string, const Place*> by_id;
    for (const Place& place : places_) by_id[place.id] = &place;
    for (Place& place : places_) {
      line_number_ = lines_[place.id];
      auto it = by_id.find(place.region_id);
      if (it == by_id.end()) {
        return Error(absl::StrCat("region \"", place.region_id, "\" of \"",
                                  place.id, "\" is not defined"));
      }
      if (it->second->kind != PlaceKind::kRegion) {
        return Error(absl::StrCat(
            "region \"", place.region_id, "\" of \"", place.id, "\" is a ",
            PlaceKindName(it->second->kind), ", not a region"));
      }
      if (it->second->country != place.country) {
        return Error(absl::StrCat("\"", place.id, "\" is in ", place.country,
                                  " but its region \"", place.region_id,
                                  "\" is in ", it->second->country));
      }
      place.region_name = it->second->name;
    }
    return std::move(places_);
  }

  std::vector<int> LineNumbers(const std::vector<Place>& places) const {
    std::vector<int> numbers;
    numbers.reserve(places.size());
    for (const Place& place : places) numbers.push_back(lines_.at(place.id));
    return numbers;
  }

 private:
  absl::Status Error(absl::string_view what) const {
    return absl::InvalidArgumentError(
        absl::StrCat(source_, ":", line_number_, ": ", what));
  }

  std::string source_;
  int line_number_ = 0;
  std::vector<Place> places_;
  absl::flat_hash_map<std::string, int> lines_;
};

}  // namespace

absl::StatusOr<std::vector<Place>> ParsePlacesFile(
    absl::string_view contents, absl::string_view source_name,
    std::vector<int>* line_numbers) {
  Parser parser(source_name);
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(contents, '\n')) {
    ++line_number;
    if (absl::Status status = parser.ParseLine(line, line_number);
        !status.ok()) {
      return status;
    }
  }
  absl::StatusOr<std::vector<Place>> places = parser.Finish();
  if (places.ok() && line_numbers != nullptr) {
    *line_numbers = parser.LineNumbers(*places);
  }
  return places;
}

}  // namespace frontline::gazetteer
