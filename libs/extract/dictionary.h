// The coder's dictionaries: actors, verb patterns and cues, quantity words.
// They are data files in data/ (format in data/README.md); this header is
// their in-memory form and the loaders that check them.
#ifndef FRONTLINE_LIBS_EXTRACT_DICTIONARY_H_
#define FRONTLINE_LIBS_EXTRACT_DICTIONARY_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "frontline/v1/claim.pb.h"

namespace frontline::extract {

// An actor's side as written in actors.tsv: a fixed side, or one relative to
// whoever asserts the sentence ("our forces", "the enemy").
enum class SideRule { kFixed, kOwn, kEnemy };

struct ActorEntry {
  std::string id;
  std::string name;
  v1::Side side = v1::SIDE_UNSPECIFIED;  // Meaningful when rule is kFixed.
  SideRule rule = SideRule::kFixed;
  v1::ActorKind kind = v1::ACTOR_KIND_UNSPECIFIED;
  std::vector<std::string> surfaces;
  // Troops ("Russian forces", "the enemy"): they act and are acted on but
  // issue no statements, so they are never a speaker or a denier.
  bool troops = false;
  // "Ukrainian media", "украинские паблики": a speaker nobody can name, read
  // so that its adjective is not taken for troops; claims carry no claimant.
  bool unnamed = false;
};

// What a phrase of patterns.tsv signals.
enum class CueKind {
  kClaim,           // A verb pattern: a claim of `type`.
  kClaimantBefore,  // "said", "claimed": the claimant precedes the cue.
  kClaimantAfter,  // "according to", "за даними": the claimant follows.
  kDenial,         // "denied", "заперечив", "опроверг".
  kNoComment,      // "did not comment": asserts nothing either way.
  kHypothetical,   // "could", "trying to", "якщо": what follows in the
                   // clause did not happen (yet).
  kNearBefore,     // "near", "біля", "в районе" before a place name.
  kNearAfter,      // "direction", "напрямку" after a place name.
  kBearing,  // "west of", "на захід від": near a place that is only a
             // reference point.
  kTime,     // A relative time expression.
  kAbbreviation,    // A word whose final period ends no sentence.
  kAnaphor,         // "the town", "they", "the ministry": refers back.
  kLocative,        // "in", "throughout": a location follows.
  kRegionOf,        // "region of" before a place: the region is meant.
  kComplementizer,  // "that", "що": reported content begins.
  kConjunction,     // "and", "і": joins coordinated actors.
  kAppositive,      // "a", "which": opens a description of the word before.
  kNegation,        // "no", "not": the pattern right after did not happen.
  kOrigin,          // "from", "з": the place after it is where an act began.
  kBackground,  // "нагадаємо", "напомним": the sentence recalls history.
  kBulletin,  // "сводка", "зведення": a title naming who speaks.
  kExistential,  // "there is", "there were": no place ("there" is not one).
  kVoice,  // "оккупанты", "киевский режим": whose side a text takes
           // (fixed_side).
  kWeapon,  // "drone", "ракета": an act in its clause is a strike of `type`.
  kPlain,  // "штурмовые подразделения": words holding a cue's word that
           // are no cue; they take the span from it.
  kNotPlace,    // "River", "regional governor": the place name beside it
                // names a river or an office, not a place of the news.
  kAirDefence,  // "air defences", "ПВО": a weapon "destroyed" in its clause
                // was brought down (as with the claim flag `downed`).
  kAgent,       // "by": names whose a noun is ("claims by Russian bloggers").
  kRelative,    // "where", "де": "the Pokrovsk front, where Russian forces
                // attacked": the place before it is the place of its clause.
  kPlaceNoun,   // "city", "місто": the actor adjective before it names
                // where, not who ("the Ukrainian city of Sumy").
};

// What an anaphor refers back to.
enum class AnaphorTarget {
  kSettlement,   // The latest city, town or village named.
  kFeature,      // The latest feature (a plant, a dam) named.
  kRegion,       // The latest region named.
  kPlace,        // The latest place named, of any kind ("тут", "там").
  kPronoun,      // The previous sentence's actor ("they").
  kActorKind,    // The latest actor of `anaphor_kind` ("the ministry").
  kReports,      // The previous sentence's claims ("those accounts").
  kSpeaker,      // The previous sentence's claimant, when it speaks ("it
                 // said"); nothing otherwise.
  kAttribution,  // The previous speaker, as an attribution ("по его
                 // словам").
};

// Drone, missile and artillery or air strikes: the types a weapon gives.
bool IsStrike(v1::ClaimType type);

// How a relative time expression moves the publication date.
enum class TimeRule { kDays, kWeekday, kWeeks, kMonths };

struct PatternEntry {
  std::string language;  // "en", "uk", "ru", or "*" for every language.
  CueKind kind = CueKind::kClaim;
  std::string phrase;
  // kClaim and kWeapon.
  v1::ClaimType type = v1::CLAIM_TYPE_UNSPECIFIED;
  bool weak = false;      // Dropped when a sentence has a stronger pattern.
  bool opposite = false;  // The side is the opposite of the subject's.
  bool toll = false;      // People killed or hurt: a strike anchors it.
  bool armed = false;  // "hit", "влучила": a claim only with a weapon.
  bool persons = false;  // "уничтожен": losses only with a figure of people.
  bool own = false;  // "поражены", "уражено": with nobody named, the act
                     // is the speaker's own side's, not the other's.
  bool nominal = false;  // "просування", "штурм": an act named by a noun,
                         // whose doer is the actor right after it.
  bool downed = false;  // "shot down", "сбиты": a weapon brought down over a
                        // place is a strike there by the side that sent it.
  bool sends = false;  // "launched", "выпустили": the weapon after it is
                       // what it sends, not its target.
  bool instrument = false;  // "з артилерії", "с БПЛА": the weapon of a
                            // strike verb in its clause, else a strike.
  // kHypothetical: governs the rest of its clause ("expect ... to"), not
  // only the next few words ("may").
  bool whole_clause = false;
  // kConjunction: "but", "але": what stands before it is not denied by a
  // denial after it.
  bool contrast = false;
  // kClaimantBefore: "saying", "adding": speaks with the verb before it.
  bool participle = false;
  // kClaimantBefore: "told": the one named right after it is told, not
  // telling ("told The Associated Press").
  bool tells = false;
  v1::Side fixed_side = v1::SIDE_UNSPECIFIED;  // "under Russian control";
                                               // kVoice: the side.
  // kAnaphor only.
  AnaphorTarget anaphor = AnaphorTarget::kSettlement;
  v1::ActorKind anaphor_kind = v1::ACTOR_KIND_UNSPECIFIED;
  // kTime only.
  TimeRule time_rule = TimeRule::kDays;
  int time_value = 0;
};

enum class QuantityWordKind {
  kUnit,        // "square miles": kind, unit, factor to the canonical unit.
  kModifier,    // "more than": factors for low and high (0: none).
  kVague,       // "a battalion": best, low, high, optional kind.
  kNumber,      // "eleven": value.
  kMultiplier,  // "thousand", "тис.": value.
  kRange,       // "to", "до", "-": joins two numbers into a range.
  kBetween,     // "between", "від": lets "and" join a range.
};

struct QuantityEntry {
  std::string language;
  QuantityWordKind kind = QuantityWordKind::kUnit;
  std::string phrase;
  v1::QuantityKind quantity_kind = v1::QUANTITY_KIND_UNSPECIFIED;
  std::string unit;
  double factor = 1;  // kUnit.
  double value = 0;   // kNumber, kMultiplier; kVague best.
  double low = 0;     // kVague low; kModifier low factor.
  double high = 0;    // kVague high; kModifier high factor.
};

struct Dictionary {
  std::vector<ActorEntry> actors;
  std::vector<PatternEntry> patterns;
  std::vector<QuantityEntry> quantities;
};

// Each parser reads one file's contents. Errors are kInvalidArgument and
// read "<source_name>:<line>: <what is wrong>".
absl::StatusOr<std::vector<ActorEntry>> ParseActors(
    absl::string_view contents, absl::string_view source_name);
absl::StatusOr<std::vector<PatternEntry>> ParsePatterns(
    absl::string_view contents, absl::string_view source_name);
absl::StatusOr<std::vector<QuantityEntry>> ParseQuantities(
    absl::string_view contents, absl::string_view source_name);

// Reads actors.tsv, patterns.tsv and quantities.tsv from `dir`. kNotFound
// when a file cannot be read; the parsers' errors otherwise.
absl::StatusOr<Dictionary> LoadDictionary(const std::string& dir);

}  // namespace frontline::extract

#endif  // FRONTLINE_LIBS_EXTRACT_DICTIONARY_H_
