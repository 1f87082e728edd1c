#include "libs/extract/dictionary.h"

#include <fstream>
#include <sstream>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace frontline::extract {
namespace {

// One data line: its number (from 1) and its tab-separated fields.
struct Row {
  int line = 0;
  std::vector<absl::string_view> fields;
};

std::vector<Row> Rows(absl::string_view contents) {
  std::vector<Row> rows;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(contents, '\n')) {
    ++line_number;
    absl::ConsumeSuffix(&line, "\r");
    if (absl::StripAsciiWhitespace(line).empty() ||
        absl::StartsWith(line, "#")) {
      continue;
    }
    rows.push_back({line_number, absl::StrSplit(line, '\t')});
  }
  return rows;
}

absl::Status LineError(absl::string_view source, int line,
                       absl::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrCat(source, ":", line, ": ", what));
}

bool ParseSide(absl::string_view s, v1::Side* side, SideRule* rule) {
  *rule = SideRule::kFixed;
  if (s == "RUSSIA") {
    *side = v1::SIDE_RUSSIA;
  } else if (s == "UKRAINE") {
    *side = v1::SIDE_UKRAINE;
  } else if (s == "NEUTRAL") {
    *side = v1::SIDE_NEUTRAL;
  } else if (s == "OWN") {
    *side = v1::SIDE_UNSPECIFIED;
    *rule = SideRule::kOwn;
  } else if (s == "ENEMY") {
    *side = v1::SIDE_UNSPECIFIED;
    *rule = SideRule::kEnemy;
  } else {
    return false;
  }
  return true;
}

bool ParseEnumName(absl::string_view prefix, absl::string_view s,
                   const google::protobuf::EnumDescriptor* descriptor,
                   int* value) {
  const auto* v = descriptor->FindValueByName(absl::StrCat(prefix, s));
  if (v == nullptr || v->number() == 0) return false;
  *value = v->number();
  return true;
}

bool IsLanguage(absl::string_view s) {
  return s == "en" || s == "uk" || s == "ru" || s == "*";
}

bool ParseDouble(absl::string_view s, double* out) {
  if (s == "-") {
    *out = 0;
    return true;
  }
  return absl::SimpleAtod(s, out);
}

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The member a claim flag of patterns.tsv sets; nullptr for none.
bool PatternEntry::*ClaimFlag(absl::string_view word) {
  static const auto* flags =
      new std::vector<std::pair<absl::string_view, bool PatternEntry::*>>{
          {"weak", &PatternEntry::weak},
          {"opposite", &PatternEntry::opposite},
          {"toll", &PatternEntry::toll},
          {"armed", &PatternEntry::armed},
          {"persons", &PatternEntry::persons},
          {"own", &PatternEntry::own},
          {"nominal", &PatternEntry::nominal},
          {"downed", &PatternEntry::downed},
          {"sends", &PatternEntry::sends},
          {"instrument", &PatternEntry::instrument}};
  for (const auto& [name, member] : *flags) {
    if (word == name) return member;
  }
  return nullptr;
}

}  // namespace

bool IsStrike(v1::ClaimType type) {
  return type == v1::CLAIM_TYPE_DRONE_STRIKE ||
         type == v1::CLAIM_TYPE_MISSILE_STRIKE ||
         type == v1::CLAIM_TYPE_SHELLING;
}

absl::StatusOr<std::vector<ActorEntry>> ParseActors(
    absl::string_view contents, absl::string_view source_name) {
  std::vector<ActorEntry> actors;
  for (const Row& row : Rows(contents)) {
    if (row.fields.size() != 5 && row.fields.size() != 6) {
      return LineError(
          source_name, row.line,
          absl::StrCat("expected 5 or 6 tab-separated fields, got ",
                       row.fields.size()));
    }
    ActorEntry actor;
    actor.id = std::string(row.fields[0]);
    actor.name = std::string(row.fields[1]);
    if (actor.id.empty() || actor.name.empty()) {
      return LineError(source_name, row.line, "empty id or name");
    }
    if (!ParseSide(row.fields[2], &actor.side, &actor.rule)) {
      return LineError(source_name, row.line,
                       absl::StrCat("unknown side \"", row.fields[2], "\""));
    }
    int kind = 0;
    if (!ParseEnumName("ACTOR_KIND_", row.fields[3], v1::ActorKind_descriptor(),
                       &kind)) {
      return LineError(source_name, row.line,
                       absl::StrCat("unknown kind \"", row.fields[3], "\""));
    }
    actor.kind = static_cast<v1::ActorKind>(kind);
    for (absl::string_view s : absl::StrSplit(row.fields[4], '|')) {
      s = absl::StripAsciiWhitespace(s);
      if (s.empty()) {
        return LineError(source_name, row.line, "empty surface form");
      }
      actor.surfaces.emplace_back(s);
    }
    if (row.fields.size() == 6) {
      for (absl::string_view flag : absl::StrSplit(row.fields[5], ',')) {
        flag = absl::StripAsciiWhitespace(flag);
        if (flag == "troops") {
          actor.troops = true;
        } else if (flag == "unnamed") {
          actor.unnamed = true;
        } else {
          return LineError(source_name, row.line,
                           absl::StrCat("unknown flag \"", flag, "\""));
        }
      }
    }
    actors.push_back(std::move(actor));
  }
  return actors;
}

