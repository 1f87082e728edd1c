// SentenceCoder::Emit: each pending claim's place, claimant, doer and side,
// and the v1::Claim made of them.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/timestamp.pb.h"
#include "libs/extract/clause_text.h"
#include "libs/extract/coder_rules.h"
#include "libs/extract/relative_time.h"
#include "libs/extract/sentence_coder.h"
#include "libs/extract/utf8.h"

namespace frontline::extract {
namespace {

// "four Kh-101 cruise missiles": words a count may stand before its weapon.
constexpr uint32_t kCountedWeaponTokens = 4;

v1::Side Opposite(v1::Side side) {
  if (side == v1::SIDE_RUSSIA) return v1::SIDE_UKRAINE;
  if (side == v1::SIDE_UKRAINE) return v1::SIDE_RUSSIA;
  return v1::SIDE_UNSPECIFIED;
}

bool IsBelligerent(v1::Side side) {
  return side == v1::SIDE_RUSSIA || side == v1::SIDE_UKRAINE;
}

// Claims of a side's gain, which the other side is the one to deny.
bool IsGain(v1::ClaimType type) {
  return type == v1::CLAIM_TYPE_CAPTURE || type == v1::CLAIM_TYPE_CONTROL ||
         type == v1::CLAIM_TYPE_ADVANCE ||
         type == v1::CLAIM_TYPE_TERRITORY_HELD;
}

// Strikes and losses: what a side reports the other side doing to it.
bool IsHarm(v1::ClaimType type) {
  return IsStrike(type) || type == v1::CLAIM_TYPE_CASUALTIES;
}

// The side of actor `a` when `voice` is the side speaking ("наші", "ворог").
v1::Side SideOfActor(const ActorEntry& a, v1::Side voice) {
  return a.rule == SideRule::kFixed ? a.side
         : a.rule == SideRule::kOwn ? voice
                                    : Opposite(voice);
}

}  // namespace

void SentenceCoder::Emit() {
  absl::flat_hash_set<std::string> emitted;
  first_claim_ = claims_->size();
  last_place_ = nullptr;
  sentence_place_ = nullptr;
  strike_place_ = nullptr;
  strike_side_ = v1::SIDE_UNSPECIFIED;
  assault_place_ = nullptr;
  for (size_t i = 0; i < pending_.size(); ++i) {
    if (dropped_[i]) continue;
    const std::optional<Coding> c = CodingOf(pending_[i]);
    if (!c.has_value()) continue;
    const std::string key = absl::StrCat(
        c->type, "|", c->place != nullptr ? c->place->place().id : "", "|",
        c->side);
    if (!emitted.insert(key).second) continue;
    RememberEmitted(*c);
    AddClaims(*c);
  }
}

std::optional<SentenceCoder::Coding> SentenceCoder::CodingOf(
    const Pending& item) {
  Coding c{.type = item.type,
           .pattern = item.pattern,
           .weapon = item.weapon,
           .downed = item.downed};
  c.place = AnchoredPlace(item, &c);
  // Drones brought down somewhere nobody names are no strike on a place.
  if (c.place == nullptr && (figures_.empty() || item.downed)) {
    return std::nullopt;
  }
  // A figure that is no area ("a dozen armored vehicles") anchors no
  // place: the claim is where the text last was, in this sentence or the
  // one before it. An area ("150 square miles inside Russia") and a toll
  // of losses stand on their own.
  // Nor does a count of weapons ("Russia launched 88 drones overnight"):
  // a strike on no place named is a country's night, not the last town's.
  const bool weapons_counted =
      IsStrike(c.type) &&
      IsCounted(c.weapon != nullptr ? *c.weapon : *c.pattern);
  if (c.place == nullptr && !has_area_ && c.type != v1::CLAIM_TYPE_CASUALTIES &&
      !weapons_counted) {
    c.place = PlaceTextWasAt(*c.pattern);
  }
  c.denied = IsDenied(*c.pattern);
  ReadClaimant(&c);
  ReadDoer(&c);
  c.side = SideOf(c);
  // Whose act it is stays unknown: nothing the conflict state can hold.
  if (!IsBelligerent(c.side)) return std::nullopt;
  return c;
}

void SentenceCoder::AddClaims(const Coding& c) {
  v1::Claim claim = ClaimOf(c);
  // A statement said and then denied in one sentence is a claim of
  // whoever said it too. (One only named inside the denial, "спростував
  // заяви Міноборони РФ про захоплення", codes the denial alone.)
  const Found* reporter = c.denied ? ReporterOf(*c.pattern) : nullptr;
  if (reporter != nullptr) {
    v1::Claim reported = claim;
    const ActorEntry& r = Actor(*reporter);
    reported.set_polarity(v1::POLARITY_ASSERTED);
    FillActor(r, FixedSide(r), reported.mutable_claimant());
    // "..., the ministry said, a claim that is false" with nobody named
    // denying: the speaker asserts it and does not deny it too.
    const bool denied_by_reporter =
        reported.claimant().id() == claim.claimant().id();
    claims_->push_back(std::move(reported));
    if (denied_by_reporter) return;
  }
  claims_->push_back(std::move(claim));
}

const gazetteer::Mention* SentenceCoder::AnchoredPlace(const Pending& item,
                                                       Coding* c) {
  const gazetteer::Mention* place = item.place;
  bool* repels_previous = &c->repels_previous;
  // "A Russian drone hit a car in Beryslav, killing two, Kherson regional
  // governor said": losses of a strike in the sentence are where it struck.
  if (item.type == v1::CLAIM_TYPE_CASUALTIES && strike_place_ != nullptr) {
    place = CarriedFrom(strike_place_);
    c->toll_side = strike_side_;
  }
  // Losses right after a strike are the strike's; people killed or hurt
  // need no figure ("Ракета влучила в Запоріжжя. ... Поранено трьох
  // людей").
  if (place == nullptr && item.type == v1::CLAIM_TYPE_CASUALTIES &&
      (Cue(*item.pattern).toll || !figures_.empty()) && same_paragraph_) {
    place = CarriedFrom(context_->previous_strike_place);
    if (place != nullptr) c->toll_side = context_->previous_strike_side;
  }
  // "... атакував у районі Лимана. Усі атаки відбито.": the attacks
  // repelled are those just reported ("противник отошёл на исходные":
  // and the attackers fell back from there).
  const bool answers_previous = place == nullptr && places_.empty() &&
                                same_paragraph_ &&
                                context_->previous_assault_place != nullptr &&
                                (item.type == v1::CLAIM_TYPE_REPELLED_ATTACK ||
                                 item.type == v1::CLAIM_TYPE_WITHDRAWAL);
  *repels_previous =
      answers_previous && item.type == v1::CLAIM_TYPE_REPELLED_ATTACK;
  if (answers_previous) {
    place = CarriedFrom(context_->previous_assault_place);
  }
  if (place == nullptr && places_.empty()) {
    place = CarriedFrom(context_->paragraph_place);
  }
  return place;
}

const gazetteer::Mention* SentenceCoder::PlaceTextWasAt(const Found& p) {
  const gazetteer::Mention* place = nullptr;
  for (const auto* m : places_) {
    if (m->end <= p.begin && !IsOrigin(*m)) place = m;
  }
  if (place == nullptr) place = CarriedFrom(context_->previous_place);
  return place;
}

// "denied that Russian troops had gained ground, saying the attackers had
// lost dozens": what the denier goes on to say is asserted.
// So is what the denier says in quotes after it ("опровергли ...: «село
// удерживают наши воины»").
// "rejected Russian claims that ..." names whose claims are denied.
bool SentenceCoder::IsDenied(const Found& p) const {
  // "росіяни просуваються в Торецьку, але заяви про захоплення міста —
  // неправда": what stands before "but" is not what a denial of its own
  // object after it denies ("..., but officials denied that" is).
  const bool contrasted =
      denial_ != nullptr && p.end <= denial_->begin &&
      std::any_of(
          conjunctions_.begin(), conjunctions_.end(), [&](const Found* c) {
            return Cue(*c).contrast && c->begin >= p.end &&
                   c->end <= denial_->begin &&
                   std::any_of(
                       patterns_.begin(), patterns_.end(), [&](const Found* q) {
                         return q->begin >= c->end && q->end <= denial_->begin;
                       });
          });
  // "told AP the claim was false and that Ukrainian troops still held
  // Stepnohirsk": what the denier goes on to say is asserted.
  const bool goes_on =
      denial_ != nullptr && p.begin >= denial_->end &&
      std::any_of(
          complementizers_.begin(), complementizers_.end(),
          [&](const Found* c) {
            const bool after_and = std::any_of(
                conjunctions_.begin(), conjunctions_.end(),
                [&](const Found* j) { return j->end_token == c->first_token; });
            return after_and && c->begin >= denial_->end && c->end <= p.begin;
          });
  return denial_ != nullptr && !contrasted && !goes_on &&
         !std::any_of(claimant_cues_.begin(), claimant_cues_.end(),
                      [&](const Found* c) {
                        return c->begin >= denial_->end && c->end <= p.begin &&
                               !NamesItsOwner(*c);
                      }) &&
         !(p.begin >= denial_->end &&
           WithoutQuotes(text_.substr(denial_->end, p.begin - denial_->end))
                   .size() != p.begin - denial_->end) &&
         // "Это не так: посёлок под контролем наших подразделений".
         !(p.begin >= denial_->end &&
           absl::StrContains(text_.substr(denial_->end, p.begin - denial_->end),
                             ':'));
}

void SentenceCoder::ReadClaimant(Coding* c) const {
  c->claimant = ClaimantFor(*c->pattern);
  c->claimant_entry = c->claimant != nullptr           ? &Actor(*c->claimant)
                      : someone_else_speaks_           ? nullptr
                      : continued_speaker_.has_value() ? ContinuedSpeaker()
                                                       : context_->header;
  c->claimant_side = c->claimant_entry != nullptr
                         ? FixedSide(*c->claimant_entry)
                         : v1::SIDE_UNSPECIFIED;
}

bool SentenceCoder::IsCounted(const Found& weapon) const {
  const uint32_t from = weapon.first_token > kCountedWeaponTokens
                            ? weapon.first_token - kCountedWeaponTokens
                            : 0;
  for (uint32_t t = from; t < weapon.first_token; ++t) {
    if (IsNumber(t) && InClause(tokens_[t].end, weapon.begin)) return true;
  }
  return false;
}

bool SentenceCoder::TakesNoPart(const Found& a, const Found* claimant) const {
  return &a == claimant || IsObserver(Actor(a).kind) || DescribesPlace(a);
}

bool SentenceCoder::DescribesPlace(const Found& a) const {
  return std::any_of(cues_.begin(), cues_.end(), [&](const Found& c) {
    return Cue(c).kind == CueKind::kPlaceNoun && c.first_token == a.end_token;
  });
}

void SentenceCoder::ReadDoer(Coding* c) const {
  const Found& p = *c->pattern;
  const bool strike = IsStrike(c->type);
  // "air defences shot down 47 Ukrainian drones": the drones' side struck;
  // with none named, the other side than the one bringing them down.
  if (c->downed) {
    c->doer = OwnerOf(*c->weapon);
    if (c->doer == nullptr) c->target = SubjectBefore(p, c->claimant, strike);
    return;
  }
  c->doer = SubjectBefore(p, c->claimant, strike);
  // "..., однак місто тримають наші підрозділи": the subject after the
  // verb, ending its clause, over one in an earlier clause.
  if (c->doer != nullptr && !InClause(c->doer->end, p.begin)) {
    const Found* after = SubjectEndingClauseAfter(p, c->claimant);
    if (after != nullptr) c->doer = after;
  }
  // After the verb only when the claimant does not speak for a side
  // ("Kurakhove passed under the control of Russian forces") or for losses.
  // Losses name their side wherever it stands ("загинули 3 800 військових").
  // A strike's target after it ("уничтожен склад боеприпасов ВСУ"): the
  // striker is the other side.
  // Right after the weapon it is the subject ("з артилерії та РСЗВ ворог
  // бив по Оріхову").
  if (c->doer == nullptr && strike) ReadStrikeActorAfter(c);
  if (c->doer == nullptr && c->target == nullptr &&
      (!IsBelligerent(c->claimant_side) ||
       c->type == v1::CLAIM_TYPE_CASUALTIES)) {
    ReadActorAfter(c);
  }
  // "просування окупантів", "штурм російських військ": an act named by a
  // noun is done by the actor right after it.
  if (Cue(p).nominal) ReadNominalDoer(c);
  // Losses are of the side named after the verb when there is one
  // ("Ukrainian troops killed 60 Russian soldiers").
  if (c->type == v1::CLAIM_TYPE_CASUALTIES) ReadLossesDoer(c);
}

const Found* SentenceCoder::SubjectEndingClauseAfter(
    const Found& p, const Found* claimant) const {
  for (const Found& a : actors_) {
    if (a.first_token == p.end_token && !TakesNoPart(a, claimant) &&
        EndsClause(a)) {
      return &a;
    }
  }
  return nullptr;
}

void SentenceCoder::ReadActorAfter(Coding* c) const {
  const Found& p = *c->pattern;
  for (const Found& a : actors_) {
    if (TakesNoPart(a, c->claimant)) continue;
    if (a.begin >= p.end) {
      // "repelled three Russian attempts": the attackers, not who repels.
      (c->type == v1::CLAIM_TYPE_REPELLED_ATTACK ? c->target : c->doer) = &a;
      return;
    }
  }
}

void SentenceCoder::ReadNominalDoer(Coding* c) const {
  for (const Found& a : actors_) {
    if (a.first_token == c->pattern->end_token &&
        !TakesNoPart(a, c->claimant)) {
      c->doer = &a;
      c->target = nullptr;
      return;
    }
  }
}

void SentenceCoder::ReadLossesDoer(Coding* c) const {
  const Found& p = *c->pattern;
  for (const Found& a : actors_) {
    if (TakesNoPart(a, c->claimant) || IsLocation(a)) continue;
    if (a.begin >= p.end && InClause(p.end, a.begin)) {
      c->doer = &a;
      return;
    }
  }
}

void SentenceCoder::ReadStrikeActorAfter(Coding* c) const {
  const Found& p = *c->pattern;
  for (const Found& a : actors_) {
    if (TakesNoPart(a, c->claimant)) continue;
    if (a.begin >= p.end && !HasClausePunctuation(WithoutQuotes(
                                text_.substr(p.end, a.begin - p.end)))) {
      // After a verb the weapon made a strike ("drones had struck a
      // Russian depot") it is the target.
      (a.first_token <= p.end_token + 1 && c->weapon == nullptr ? c->doer
                                                                : c->target) =
          &a;
      return;
    }
  }
}

// The actor: the nearest fighting actor before the verb and after the
// claimant's cue ("X claimed to have repelled" is X's doing), else the
// claimant's side, else the first one after the verb.
const Found* SentenceCoder::SubjectBefore(const Found& p, const Found* claimant,
                                          bool strike) const {
  uint32_t boundary = 0;
  for (const Found* c : claimant_cues_) {
    if (c->end <= p.begin) boundary = c->end;
  }
  const Found* doer = nullptr;
  for (const Found& a : actors_) {
    if (TakesNoPart(a, claimant)) continue;
    if (Actor(a).kind == v1::ACTOR_KIND_STATE && IsLocation(a)) continue;
    if (a.begin < boundary || a.end > p.begin) continue;
    // "відкинули окупантів ... та звільнили": the object of the verb
    // before is not the subject of the one after "and".
    const bool object_of_earlier =
        std::any_of(cues_.begin(), cues_.end(),
                    [&](const Found& q) {
                      return Cue(q).kind == CueKind::kClaim && q.end <= a.begin;
                    }) &&
        std::any_of(conjunctions_.begin(), conjunctions_.end(),
                    [&](const Found* c) {
                      return c->begin >= a.end && c->end <= p.begin;
                    }) &&
        InClause(a.end, p.begin);
    if (object_of_earlier) continue;
    // A weapon named after its verb ("hit a Russian ferry crossing with
    // HIMARS rockets") is the subject's: the first actor of the clause.
    if (strike && doer != nullptr && InClause(doer->end, p.begin)) continue;
    doer = &a;
  }
  return doer;
}

v1::Side SentenceCoder::SideOf(const Coding& c) const {
  const PatternEntry& entry = Cue(*c.pattern);
  // "«Герани» отработали по Краматорску. Украинские паблики пишут о
  // четырех погибших": the toll of a strike, with nobody named, is the
  // striking side's.
  if (c.doer == nullptr && c.target == nullptr && IsBelligerent(c.toll_side)) {
    return c.toll_side;
  }
  v1::Side side = NamedSide(c);
  // A passive ("the Ukrainian attempt was thwarted"): the one named before
  // it suffers the act.
  if (entry.kind == CueKind::kClaim && entry.opposite && c.doer != nullptr &&
      c.doer->end <= c.pattern->begin) {
    side = Opposite(side);
  }
  // "its troops had captured Ukrainsk, a claim Ukraine's General Staff
  // rejected": a gain denied is the other side's, whoever "its" seemed to
  // be.
  if (c.denied && denier_ != nullptr && IsGain(c.type) &&
      side == c.claimant_side && IsBelligerent(side)) {
    side = Opposite(side);
  }
  if (c.repels_previous && IsBelligerent(context_->previous_assault_side)) {
    side = Opposite(context_->previous_assault_side);
  }
  return side;
}

v1::Side SentenceCoder::NamedSide(const Coding& c) const {
  const PatternEntry& entry = Cue(*c.pattern);
  // "ворог" and "наші" are relative to whoever speaks: the claimant, else
  // the side a text in this language speaks for.
  // An unnamed speaker's words are reported in the text's own voice
  // ("Украинские паблики пишут, что наши подразделения отошли").
  const bool speaks_for_itself =
      c.claimant_entry != nullptr && !c.claimant_entry->unnamed;
  const v1::Side voice = IsBelligerent(c.claimant_side) && speaks_for_itself
                             ? c.claimant_side
                             : context_->Voice();
  if (entry.kind == CueKind::kClaim &&
      entry.fixed_side != v1::SIDE_UNSPECIFIED) {
    return entry.fixed_side;
  }
  if (c.weapon != nullptr &&
      Cue(*c.weapon).fixed_side != v1::SIDE_UNSPECIFIED) {
    // "«Герани» отработали по Шостке": whose weapon it is.
    return Cue(*c.weapon).fixed_side;
  }
  if (c.doer != nullptr) return SideOfActor(Actor(*c.doer), voice);
  if (c.target != nullptr) {
    return Opposite(SideOfActor(Actor(*c.target), voice));
  }
  return SideNobodyNamed(c, voice);
}

v1::Side SentenceCoder::SideNobodyNamed(const Coding& c, v1::Side voice) const {
  const PatternEntry& entry = Cue(*c.pattern);
  if (entry.kind == CueKind::kClaim && entry.weak &&
      c.type == v1::CLAIM_TYPE_ASSAULT) {
    // "Бої в місті тривають", "heavy fighting": nobody named attacks.
    return v1::SIDE_UNSPECIFIED;
  }
  // "Ukraine's General Staff says drones struck an oil depot in the Bryansk
  // region": a Ukrainian voice's strike in Russia is its own side's.
  if (voice == v1::SIDE_UKRAINE && IsStrike(c.type) && c.place != nullptr &&
      !c.denied && c.place->place().country == "RU") {
    return v1::SIDE_UKRAINE;
  }
  if (IsBelligerent(voice)) {
    // Nobody named: the speaker's own side, except that one denies the
    // other side's gains ("Kyiv denied that Dachne had fallen").
    // Strikes and losses with nobody named are the other side's doing
    // ("поранено двох цивільних" in a Ukrainian report).
    // A denier denies the other side's gains and its own side's harm.
    const bool others =
        c.denied ? IsGain(c.type) : IsHarm(c.type) && !entry.own;
    return others ? Opposite(voice) : voice;
  }
  if (IsHarm(c.type) && c.place != nullptr && !c.denied) {
    // Nobody named and no side speaking ("Two ballistic missiles struck
    // Sumy, the city's mayor said"): a strike on a country's town is the
    // other country's.
    const std::string& country = c.place->place().country;
    return country == "UA"   ? v1::SIDE_RUSSIA
           : country == "RU" ? v1::SIDE_UKRAINE
                             : v1::SIDE_UNSPECIFIED;
  }
  return v1::SIDE_UNSPECIFIED;
}

void SentenceCoder::RememberEmitted(const Coding& c) {
  if (c.doer != nullptr) last_doer_ = c.doer->index;
  if (c.place != nullptr) last_place_ = &c.place->place();
  if (c.place != nullptr && IsStrike(c.type)) {
    strike_place_ = &c.place->place();
    strike_side_ = c.side;
  }
  if (c.place != nullptr && c.type == v1::CLAIM_TYPE_ASSAULT) {
    assault_place_ = &c.place->place();
    assault_side_ = c.side;
  }
  if (c.claimant != nullptr) last_claimant_ = c.claimant->index;
}

v1::Claim SentenceCoder::ClaimOf(const Coding& c) const {
  v1::Claim claim;
  claim.set_type(c.type);
  claim.set_polarity(c.denied ? v1::POLARITY_DENIED : v1::POLARITY_ASSERTED);
  if (c.doer != nullptr) {
    FillActor(Actor(*c.doer), c.side, claim.mutable_actor());
  }
  claim.set_side(c.side);
  if (c.claimant_entry != nullptr && !c.claimant_entry->unnamed) {
    FillActor(*c.claimant_entry, c.claimant_side, claim.mutable_claimant());
  }
  if (c.place != nullptr) {
    claim.set_place_id(c.place->place().id);
    claim.set_geo_precision(PrecisionOf(*c.place));
  }
  const DatedTime dated = ResolveTime(published_, time_cue_);
  claim.mutable_time()->set_seconds(absl::ToUnixSeconds(dated.time));
  claim.set_time_precision(dated.precision);
  for (const v1::Quantity& q : figures_) *claim.add_quantities() = q;
  claim.mutable_span()->set_begin(begin_);
  claim.mutable_span()->set_end(end_);
  claim.set_sentence(ValidUtf8(text_.substr(begin_, end_ - begin_)));
  return claim;
}

v1::GeoPrecision SentenceCoder::PrecisionOf(
    const gazetteer::Mention& place) const {
  if (place.place().kind == gazetteer::PlaceKind::kRegion) {
    return v1::GEO_PRECISION_REGION;
  }
  v1::GeoPrecision precision = v1::GEO_PRECISION_EXACT;
  for (const Found& f : cues_) {
    const CueKind k = Cue(f).kind;
    if (((k == CueKind::kNearBefore || k == CueKind::kBearing) &&
         f.end <= place.begin && place.begin - f.end <= kNearGap) ||
        (k == CueKind::kNearAfter && f.begin >= place.end &&
         f.begin - place.end <= kNearGap)) {
      precision = v1::GEO_PRECISION_NEAR;
    }
  }
  return precision;
}

// "Russian troops stormed Kupiansk, Russia's Defense Ministry said, a claim
// Ukraine's General Staff denied": the one who said it.
// Or before it, the denial after it ("Russia's Defense Ministry said its
// troops had captured Ukrainsk, a claim Ukraine's General Staff rejected").
const Found* SentenceCoder::ReporterOf(const Found& p) const {
  const Found* reporter = nullptr;
  for (const Attribution& a : attributions_) {
    const bool said = (a.cue->begin >= p.end && a.cue->end <= denial_->begin) ||
                      (a.cue->end <= p.begin && denial_->begin >= p.end);
    const bool is_denier =
        denier_ != nullptr &&
        (a.actor == denier_ || a.actor->index == denier_->index);
    if (said && !is_denier) {
      reporter = a.actor;
    }
  }
  return reporter;
}

}  // namespace frontline::extract
