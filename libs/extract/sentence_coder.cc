// SentenceCoder::Code and the phases that read the sentence's words: its
// tokens and dictionary phrases, its cues, whether it recalls history, and
// what it leaves for the next sentence.
#include "libs/extract/sentence_coder.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "libs/extract/clause_text.h"
#include "libs/extract/coder_rules.h"

namespace frontline::extract {
namespace {

// A dated period that ended longer than this before publication is history
// ("in June 2024" in August 2025; "last summer" in January is still news).
constexpr absl::Duration kRecentPeriod = absl::Hours(24 * 183);

// Years from this one on, two or more before the publication's, date history.
constexpr int kFirstRecalledYear = 1990;

// How many words may part a modal from an act it governs ("may intensify
// offensive operations").
constexpr uint32_t kModalScopeTokens = 3;

// How many words may part a weapon from the act done with it ("атакували
// Запоріжжя ударними безпілотниками"); more is a weapon in support of a
// ground attack.
constexpr uint32_t kWeaponGapTokens = 3;
// "declined to comment on the reports that": what was not commented on.
constexpr uint32_t kCommentedOnTokens = 2;

// How many words may part a negation from the pattern it negates.
constexpr uint32_t kNegatedGapTokens = 1;

// Keeps the longest of overlapping finds (then the leftmost), in text order.
std::vector<Found> LongestNonOverlapping(std::vector<Found> found) {
  std::stable_sort(found.begin(), found.end(),
                   [](const Found& a, const Found& b) {
                     const uint32_t la = a.end_token - a.first_token;
                     const uint32_t lb = b.end_token - b.first_token;
                     if (la != lb) return la > lb;
                     return a.begin < b.begin;
                   });
  std::vector<Found> kept;
  for (const Found& f : found) {
    bool overlaps = false;
    for (const Found& k : kept) {
      overlaps |= f.first_token < k.end_token && k.first_token < f.end_token;
    }
    if (!overlaps) kept.push_back(f);
  }
  std::sort(kept.begin(), kept.end(),
            [](const Found& a, const Found& b) { return a.begin < b.begin; });
  return kept;
}

// The first instant after the period a date names.
absl::Time PeriodEnd(const text::DateMention& d) {
  const absl::CivilDay day = d.first_day;
  absl::CivilDay end;
  switch (d.precision) {
    case text::DatePrecision::kDay:
      end = day + 1;
      break;
    case text::DatePrecision::kWeek:
      end = day + 7;
      break;
    case text::DatePrecision::kMonth:
      end = absl::CivilDay(absl::CivilMonth(day) + 1);
      break;
    case text::DatePrecision::kSeason:
      end = absl::CivilDay(absl::CivilMonth(day) + 3);
      break;
    case text::DatePrecision::kYear:
      end = absl::CivilDay(absl::CivilYear(day) + 1);
      break;
  }
  return absl::FromCivil(end, absl::UTCTimeZone());
}

}  // namespace

SentenceCoder::SentenceCoder(const CoderData& data,
                             const PhraseMatcher& matcher,
                             absl::string_view text, size_t begin, size_t end,
                             const std::vector<gazetteer::Mention>& mentions,
                             absl::Time published, DocumentContext* context,
                             std::vector<v1::Claim>* claims)
    : data_(data),
      matcher_(matcher),
      text_(text),
      begin_(begin),
      end_(end),
      sentence_mentions_(mentions),
      published_(published),
      context_(context),
      claims_(claims) {}

void SentenceCoder::Code() {
  Find();
  ReadPlaces();
  ReadParagraphHeading();
  ReadCues();
  if (Recalled()) return;
  ReadSpeakers();
  if (DenyPrevious()) return;
  PlaceClaims();
  Emit();
  RememberForNext();
}

void SentenceCoder::Find() {
  tokens_ = Tokenize(data_.normalizer, text_.substr(begin_, end_ - begin_));
  for (Token& t : tokens_) {
    t.begin += begin_;
    t.end += begin_;
  }
  std::vector<Found> actors_found, cues_found;
  for (const PhraseMatcher::Match& m : matcher_.Find(tokens_)) {
    const uint32_t index = m.payload & ((1u << kPhraseIndexBits) - 1);
    const Found f{index, m.first_token, m.end_token,
                  tokens_[m.first_token].begin, tokens_[m.end_token - 1].end};
    switch (m.payload >> kPhraseIndexBits) {
      case kActor:
        actors_found.push_back(f);
        break;
      case kPattern:
        cues_found.push_back(f);
        break;
      default:
        quantity_words_.push_back(
            {&data_.dictionary.quantities[index], m.first_token, m.end_token});
    }
  }
  actors_ = LongestNonOverlapping(std::move(actors_found));
  // "Russian-installed management", "Russian-occupied Vasylivka": the first
  // half of a compound describes something else.
  // So does either half of "Russia-Ukraine war".
  std::erase_if(actors_, [&](const Found& a) {
    return (a.end + 1 < end_ && text_[a.end] == '-' &&
            !absl::ascii_isspace(text_[a.end + 1])) ||
           (a.begin >= begin_ + 2 && text_[a.begin - 1] == '-' &&
            !absl::ascii_isspace(text_[a.begin - 2]));
  });
  cues_ = LongestNonOverlapping(std::move(cues_found));
  for (const Found& f : cues_) {
    if (Cue(f).kind != CueKind::kVoice) continue;
    (Cue(f).fixed_side == v1::SIDE_RUSSIA ? context_->russian_words
                                          : context_->ukrainian_words) += 1;
  }
  same_paragraph_ =
      context_->previous_end != 0 &&
      text_.substr(context_->previous_end, begin_ - context_->previous_end)
              .find('\n') == absl::string_view::npos;
}

void SentenceCoder::ReadCues() {
  SortCues();
  // "no casualties", "did not capture": nothing happened.
  const std::vector<const Found*> negations = CuesOf(CueKind::kNegation);
  std::erase_if(patterns_, [&](const Found* p) {
    return std::any_of(negations.begin(), negations.end(), [&](const Found* n) {
      return n->end_token <= p->first_token &&
             p->first_token - n->end_token <= kNegatedGapTokens;
    });
  });
  std::erase_if(patterns_, [&](const Found* p) { return IsHypothetical(*p); });
  // "A Russian drone hit a car": "hit" reports a strike only with a weapon.
  std::erase_if(patterns_, [&](const Found* p) {
    return (Cue(*p).armed || Cue(*p).downed) &&
           WeaponOf(*p, IsDowned(*p) || Cue(*p).sends) == nullptr;
  });
  // "уничтожен склад боеприпасов" destroys no one; "уничтожено до 40
  // военнослужащих" does.
  figures_ = data_.quantities.Read(text_, tokens_, quantity_words_);
  people_counted_ =
      std::any_of(figures_.begin(), figures_.end(), [](const v1::Quantity& q) {
        return q.kind() == v1::QUANTITY_KIND_TROOPS ||
               q.kind() == v1::QUANTITY_KIND_KILLED ||
               q.kind() == v1::QUANTITY_KIND_WOUNDED ||
               q.kind() == v1::QUANTITY_KIND_CASUALTIES;
      });
}

void SentenceCoder::SortCues() {
  denial_ = nullptr;
  time_cue_ = nullptr;
  no_comment_ = nullptr;
  for (const Found& f : cues_) {
    switch (Cue(f).kind) {
      case CueKind::kNoComment:
        if (no_comment_ == nullptr) no_comment_ = &f;
        break;
      case CueKind::kHypothetical:
        hypotheticals_.push_back(&f);
        break;
      case CueKind::kClaim:
        patterns_.push_back(&f);
        break;
      case CueKind::kDenial:
        if (denial_ == nullptr) denial_ = &f;
        break;
      case CueKind::kTime:
        if (time_cue_ == nullptr) time_cue_ = &Cue(f);
        break;
      case CueKind::kClaimantBefore:
      case CueKind::kClaimantAfter:
        claimant_cues_.push_back(&f);
        break;
      default:
        break;
    }
  }
  locatives_ = CuesOf(CueKind::kLocative);
  origins_ = CuesOf(CueKind::kOrigin);
  complementizers_ = CuesOf(CueKind::kComplementizer);
  conjunctions_ = CuesOf(CueKind::kConjunction);
  appositives_ = CuesOf(CueKind::kAppositive);
}

// "would still take two years to seize", "whether it has fallen": no
// report of a change of hands. Other acts only when the modal governs
// them ("may intensify offensive operations"; but "could allow Russia to
// broaden its assault" still reports an assault).
bool SentenceCoder::IsHypothetical(const Found& p) const {
  const v1::ClaimType type = Cue(p).type;
  if (type != v1::CLAIM_TYPE_CAPTURE && type != v1::CLAIM_TYPE_CONTROL &&
      type != v1::CLAIM_TYPE_TERRITORY_HELD &&
      type != v1::CLAIM_TYPE_WITHDRAWAL) {
    return std::any_of(
        hypotheticals_.begin(), hypotheticals_.end(), [&](const Found* h) {
          return h->end_token <= p.first_token &&
                 (p.first_token - h->end_token <= kModalScopeTokens ||
                  Cue(*h).whole_clause) &&
                 !HasClausePunctuation(text_.substr(h->end, p.begin - h->end));
        });
  }
  // "The fall of Kurakhove could allow ...": speculation about what an
  // event leads to.
  const bool subject_of_modal =
      OpensClause(p) &&
      std::any_of(
          hypotheticals_.begin(), hypotheticals_.end(), [&](const Found* h) {
            return h->begin >= p.end &&
                   !HasClausePunctuation(text_.substr(p.end, h->begin - p.end));
          });
  return subject_of_modal ||
         std::any_of(
             hypotheticals_.begin(), hypotheticals_.end(), [&](const Found* h) {
               return h->end <= p.begin && !HasClausePunctuation(text_.substr(
                                               h->end, p.begin - h->end));
             });
}

// The sentence's first words, or the words right after "said" or "that"
// ("analysts said a fall of Kupiansk would ...").
bool SentenceCoder::OpensClause(const Found& p) const {
  if (p.first_token <= 1) return true;
  return std::any_of(cues_.begin(), cues_.end(), [&](const Found& c) {
    const CueKind k = Cue(c).kind;
    return (k == CueKind::kClaimantBefore || k == CueKind::kComplementizer) &&
           c.end_token <= p.first_token && p.first_token - c.end_token <= 1;
  });
}

const Found* SentenceCoder::WeaponOf(const Found& p, bool object) const {
  const Found* nearest = nullptr;
  uint32_t nearest_gap = UINT32_MAX;
  for (const Found& w : cues_) {
    const PatternEntry& entry = Cue(w);
    if (&w == &p || !IsStrike(entry.type) ||
        (entry.kind != CueKind::kWeapon && entry.kind != CueKind::kClaim)) {
      continue;
    }
    // "struck a Ukrainian drone workshop": a weapon noun after the act is
    // its target, unless right after it ("атаки російських дронів");
    // instruments after it are strike patterns ("дронами").
    if (entry.kind == CueKind::kWeapon && w.begin > p.begin &&
        w.first_token > p.end_token + 1 && !object) {
      continue;
    }
    const Found& first = w.begin < p.begin ? w : p;
    const Found& second = w.begin < p.begin ? p : w;
    if (second.first_token < first.end_token) continue;
    const uint32_t gap = WordsBetween(first.end_token, second.first_token);
    // "о 23 беспилотниках, сбитых над Курской областью": the weapon the
    // participle after it brings down.
    const bool participle =
        object && &first == &w && gap == 0 &&
        absl::StripAsciiWhitespace(text_.substr(w.end, p.begin - w.end)) == ",";
    if (gap <= kWeaponGapTokens && gap < nearest_gap &&
        (InClause(first.end, second.begin) || participle)) {
      nearest = &w;
      nearest_gap = gap;
    }
  }
  return nearest;
}

uint32_t SentenceCoder::WordsBetween(uint32_t from, uint32_t to) const {
  uint32_t words = 0;
  for (uint32_t t = from; t < to; ++t) {
    // "launched more than 1,300 drones": a figure is no word apart.
    const bool figure =
        IsNumber(t) ||
        std::any_of(quantity_words_.begin(), quantity_words_.end(),
                    [&](const QuantityWord& q) {
                      return t >= q.first_token && t < q.end_token;
                    });
    if (!figure) ++words;
  }
  return words;
}

bool SentenceCoder::IsDowned(const Found& p) const {
  const PatternEntry& entry = Cue(p);
  if (entry.downed) return true;
  if (!entry.armed && !entry.persons) return false;
  const Found* weapon = WeaponOf(p, /*object=*/true);
  if (weapon == nullptr || weapon->begin < p.end) return false;
  return std::any_of(cues_.begin(), cues_.end(), [&](const Found& f) {
    return Cue(f).kind == CueKind::kAirDefence &&
           (f.end <= p.begin ? InClause(f.end, p.begin)
                             : InClause(p.end, f.begin));
  });
}

const Found* SentenceCoder::OwnerOf(const Found& weapon) const {
  for (const Found& a : actors_) {
    if (a.end_token == weapon.first_token && !IsObserver(Actor(a).kind)) {
      return &a;
    }
  }
  return nullptr;
}

void SentenceCoder::ReadParagraphHeading() {
  if (!same_paragraph_) context_->paragraph_place = nullptr;
  // "Дніпро. Через атаку ударних БпЛА постраждали троє людей.": a place
  // named alone opens the lines about it.
  if (named_ == 1 && !tokens_.empty() &&
      mentions_.front()->begin <= tokens_.front().begin &&
      mentions_.front()->end >= tokens_.back().end) {
    context_->paragraph_place = &mentions_.front()->place();
  }
}

bool SentenceCoder::Recalled() {
  // "Нагадаємо, навесні 2022 року ...": history, recalled.
  // So does a year two or more before the publication's ("in 2022", "the
  // 2023 counteroffensive" in 2025; "over the course of 2024" in January 2025
  // is last year's tally, still news).
  const int64_t published_year =
      absl::ToCivilYear(published_, absl::UTCTimeZone()).year();
  const bool past_year =
      std::any_of(tokens_.begin(), tokens_.end(), [&](const Token& t) {
        int year = 0;
        return t.folded.size() == 4 && absl::SimpleAtoi(t.folded, &year) &&
               year >= kFirstRecalledYear && year < published_year - 1;
      });
  // "in June 2024", "last August" in a text of the next summer: a period
  // that ended long before publication. (Read only where there is a claim
  // to lose: dates are a third of the coder's time otherwise.)
  bool past_period = false;
  if (data_.dates != nullptr && !patterns_.empty()) {
    for (const text::DateMention& d : data_.dates->FindAll(
             text_.substr(begin_, end_ - begin_), published_)) {
      past_period |= PeriodEnd(d) + kRecentPeriod < published_;
    }
  }
  const bool recalled =
      past_year || past_period || !CuesOf(CueKind::kBackground).empty();
  // "X did not comment on the claim that ...": nobody asserts anything,
  // unless someone else in the sentence says it.
  // ("the Russian claim that ..." is no one speaking, nor are the "reports"
  // of "declined to comment on reports that ...".)
  const bool someone_speaks = std::any_of(
      claimant_cues_.begin(), claimant_cues_.end(), [&](const Found* c) {
        const bool commented_on =
            no_comment_ != nullptr &&
            c->first_token >= no_comment_->end_token &&
            c->first_token <= no_comment_->end_token + kCommentedOnTokens;
        return !NamesItsOwner(*c) && !commented_on;
      });
  if (recalled || (no_comment_ != nullptr && !someone_speaks)) {
    context_->previous_doer.reset();
    context_->previous_claimant.reset();
    context_->previous_speaker.reset();
    context_->previous_strike_place = nullptr;
    context_->previous_assault_place = nullptr;
    context_->Advance(end_, claims_->size(), claims_->size());
    return true;
  }
  return false;
}

void SentenceCoder::RememberForNext() {
  context_->previous_commented =
      first_claim_ == claims_->size() && NamesReports();
  RememberPlacesNamed();
  RememberActors();
  context_->previous_assault_place = assault_place_;
  context_->previous_assault_side = assault_side_;
  // "Пошкоджено два будинки." between a strike and its losses keeps the
  // strike's place for them.
  const bool says_nothing_new =
      first_claim_ == claims_->size() && places_.empty() && same_paragraph_;
  if (strike_place_ != nullptr || !says_nothing_new) {
    context_->previous_strike_place = strike_place_;
    context_->previous_strike_side = strike_side_;
  }

  for (const gazetteer::Mention* m : places_) {
    if (last_place_ == nullptr && !IsOrigin(*m)) sentence_place_ = &m->place();
  }
  if (context_->previous_place == nullptr || sentence_place_ != nullptr) {
    context_->previous_place =
        last_place_ != nullptr ? last_place_ : sentence_place_;
  }
  context_->Advance(end_, first_claim_, claims_->size());
}

// What the next sentence's anaphors may refer to ("a town west of
// Bakhmut" keeps Bakhmut out).
void SentenceCoder::RememberPlacesNamed() {
  const std::vector<const Found*> bearings = CuesOf(CueKind::kBearing);
  for (const gazetteer::Mention* m : mentions_) {
    // "Shebekino in Russia's Belgorod region": a region that only locates a
    // place is still the region "the region" means next.
    if (std::find(places_.begin(), places_.end(), m) == places_.end()) {
      if (m->place().kind == gazetteer::PlaceKind::kRegion &&
          !places_.empty() && Locates(*places_.front(), *m)) {
        context_->last_region = &m->place();
      }
      continue;
    }
    const bool reference_point =
        std::any_of(bearings.begin(), bearings.end(), [&](const Found* b) {
          return b->end <= m->begin && m->begin - b->end <= kNearGap;
        });
    if (reference_point) continue;
    const gazetteer::Place* place = &m->place();
    context_->last_place_named = place;
    const std::optional<AnaphorTarget> group = AnaphorGroup(place->kind);
    if (!group.has_value()) continue;
    switch (*group) {
      case AnaphorTarget::kSettlement:
        context_->last_settlement = place;
        break;
      case AnaphorTarget::kFeature:
        context_->last_feature = place;
        break;
      case AnaphorTarget::kRegion:
        context_->last_region = place;
        break;
      default:
        break;
    }
  }
}

// Who the next sentence's pronouns and speakers may stand for.
void SentenceCoder::RememberActors() {
  std::optional<uint32_t> subject;
  context_->previous_first_actor.reset();
  // The first actor that can speak: not "the enemy" or "our forces", nor
  // troops.
  for (const Found& a : actors_) {
    if (Actor(a).rule == SideRule::kFixed && !IsTroops(a)) {
      context_->previous_first_actor = a.index;
      break;
    }
  }
  for (const Found& a : actors_) {
    context_->last_actor_of_kind[Actor(a).kind] = a.index;
    if (!subject.has_value() && !IsObserver(Actor(a).kind)) subject = a.index;
  }
  if (!last_claimant_.has_value() && !attributions_.empty()) {
    last_claimant_ = attributions_.back().actor->index;
  }
  context_->previous_doer = last_doer_.has_value() ? last_doer_ : subject;
  context_->previous_claimant = last_claimant_;
  if (someone_else_speaks_) {
    context_->previous_speaker = DocumentContext::kUnknownSpeaker;
  } else if (denier_ != nullptr && !IsTroops(*denier_)) {
    // "Він також спростував заяви воєнкорів ...": the denier spoke.
    context_->previous_speaker = denier_->index;
  } else if (!attributions_.empty() && last_claimant_.has_value()) {
    context_->previous_speaker = last_claimant_;
  } else {
    context_->previous_speaker = continued_speaker_;
  }
}

std::vector<const Found*> SentenceCoder::CuesOf(CueKind kind) const {
  std::vector<const Found*> out;
  for (const Found& f : cues_) {
    if (Cue(f).kind == kind) out.push_back(&f);
  }
  return out;
}

bool SentenceCoder::EndsClause(const Found& a) const {
  const uint32_t next =
      a.end_token < tokens_.size() ? tokens_[a.end_token].begin : end_;
  return a.end_token >= tokens_.size() ||
         HasClausePunctuation(text_.substr(a.end, next - a.end)) ||
         absl::StrContains(text_.substr(a.end, next - a.end), '.');
}

bool SentenceCoder::NamesItsOwner(const Found& cue) const {
  // The owner is a bare adjective ("Russian", "українські"): one word of
  // the troops, who make no statements themselves.
  const bool adjective =
      std::any_of(actors_.begin(), actors_.end(), [&](const Found& a) {
        return a.end <= cue.begin && a.end_token == cue.first_token &&
               a.end_token == a.first_token + 1 && IsTroops(a) &&
               !HasClausePunctuation(text_.substr(a.end, cue.begin - a.end));
      });
  // Or it follows: "claims by Russian military bloggers".
  const auto agent =
      std::find_if(cues_.begin(), cues_.end(), [&](const Found& f) {
        return Cue(f).kind == CueKind::kAgent && f.first_token == cue.end_token;
      });
  return adjective || (agent != cues_.end() && ActorStartsAt(agent->end_token));
}

bool SentenceCoder::ActorStartsAt(uint32_t token) const {
  return std::any_of(actors_.begin(), actors_.end(),
                     [&](const Found& a) { return a.first_token == token; });
}

bool SentenceCoder::IsNumber(uint32_t t) const {
  return absl::ascii_isdigit(tokens_[t].folded.front()) ||
         std::any_of(quantity_words_.begin(), quantity_words_.end(),
                     [&](const QuantityWord& q) {
                       return q.first_token == t &&
                              q.entry->kind == QuantityWordKind::kNumber;
                     });
}

bool SentenceCoder::InClause(uint32_t from, uint32_t to) const {
  return !HasClausePunctuation(text_.substr(from, to - from));
}

}  // namespace frontline::extract