absl::StatusOr<std::vector<PatternEntry>> ParsePatterns(
    absl::string_view contents, absl::string_view source_name) {
  static const auto* kinds =
      new std::vector<std::pair<absl::string_view, CueKind>>{
          {"claim", CueKind::kClaim},
          {"claimant-before", CueKind::kClaimantBefore},
          {"claimant-after", CueKind::kClaimantAfter},
          {"denial", CueKind::kDenial},
          {"no-comment", CueKind::kNoComment},
          {"hypothetical", CueKind::kHypothetical},
          {"near-before", CueKind::kNearBefore},
          {"near-after", CueKind::kNearAfter},
          {"bearing", CueKind::kBearing},
          {"time", CueKind::kTime},
          {"abbreviation", CueKind::kAbbreviation},
          {"anaphor", CueKind::kAnaphor},
          {"locative", CueKind::kLocative},
          {"region-of", CueKind::kRegionOf},
          {"complementizer", CueKind::kComplementizer},
          {"conjunction", CueKind::kConjunction},
          {"appositive", CueKind::kAppositive},
          {"negation", CueKind::kNegation},
          {"origin", CueKind::kOrigin},
          {"background", CueKind::kBackground},
          {"bulletin", CueKind::kBulletin},
          {"existential", CueKind::kExistential},
          {"voice", CueKind::kVoice},
          {"weapon", CueKind::kWeapon},
          {"not-place", CueKind::kNotPlace},
          {"plain", CueKind::kPlain},
          {"air-defence", CueKind::kAirDefence},
          {"agent", CueKind::kAgent},
          {"relative", CueKind::kRelative},
          {"place-noun", CueKind::kPlaceNoun}};
  std::vector<PatternEntry> patterns;
  for (const Row& row : Rows(contents)) {
    if (row.fields.size() != 4) {
      return LineError(source_name, row.line,
                       absl::StrCat("expected 4 tab-separated fields, got ",
                                    row.fields.size()));
    }
    PatternEntry entry;
    if (!IsLanguage(row.fields[0])) {
      return LineError(
          source_name, row.line,
          absl::StrCat("unknown language \"", row.fields[0], "\""));
    }
    entry.language = std::string(row.fields[0]);
    bool known = false;
    for (const auto& [name, kind] : *kinds) {
      if (row.fields[1] == name) {
        entry.kind = kind;
        known = true;
      }
    }
    if (!known) {
      return LineError(source_name, row.line,
                       absl::StrCat("unknown kind \"", row.fields[1], "\""));
    }
    entry.phrase = std::string(absl::StripAsciiWhitespace(row.fields[2]));
    if (entry.phrase.empty()) {
      return LineError(source_name, row.line, "empty phrase");
    }
    const absl::string_view value = row.fields[3];
    if (entry.kind == CueKind::kClaim) {
      std::vector<absl::string_view> words =
          absl::StrSplit(value, ' ', absl::SkipEmpty());
      int type = 0;
      if (words.empty() || !ParseEnumName("CLAIM_TYPE_", words[0],
                                          v1::ClaimType_descriptor(), &type)) {
        return LineError(source_name, row.line,
                         absl::StrCat("unknown claim type in \"", value, "\""));
      }
      entry.type = static_cast<v1::ClaimType>(type);
      for (size_t i = 1; i < words.size(); ++i) {
        SideRule rule;
        bool PatternEntry::*flag = ClaimFlag(words[i]);
        if (flag != nullptr) {
          entry.*flag = true;
        } else if (absl::ConsumePrefix(&words[i], "side=") &&
                   ParseSide(words[i], &entry.fixed_side, &rule) &&
                   rule == SideRule::kFixed) {
        } else {
          return LineError(source_name, row.line,
                           absl::StrCat("unknown flag \"", words[i], "\""));
        }
      }
    } else if (entry.kind == CueKind::kWeapon) {
      int type = 0;
      if (!ParseEnumName("CLAIM_TYPE_", value, v1::ClaimType_descriptor(),
                         &type) ||
          !IsStrike(static_cast<v1::ClaimType>(type))) {
        return LineError(
            source_name, row.line,
            absl::StrCat("bad weapon \"", value,
                         "\" (DRONE_STRIKE, MISSILE_STRIKE or SHELLING)"));
      }
      entry.type = static_cast<v1::ClaimType>(type);
    } else if (entry.kind == CueKind::kTime) {
      std::pair<absl::string_view, absl::string_view> rule_value =
          absl::StrSplit(value, ':');
      static const auto* rules =
          new std::vector<std::pair<absl::string_view, TimeRule>>{
              {"days", TimeRule::kDays},
              {"weekday", TimeRule::kWeekday},
              {"weeks", TimeRule::kWeeks},
              {"months", TimeRule::kMonths}};
      bool rule_known = false;
      for (const auto& [name, rule] : *rules) {
        if (rule_value.first == name) {
          entry.time_rule = rule;
          rule_known = true;
        }
      }
      if (!rule_known ||
          !absl::SimpleAtoi(rule_value.second, &entry.time_value) ||
          (entry.time_rule == TimeRule::kWeekday &&
           (entry.time_value < 1 || entry.time_value > 7))) {
        return LineError(
            source_name, row.line,
            absl::StrCat("bad time value \"", value,
                         "\" (days:N, weekday:1..7, weeks:N or months:N)"));
      }
    } else if (entry.kind == CueKind::kClaimantBefore && value != "-") {
      if (value != "participle" && value != "tells") {
        return LineError(source_name, row.line,
                         absl::StrCat("bad claimant-before \"", value,
                                      "\" (-, participle or tells)"));
      }
      entry.participle = value == "participle";
      entry.tells = value == "tells";
    } else if (entry.kind == CueKind::kConjunction) {
      if (value != "-" && value != "contrast") {
        return LineError(
            source_name, row.line,
            absl::StrCat("bad conjunction \"", value, "\" (- or contrast)"));
      }
      entry.contrast = value == "contrast";
    } else if (entry.kind == CueKind::kVoice) {
      SideRule rule;
      if (!ParseSide(value, &entry.fixed_side, &rule) ||
          rule != SideRule::kFixed ||
          (entry.fixed_side != v1::SIDE_RUSSIA &&
           entry.fixed_side != v1::SIDE_UKRAINE)) {
        return LineError(
            source_name, row.line,
            absl::StrCat("bad voice \"", value, "\" (RUSSIA or UKRAINE)"));
      }
    } else if (entry.kind == CueKind::kAnaphor) {
      static const auto* targets =
          new std::vector<std::pair<absl::string_view, AnaphorTarget>>{
              {"settlement", AnaphorTarget::kSettlement},
              {"feature", AnaphorTarget::kFeature},
              {"region", AnaphorTarget::kRegion},
              {"place", AnaphorTarget::kPlace},
              {"pronoun", AnaphorTarget::kPronoun},
              {"reports", AnaphorTarget::kReports},
              {"speaker", AnaphorTarget::kSpeaker},
              {"attribution", AnaphorTarget::kAttribution}};
      bool target_known = false;
      for (const auto& [name, target] : *targets) {
        if (value == name) {
          entry.anaphor = target;
          target_known = true;
        }
      }
      int actor_kind = 0;
      if (!target_known &&
          ParseEnumName("ACTOR_KIND_", value, v1::ActorKind_descriptor(),
                        &actor_kind)) {
        entry.anaphor = AnaphorTarget::kActorKind;
        entry.anaphor_kind = static_cast<v1::ActorKind>(actor_kind);
        target_known = true;
      }
      if (!target_known) {
        return LineError(source_name, row.line,
                         absl::StrCat("bad anaphor target \"", value,
                                      "\" (settlement, feature, region, "
                                      "pronoun, speaker, reports or an "
                                      "actor kind)"));
      }
    } else if (entry.kind == CueKind::kHypothetical && value == "clause") {
      entry.whole_clause = true;
    } else if (value != "-") {
      return LineError(
          source_name, row.line,
          absl::StrCat("kind ", row.fields[1],
                       " takes no value (\"-\"), got \"", value, "\""));
    }
    patterns.push_back(std::move(entry));
  }
  return patterns;
}

