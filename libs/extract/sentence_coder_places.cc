// Where a sentence's claims are: the places it names or refers back to,
// the place each claim pattern takes, the places joined to it, and which
// claims another makes redundant.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "libs/extract/clause_text.h"
#include "libs/extract/coder_rules.h"
#include "libs/extract/sentence_coder.h"
#include "libs/extract/utf8.h"

namespace frontline::extract {
namespace {

// How far (bytes) a region may follow a place inside it to merely locate it.
constexpr uint32_t kRegionQualifierGap = 16;

// How far (bytes) a place inside a region may follow it to be the one meant.
constexpr uint32_t kRegionThenPlaceGap = 48;

// "repelled 24 assaults": how many words may part the verb from its object.
constexpr uint32_t kRepelledObjectTokens = 3;

// The longest gap (characters) holding a quoted name that ends no clause
// ("области группировка «Север» продвинулась").
constexpr uint32_t kQuotedNameChars = 40;

// How many characters ("м. ", "смт ") may stand before a line's heading
// place.
constexpr uint32_t kHeadingPrefixChars = 4;

// How far (bytes) a place joined by "and" may follow the one before it.
constexpr uint32_t kJoinedPlaceGap = 48;

// How far (bytes) a place may follow "region of" to be read as its region.
constexpr uint32_t kRegionOfGap = 2;

// How far (bytes) a name may stand from "the town" to be the town meant.
constexpr uint32_t kAppositionGap = 5;

// How far (bytes) "in" may follow a pattern to locate it, and how far the
// place may follow "in" to be the location it introduces.
constexpr uint32_t kLocativeGap = 12;
constexpr uint32_t kLocationPhraseBytes = 40;

// How far (characters) a place set before its clause ("In the
// Russian-occupied town of Oleshky, ...") may follow its preposition.
constexpr uint32_t kFrontedPlaceChars = 40;
// "the Pokrovsk and Kurakhove fronts, where": at most a word and a comma
// between the place and "where".
constexpr uint32_t kRelativeGapChars = 12;
// ", a village in ...": where a description opens after a comma.
constexpr uint32_t kAppositiveOpenBytes = 2;
// "drones and three Iskander-M missiles": words between joined weapons.
constexpr uint32_t kJoinedWeaponWords = 3;
// "captured 15 soldiers": the figure right after the verb.
constexpr uint32_t kTakenPeopleGapBytes = 1;

// How far (bytes) an actor or a place may follow a locative or an origin
// to be the location or the origin it introduces.
constexpr uint32_t kFrontedLocativeGap = 16;

// `m` standing for `place` instead.
gazetteer::Mention Stand(const gazetteer::Mention& m,
                         const gazetteer::Place* place) {
  gazetteer::Mention out = m;
  out.candidates = {place};
  return out;
}

bool SamePlace(const gazetteer::Mention* a, const gazetteer::Mention* b) {
  return a == b ||
         (a != nullptr && b != nullptr && a->place().id == b->place().id);
}

}  // namespace

void SentenceCoder::ReadPlaces() {
  ReadNamedPlaces();
  named_ = mentions_.size();
  claimant_before_cues_ = CuesOf(CueKind::kClaimantBefore);
  ResolveAnaphors();
  std::sort(actors_.begin(), actors_.end(),
            [](const Found& a, const Found& b) { return a.begin < b.begin; });
  std::sort(mentions_.begin(), mentions_.end(),
            [](const gazetteer::Mention* a, const gazetteer::Mention* b) {
              return a->begin < b->begin;
            });
  ReadHeading();
  // Places: not part of an actor's name, nor a region or district that only
  // locates the place before it.
  for (const gazetteer::Mention* m : mentions_) {
    bool in_actor = false;
    for (const Found& a : actors_) {
      in_actor |= a.begin <= m->begin && m->end <= a.end;
    }
    if (in_actor) continue;
    if (!places_.empty() && Locates(*places_.back(), *m)) continue;
    places_.push_back(m);
  }
}

void SentenceCoder::ReadNamedPlaces() {
  // Places named, with "the region of Kharkiv" read as the region.
  const std::vector<const Found*> region_of = CuesOf(CueKind::kRegionOf);
  // "the Dnipro River", "лівому березі Дніпра", "Kherson regional
  // governor": a river or an office, not a place of the news.
  const std::vector<const Found*> rivers = CuesOf(CueKind::kNotPlace);
  for (const gazetteer::Mention& m : sentence_mentions_) {
    const bool names_other =
        std::any_of(rivers.begin(), rivers.end(), [&](const Found* r) {
          return (r->end <= m.begin && m.begin - r->end <= 1) ||
                 (r->begin >= m.end && r->begin - m.end <= 1) ||
                 (r->begin <= m.begin && m.end <= r->end);
        });
    if (names_other || IsDateline(m)) continue;
    const gazetteer::Place* region =
        m.place().kind == gazetteer::PlaceKind::kRegion
            ? nullptr
            : data_.gazetteer.FindById(m.place().region_id);
    const bool after_region_of =
        std::any_of(region_of.begin(), region_of.end(), [&](const Found* r) {
          return r->end <= m.begin && m.begin - r->end <= kRegionOfGap;
        });
    if (region != nullptr && after_region_of) {
      mentions_.push_back(&resolved_.emplace_back(Stand(m, region)));
    } else {
      mentions_.push_back(&m);
    }
  }
}

// "KHERSON, Ukraine, Oct 8 -", "КУРСК, 28 марта.": where the reporter
// filed from, not a place of the news.
bool SentenceCoder::IsDateline(const gazetteer::Mention& m) const {
  const absl::string_view after =
      absl::StripLeadingAsciiWhitespace(text_.substr(m.end, end_ - m.end));
  return m.begin == begin_ && IsAllCapitals(m.surface) &&
         (absl::StartsWith(after, ",") || absl::StartsWith(after, "-") ||
          absl::StartsWith(after, "\u2014") ||
          absl::StartsWith(after, "\u2013"));
}

// Anaphors: "the town" is the latest town named (in this sentence or an
// earlier one) unless a name stands beside it ("the town of Kurakhove",
// "Sudzha, the town"); "they" and "the ministry" are actors (ActorReferent).
void SentenceCoder::ResolveAnaphors() {
  for (const Found* f : CuesOf(CueKind::kAnaphor)) {
    const PatternEntry& entry = Cue(*f);
    const bool in_actor =
        std::any_of(actors_.begin(), actors_.end(), [&](const Found& a) {
          return a.first_token < f->end_token && f->first_token < a.end_token;
        });
    if (in_actor || entry.anaphor == AnaphorTarget::kReports ||
        entry.anaphor == AnaphorTarget::kAttribution) {
      continue;
    }
    if (entry.anaphor == AnaphorTarget::kPronoun ||
        entry.anaphor == AnaphorTarget::kSpeaker ||
        entry.anaphor == AnaphorTarget::kActorKind) {
      const std::optional<uint32_t> referent = ActorReferent(*f, entry);
      if (referent.has_value()) {
        actors_.push_back(
            {*referent, f->first_token, f->end_token, f->begin, f->end});
      }
      continue;
    }
    ResolvePlaceAnaphor(*f, entry.anaphor);
  }
}

void SentenceCoder::ResolvePlaceAnaphor(const Found& f, AnaphorTarget target) {
  const bool named_beside = std::any_of(
      mentions_.begin(), mentions_.begin() + named_,
      [&](const gazetteer::Mention* m) {
        return (m->begin < f.end && f.begin < m->end) ||
               (m->end <= f.begin && f.begin - m->end <= kAppositionGap) ||
               (m->begin >= f.end && m->begin - f.end <= kAppositionGap);
      });
  if (named_beside) return;
  // "населенный пункт Новогеоргиевка": a name the gazetteer does not know
  // follows; it is that place, not the one before.
  const absl::string_view after =
      absl::StripLeadingAsciiWhitespace(text_.substr(f.end, end_ - f.end));
  size_t length = 1;
  if (target == AnaphorTarget::kSettlement && !after.empty() &&
      after.data() - (text_.data() + f.end) <= 1 &&
      !ActorStartsAt(f.end_token) &&
      IsUpperLetter(DecodeUtf8(after, 0, &length))) {
    return;
  }
  const gazetteer::Place* place = LatestNamed(target, f.begin);
  if (place == nullptr) return;
  gazetteer::Mention& m = resolved_.emplace_back();
  m.begin = f.begin;
  m.end = f.end;
  m.surface = std::string(text_.substr(f.begin, f.end - f.begin));
  m.candidates = {place};
  mentions_.push_back(&m);
  anaphoric_.insert(&m);
}

const gazetteer::Place* SentenceCoder::LatestNamed(AnaphorTarget target,
                                                   uint32_t before) const {
  const gazetteer::Place* latest = nullptr;
  for (size_t i = 0; i < named_; ++i) {
    if (mentions_[i]->end <= before &&
        (target == AnaphorTarget::kPlace ||
         AnaphorGroup(mentions_[i]->place().kind) == target)) {
      latest = &mentions_[i]->place();
    }
  }
  if (latest != nullptr) return latest;
  switch (target) {
    case AnaphorTarget::kSettlement:
      return context_->last_settlement;
    case AnaphorTarget::kFeature:
      return context_->last_feature;
    case AnaphorTarget::kRegion:
      return context_->last_region;
    case AnaphorTarget::kPlace:
      return context_->last_place_named;
    default:
      return nullptr;
  }
}

void SentenceCoder::PlaceClaims() {
  ReadPending();
  has_area_ = std::any_of(
      figures_.begin(), figures_.end(),
      [](const v1::Quantity& q) { return q.kind() == v1::QUANTITY_KIND_AREA; });
  for (Pending& item : pending_) PlacePending(&item);
  AddJoinedPlaces();
  DropRedundant();
}

void SentenceCoder::ReadPending() {
  for (const Found* p : patterns_) {
    const PatternEntry& entry = Cue(*p);
    if (IsDowned(*p)) {
      const Found* weapon = WeaponOf(*p, /*object=*/true);
      pending_.push_back({Cue(*weapon).type, p, nullptr, false, weapon, true});
      continue;
    }
    v1::ClaimType type = entry.type;
    if (type == v1::CLAIM_TYPE_CAPTURE && TakesPeople(*p)) continue;
    // "атакували Запоріжжя дронами", "a drone hit": an act done with a
    // weapon is the weapon's strike.
    const Found* weapon = WeaponOf(*p, entry.sends);
    const bool armed =
        (entry.armed || type == v1::CLAIM_TYPE_ASSAULT) && weapon != nullptr;
    if (armed) type = Cue(*weapon).type;
    if (!entry.persons || people_counted_) {
      pending_.push_back(
          {type, p, nullptr, entry.weak, armed ? weapon : nullptr});
    }
    // "launched 1,300 drones and nearly 50 missiles": each weapon's strike.
    if (const Found* other = armed ? JoinedWeapon(*weapon) : nullptr) {
      pending_.push_back({Cue(*other).type, p, nullptr, entry.weak, other});
    }
    // "В районе Вербового расчёты FPV уничтожили склад", "a drone killed
    // two in Kherson": the losses and the strike that caused them, where the
    // sentence names the place.
    if (type == v1::CLAIM_TYPE_CASUALTIES && weapon != nullptr &&
        Cue(*weapon).kind == CueKind::kWeapon && !places_.empty()) {
      pending_.push_back({Cue(*weapon).type, p, nullptr, entry.weak, weapon});
    }
  }
  if (pending_.empty() && denial_ != nullptr) {
    pending_.push_back({v1::CLAIM_TYPE_DENIAL, denial_});
  }
}

const Found* SentenceCoder::JoinedWeapon(const Found& weapon) const {
  for (const Found& w : cues_) {
    const PatternEntry& entry = Cue(w);
    if (&w == &weapon || entry.type == Cue(weapon).type ||
        !IsStrike(entry.type) ||
        (entry.kind != CueKind::kWeapon && entry.kind != CueKind::kClaim)) {
      continue;
    }
    const Found& first = w.begin < weapon.begin ? w : weapon;
    const Found& second = w.begin < weapon.begin ? weapon : w;
    const bool joined = std::any_of(
        conjunctions_.begin(), conjunctions_.end(), [&](const Found* c) {
          return c->begin >= first.end && c->end <= second.begin;
        });
    if (joined && second.first_token >= first.end_token &&
        InClause(first.end, second.begin) &&
        WordsBetween(first.end_token, second.first_token) <=
            kJoinedWeaponWords) {
      return &w;
    }
  }
  return nullptr;
}

// "had taken two North Korean troops prisoner", "captured 15 soldiers":
// people taken, not a place.
bool SentenceCoder::TakesPeople(const Found& p) const {
  return std::any_of(figures_.begin(), figures_.end(),
                     [&](const v1::Quantity& q) {
                       return q.kind() == v1::QUANTITY_KIND_TROOPS &&
                              q.span().begin() >= p.end &&
                              q.span().begin() - p.end <= kTakenPeopleGapBytes;
                     });
}

// The place: the first one after the pattern unless another pattern or an
// attribution comes first, else the last one before it in its clause or set
// before it ("In Kursk, ...").
void SentenceCoder::PlacePending(Pending* item) {
  item->place = PlaceAfter(*item);
  // A location that is no known place ("in eastern Ukraine") leaves the
  // claim without one.
  if (IsUnknownLocation(*item->pattern, item->place)) {
    item->place = nullptr;
    return;
  }
  // "in the Kursk region towards Berdin": the place inside it is meant.
  if (item->place != nullptr &&
      item->place->place().kind == gazetteer::PlaceKind::kRegion) {
    item->place = PlaceWithin(*item->place);
  }
  if (item->place == nullptr) item->place = PlaceBefore(*item);
  if (item->type == v1::CLAIM_TYPE_CONTROL && has_area_ &&
      (item->place == nullptr ||
       item->place->place().kind == gazetteer::PlaceKind::kRegion)) {
    item->type = v1::CLAIM_TYPE_TERRITORY_HELD;
  }
}

// "attacks launched from the Kursk region", "запущено з Криму": where an
// act came from, not where it happened. Where a withdrawal leaves from is
// its place.
bool SentenceCoder::IsUsablePlace(const Pending& item,
                                  const gazetteer::Mention& m) const {
  return item.type == v1::CLAIM_TYPE_WITHDRAWAL || !IsOrigin(m);
}

const gazetteer::Mention* SentenceCoder::PlaceAfter(const Pending& item) const {
  const Found& p = *item.pattern;
  for (const auto* m : places_) {
    if (m->begin < p.end || !IsUsablePlace(item, *m)) continue;
    // "the town", "there" refer back only within the pattern's clause.
    if (anaphoric_.contains(m) && HasClausePunctuation(WithoutQuotes(
                                      text_.substr(p.end, m->begin - p.end)))) {
      return nullptr;
    }
    const bool barred =
        std::any_of(cues_.begin(), cues_.end(), [&](const Found& c) {
          const CueKind k = Cue(c).kind;
          // The verb's own object ("repelled 24 assaults") bars nothing.
          const bool object =
              c.first_token <= p.end_token + kRepelledObjectTokens;
          return c.begin >= p.end && c.end <= m->begin &&
                 ((k == CueKind::kClaim && !Cue(c).weak && !object) ||
                  k == CueKind::kClaimantBefore ||
                  k == CueKind::kClaimantAfter || k == CueKind::kHypothetical);
        });
    return barred ? nullptr : m;
  }
  return nullptr;
}

bool SentenceCoder::IsUnknownLocation(const Found& p,
                                      const gazetteer::Mention* place) const {
  const Found* located = nullptr;
  for (const Found* l : locatives_) {
    if (l->begin >= p.end && l->begin - p.end <= kLocativeGap &&
        InClause(p.end, l->begin)) {
      located = l;
      break;
    }
  }
  return located != nullptr &&
         (place == nullptr || place->begin < located->end ||
          place->begin - located->end > kLocationPhraseBytes);
}

const gazetteer::Mention* SentenceCoder::PlaceWithin(
    const gazetteer::Mention& region) const {
  for (const auto* m : places_) {
    if (m->begin >= region.end &&
        m->begin - region.end <= kRegionThenPlaceGap &&
        m->place().region_id == region.place().id &&
        !HasCueBetween(region.end, m->begin)) {
      return m;
    }
  }
  return &region;
}

const gazetteer::Mention* SentenceCoder::PlaceBefore(
    const Pending& item) const {
  const Found& p = *item.pattern;
  const gazetteer::Mention* place = nullptr;
  for (const auto* m : places_) {
    if (m->end > p.begin || !IsUsablePlace(item, *m)) continue;
    // A name in quotes between ("группировка «Север» продвинулась")
    // ends no clause.
    const absl::string_view gap = text_.substr(m->end, p.begin - m->end);
    const bool in_clause = !HasClausePunctuation(gap) ||
                           (CodePoints(gap) <= kQuotedNameChars &&
                            !HasClausePunctuation(WithoutQuotes(gap)));
    // Losses belong to the strike reported before them ("shelled
    // Kupiansk, injuring four").
    if (in_clause || IsSetBefore(*m) || IsRelativeTo(*m, p) ||
        item.type == v1::CLAIM_TYPE_CASUALTIES || IsDescribedSubject(*m, p)) {
      place = m;
    }
  }
  return place;
}

bool SentenceCoder::IsRelativeTo(const gazetteer::Mention& m,
                                 const Found& p) const {
  // "the Kursk region, where Ukrainian forces launched an incursion":
  // what a region is known for is background more often than news.
  if (m.place().kind == gazetteer::PlaceKind::kRegion) return false;
  return std::any_of(cues_.begin(), cues_.end(), [&](const Found& r) {
    return Cue(r).kind == CueKind::kRelative && r.begin >= m.end &&
           r.end <= p.begin && InClause(r.end, p.begin) &&
           CodePoints(text_.substr(m.end, r.begin - m.end)) <=
               kRelativeGapChars &&
           absl::StrContains(text_.substr(m.end, r.begin - m.end), ',');
  });
}

bool SentenceCoder::IsSetBefore(const gazetteer::Mention& m) const {
  // "On the Pokrovsk front, Russian forces attacked 44 times".
  const bool fronted_front =
      CodePoints(text_.substr(begin_, m.begin - begin_)) <=
          kFrontedPlaceChars &&
      std::any_of(cues_.begin(), cues_.end(), [&](const Found& c) {
        return Cue(c).kind == CueKind::kNearAfter && c.begin >= m.end &&
               c.begin - m.end <= 1 &&
               absl::StartsWith(absl::StripLeadingAsciiWhitespace(
                                    text_.substr(c.end, end_ - c.end)),
                                ",");
      });
  return fronted_front ||
         std::any_of(
             locatives_.begin(), locatives_.end(),
             [&](const Found* l) {
               // "In Kursk, ...", "Upriver in Beryslav, ...".
               return l->first_token <= 1 && l->end <= m.begin &&
                      CodePoints(text_.substr(l->end, m.begin - l->end)) <=
                          kFrontedPlaceChars;
             }) ||
         std::any_of(cues_.begin(), cues_.end(),
                     [&](const Found& c) {
                       return Cue(c).kind == CueKind::kNearBefore &&
                              c.first_token == 0 && c.end <= m.begin &&
                              m.begin - c.end <= kNearGap;
                     }) ||
         // "Харків: ...", "м. Харків: ..." head a line about that place.
         (CodePoints(text_.substr(begin_, m.begin - begin_)) <=
              kHeadingPrefixChars &&
          absl::StartsWith(absl::StripLeadingAsciiWhitespace(
                               text_.substr(m.end, end_ - m.end)),
                           ":"));
}

// "Kurajove, a key target of its attacks, has fallen": a place that no
// pattern precedes, set off by a description, is the subject.
bool SentenceCoder::IsDescribedSubject(const gazetteer::Mention& m,
                                       const Found& p) const {
  const bool after_pattern =
      std::any_of(cues_.begin(), cues_.end(), [&](const Found& c) {
        return Cue(c).kind == CueKind::kClaim && c.end <= m.begin;
      });
  if (after_pattern) return false;
  absl::string_view gap = text_.substr(m.end, p.begin - m.end);
  if (!absl::StartsWith(gap, ",")) return false;
  const size_t close = gap.find(',', 1);
  if (close == absl::string_view::npos || close > kAppositiveMaxBytes ||
      HasClausePunctuation(gap.substr(close + 1)) ||
      HasClausePunctuation(gap.substr(1, close - 1))) {
    return false;
  }
  return std::any_of(appositives_.begin(), appositives_.end(),
                     [&](const Found* a) {
                       return a->begin > m.end && a->begin - m.end <= 3;
                     });
}

bool SentenceCoder::HasCueBetween(uint32_t from, uint32_t to) const {
  return std::any_of(cues_.begin(), cues_.end(), [&](const Found& c) {
    const CueKind k = Cue(c).kind;
    return c.begin >= from && c.end <= to &&
           (k == CueKind::kClaim || k == CueKind::kClaimantBefore ||
            k == CueKind::kClaimantAfter);
  });
}

// "near Mala Tokmachka and Orikhiv", "the facility and the nearby city of
// Enerhodar": each place joined to a claim's place is a claim too.
// "captured Kurakhove and Dachne", "the Pokrovsk and Kurakhove fronts, where
// Russian forces attacked": a claim at each place of a list.
void SentenceCoder::AddJoinedPlaces() {
  const size_t single = pending_.size();
  for (size_t i = 0; i < single; ++i) {
    if (pending_[i].place == nullptr) continue;
    JoinPlacesAfter(i);
    JoinPlacesBefore(i);
  }
}

void SentenceCoder::JoinPlacesAfter(size_t i) {
  const gazetteer::Mention* last = pending_[i].place;
  // "над Курской и Белгородской областями": regions listed together join
  // wherever they stand.
  const bool regions = last->place().kind == gazetteer::PlaceKind::kRegion;
  if (last->begin < pending_[i].pattern->end && !regions) return;
  for (const auto* m : places_) {
    if (m->begin < last->end) continue;
    if (!Joined(*last, *m) ||
        (m->place().kind == gazetteer::PlaceKind::kRegion && !regions)) {
      break;
    }
    Pending more = pending_[i];
    more.place = m;
    pending_.push_back(more);
    last = m;
  }
}

void SentenceCoder::JoinPlacesBefore(size_t i) {
  const gazetteer::Mention* first = pending_[i].place;
  const bool regions = first->place().kind == gazetteer::PlaceKind::kRegion;
  for (auto m = places_.rbegin(); m != places_.rend(); ++m) {
    if ((*m)->end > first->begin) continue;
    if (!Joined(**m, *first) ||
        ((*m)->place().kind == gazetteer::PlaceKind::kRegion) != regions) {
      break;
    }
    Pending more = pending_[i];
    more.place = *m;
    pending_.push_back(more);
    first = *m;
  }
}

bool SentenceCoder::Joined(const gazetteer::Mention& a,
                           const gazetteer::Mention& b) const {
  if (b.begin - a.end > kJoinedPlaceGap || HasCueBetween(a.end, b.begin)) {
    return false;
  }
  // "Myrnohrad, Pokrovsk's smaller twin": a description, not a list.
  const absl::string_view after = text_.substr(b.end, end_ - b.end);
  if (absl::StartsWith(after, "'s") || absl::StartsWith(after, "\u2019s")) {
    return false;
  }
  // "Оріхів, Мала Токмачка Запорізької області; Дружківка, Краматорськ
  // Донецької області": the region that locates one list item ends it.
  uint32_t from = a.end;
  for (const gazetteer::Mention* m : mentions_) {
    if (m->begin >= a.end && m->end <= b.begin &&
        m->place().kind == gazetteer::PlaceKind::kRegion && Locates(a, *m)) {
      from = m->end;
    }
  }
  const absl::string_view gap =
      absl::StripAsciiWhitespace(text_.substr(from, b.begin - from));
  return std::any_of(conjunctions_.begin(), conjunctions_.end(),
                     [&](const Found* c) {
                       return c->begin >= from && c->end <= b.begin;
                     }) ||
         gap == "," || (gap == ";" && from != a.end);
}

void SentenceCoder::DropRedundant() {
  dropped_.assign(pending_.size(), false);
  for (size_t i = 0; i < pending_.size(); ++i) {
    for (size_t j = 0; j < pending_.size(); ++j) {
      if (i != j && RedundantBeside(pending_[i], pending_[j])) {
        dropped_[i] = true;
      }
    }
  }
}

// Whether `b` makes `a` redundant: `a` is a weak pattern where a strong one
// claims the same place, or an assault that is the object of "repelled" or
// that a drone, missile or shelling claim at the same place names more
// precisely.
bool SentenceCoder::RedundantBeside(const Pending& a, const Pending& b) const {
  // Control is implied by a change of hands, not by an advance ("advanced
  // into Toretsk and now controlled most of the city" is both).
  const bool subsumes = a.type != v1::CLAIM_TYPE_CONTROL ||
                        b.type == v1::CLAIM_TYPE_CAPTURE ||
                        b.type == v1::CLAIM_TYPE_CONTROL ||
                        b.type == v1::CLAIM_TYPE_TERRITORY_HELD ||
                        b.type == v1::CLAIM_TYPE_WITHDRAWAL;
  // "опроверг информацию о захвате Купянска, заявив, что украинские
  // подразделения удерживают город": a denial or a new statement
  // parts what is denied from what the denier holds.
  const uint32_t from = std::min(a.pattern->end, b.pattern->end);
  const uint32_t to = std::max(a.pattern->begin, b.pattern->begin);
  auto parts = [&](const Found* c) {
    return c != nullptr && from <= c->begin && c->end <= to;
  };
  const bool two_statements =
      parts(denial_) ||
      std::any_of(claimant_cues_.begin(), claimant_cues_.end(), parts);
  if (IsWeaponOfOther(a, b)) return true;
  // "з артилерії та РСЗВ ворог бив по Оріхову": the verb's weapon.
  if (Cue(*a.pattern).instrument && !Cue(*b.pattern).instrument &&
      (IsStrike(b.type) || b.type == v1::CLAIM_TYPE_ASSAULT) &&
      InClause(std::min(a.pattern->end, b.pattern->end),
               std::max(a.pattern->begin, b.pattern->begin))) {
    return true;
  }
  // "a drone attack ... injured a man": the strike and its toll are two
  // claims ("heavy fighting ... killed 60" is one).
  // "атакував Нікополь артилерією та дронами": each weapon's strike.
  const bool strike_and_toll =
      IsStrike(a.type) && b.type == v1::CLAIM_TYPE_CASUALTIES;
  const bool other_weapon =
      a.weapon != nullptr && IsStrike(b.type) && b.type != a.type;
  if (a.weak && !b.weak && subsumes && SamePlace(a.place, b.place) &&
      !two_statements && !strike_and_toll && !other_weapon &&
      !Cue(*b.pattern).instrument) {
    return true;
  }
  if (a.type != v1::CLAIM_TYPE_ASSAULT) return false;
  // "captured Rodynske as a result of offensive actions".
  return (b.type == v1::CLAIM_TYPE_CAPTURE && a.place != nullptr &&
          SamePlace(a.place, b.place)) ||
         (b.type == v1::CLAIM_TYPE_REPELLED_ATTACK &&
          a.pattern->first_token >= b.pattern->end_token &&
          a.pattern->first_token - b.pattern->end_token <=
              kRepelledObjectTokens) ||
         (IsStrike(b.type) && SamePlace(a.place, b.place));
}

// "обстреляли Рыльск из HIMARS": a weapon one side uses, named as the
// weapon of a strike verb at its place, is that strike's, not one of its
// own.
bool SentenceCoder::IsWeaponOfOther(const Pending& a, const Pending& b) const {
  return IsStrike(a.type) && IsStrike(b.type) && a.pattern != b.pattern &&
         !b.weak && Cue(*a.pattern).fixed_side != v1::SIDE_UNSPECIFIED &&
         Cue(*b.pattern).fixed_side == v1::SIDE_UNSPECIFIED &&
         WeaponOf(*b.pattern) == a.pattern && SamePlace(a.place, b.place);
}

const gazetteer::Mention* SentenceCoder::CarriedFrom(
    const gazetteer::Place* place) {
  if (place == nullptr) return nullptr;
  gazetteer::Mention& m = resolved_.emplace_back();
  m.begin = m.end = begin_;
  m.candidates = {place};
  return &m;
}

// "Makhnovka in the Kursk region", "Tyotkino, Glushkovsky District",
// "Krasnopillia, a town in Ukraine's Sumy region".
bool SentenceCoder::Locates(const gazetteer::Mention& place,
                            const gazetteer::Mention& m) const {
  const gazetteer::PlaceKind kind = m.place().kind;
  const bool contains =
      (kind == gazetteer::PlaceKind::kRegion &&
       place.place().region_id == m.place().id) ||
      (kind == gazetteer::PlaceKind::kDistrict &&
       place.place().kind != gazetteer::PlaceKind::kRegion &&
       place.place().kind != gazetteer::PlaceKind::kDistrict &&
       place.place().region_id == m.place().region_id);
  if (!contains || m.begin < place.end) return false;
  if (m.begin - place.end <= kRegionQualifierGap) return true;
  const absl::string_view gap = text_.substr(place.end, m.begin - place.end);
  if (!absl::StartsWith(gap, ",") || gap.size() > kAppositiveMaxBytes ||
      HasClausePunctuation(gap.substr(1))) {
    return false;
  }
  const std::vector<const Found*> appositives = CuesOf(CueKind::kAppositive);
  // "Makhnovka, a village in the Kursk region", not "Korenevo, and that
  // Ukraine had lost 370 troops in the Kursk region".
  return std::any_of(appositives.begin(), appositives.end(),
                     [&](const Found* a) {
                       return a->begin >= place.end &&
                              a->begin - place.end <= kAppositiveOpenBytes &&
                              a->end <= m.begin;
                     });
}

bool SentenceCoder::IsOrigin(const gazetteer::Mention& m) const {
  return std::any_of(origins_.begin(), origins_.end(), [&](const Found* o) {
    return o->end <= m.begin && m.begin - o->end <= kFrontedLocativeGap &&
           InClause(o->end, m.begin);
  });
}

// "in the eastern Ukrainian region", "inside Russia": a location, not
// an actor.
bool SentenceCoder::IsLocation(const Found& a) const {
  return std::any_of(locatives_.begin(), locatives_.end(), [&](const Found* l) {
    return l->end <= a.begin && a.begin - l->end <= kFrontedLocativeGap &&
           InClause(l->end, a.begin) &&
           std::none_of(places_.begin(), places_.end(), [&](const auto* m) {
             return m->begin >= l->end && m->end <= a.begin;
           });
  });
}

}  // namespace frontline::extract