absl::StatusOr<std::vector<QuantityEntry>> ParseQuantities(
    absl::string_view contents, absl::string_view source_name) {
  std::vector<QuantityEntry> entries;
  for (const Row& row : Rows(contents)) {
    const auto& f = row.fields;
    if (f.size() < 3) {
      return LineError(source_name, row.line,
                       "expected at least 3 tab-separated fields");
    }
    QuantityEntry entry;
    if (!IsLanguage(f[0])) {
      return LineError(source_name, row.line,
                       absl::StrCat("unknown language \"", f[0], "\""));
    }
    entry.language = std::string(f[0]);
    entry.phrase = std::string(absl::StripAsciiWhitespace(f[2]));
    if (entry.phrase.empty()) {
      return LineError(source_name, row.line, "empty phrase");
    }
    auto need = [&](size_t n) -> absl::Status {
      if (f.size() != n) {
        return LineError(source_name, row.line,
                         absl::StrCat("kind ", f[1], " takes ", n,
                                      " fields, got ", f.size()));
      }
      return absl::OkStatus();
    };
    auto number = [&](size_t i, double* out) -> absl::Status {
      if (!ParseDouble(f[i], out)) {
        return LineError(
            source_name, row.line,
            absl::StrCat("field ", i + 1, ": not a number: \"", f[i], "\""));
      }
      return absl::OkStatus();
    };
    auto kind = [&](size_t i) -> absl::Status {
      int k = 0;
      if (!ParseEnumName("QUANTITY_KIND_", f[i], v1::QuantityKind_descriptor(),
                         &k)) {
        return LineError(source_name, row.line,
                         absl::StrCat("unknown quantity kind \"", f[i], "\""));
      }
      entry.quantity_kind = static_cast<v1::QuantityKind>(k);
      return absl::OkStatus();
    };
    absl::Status status;
    if (f[1] == "unit") {
      entry.kind = QuantityWordKind::kUnit;
      status = need(6);
      if (status.ok()) status = kind(3);
      entry.unit = std::string(f.size() > 4 ? f[4] : "");
      if (status.ok()) status = number(5, &entry.factor);
      if (status.ok() && entry.factor <= 0) {
        status = LineError(source_name, row.line, "factor must be positive");
      }
    } else if (f[1] == "modifier") {
      entry.kind = QuantityWordKind::kModifier;
      status = need(5);
      if (status.ok()) status = number(3, &entry.low);
      if (status.ok()) status = number(4, &entry.high);
    } else if (f[1] == "vague") {
      entry.kind = QuantityWordKind::kVague;
      if (f.size() != 6 && f.size() != 7) status = need(6);
      if (status.ok()) status = number(3, &entry.value);
      if (status.ok()) status = number(4, &entry.low);
      if (status.ok()) status = number(5, &entry.high);
      if (status.ok() && f.size() == 7) {
        status = kind(6);
        if (status.ok()) {
          entry.unit = entry.quantity_kind == v1::QUANTITY_KIND_AREA ? "km2"
                       : entry.quantity_kind == v1::QUANTITY_KIND_DISTANCE
                           ? "km"
                           : "persons";
        }
      }
      if (status.ok() && !(entry.low <= entry.value &&
                           (entry.high == 0 || entry.value <= entry.high))) {
        status = LineError(source_name, row.line, "need low <= best <= high");
      }
    } else if (f[1] == "number" || f[1] == "multiplier") {
      entry.kind = f[1] == "number" ? QuantityWordKind::kNumber
                                    : QuantityWordKind::kMultiplier;
      status = need(4);
      if (status.ok()) status = number(3, &entry.value);
    } else if (f[1] == "range" || f[1] == "between") {
      entry.kind = f[1] == "range" ? QuantityWordKind::kRange
                                   : QuantityWordKind::kBetween;
      status = need(3);
    } else {
      status = LineError(source_name, row.line,
                         absl::StrCat("unknown kind \"", f[1], "\""));
    }
    if (!status.ok()) return status;
    entries.push_back(std::move(entry));
  }
  return entries;
}

absl::StatusOr<Dictionary> LoadDictionary(const std::string& dir) {
  Dictionary dictionary;
  absl::StatusOr<std::string> actors = ReadFile(dir + "/actors.tsv");
  if (!actors.ok()) return actors.status();
  absl::StatusOr<std::vector<ActorEntry>> parsed_actors =
      ParseActors(*actors, "actors.tsv");
  if (!parsed_actors.ok()) return parsed_actors.status();
  dictionary.actors = *std::move(parsed_actors);

  absl::StatusOr<std::string> patterns = ReadFile(dir + "/patterns.tsv");
  if (!patterns.ok()) return patterns.status();
  absl::StatusOr<std::vector<PatternEntry>> parsed_patterns =
      ParsePatterns(*patterns, "patterns.tsv");
  if (!parsed_patterns.ok()) return parsed_patterns.status();
  dictionary.patterns = *std::move(parsed_patterns);

  absl::StatusOr<std::string> quantities = ReadFile(dir + "/quantities.tsv");
  if (!quantities.ok()) return quantities.status();
  absl::StatusOr<std::vector<QuantityEntry>> parsed_quantities =
      ParseQuantities(*quantities, "quantities.tsv");
  if (!parsed_quantities.ok()) return parsed_quantities.status();
  dictionary.quantities = *std::move(parsed_quantities);
  return dictionary;
}

}  // namespace frontline::extract
