#include "libs/extract/sentence_coder.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "google/protobuf/timestamp.pb.h"
#include "libs/extract/clause_text.h"
#include "libs/extract/relative_time.h"
#include "libs/extract/utf8.h"

namespace frontline::extract {
namespace {

// How far (characters) a claimant may stand from "said" / "according to".
constexpr uint32_t kClaimantBeforeGap = 40;
constexpr uint32_t kClaimantAfterGap = 80;
constexpr uint32_t kDenierGap = 48;
// How far (bytes) "near" may stand before a place, "direction" after it.
constexpr uint32_t kNearGap = 28;
// How far (bytes) a region may follow a place inside it to merely locate it.
constexpr uint32_t kRegionQualifierGap = 16;
// How far (bytes) a place inside a region may follow it to be the one meant.
constexpr uint32_t kRegionThenPlaceGap = 48;
// "repelled 24 assaults": how many words may part the verb from its object.
constexpr uint32_t kRepelledObjectTokens = 3;
// The longest title (characters) between a speaker and the colon of a
// text's heading ("Олег Синєгубов, начальник Харківської ОВА: ...").
constexpr uint32_t kHeaderTitleChars = 60;
// The longest title (characters) between "сообщил" and the speaker after it
// ("сообщил командир спецназа «Ахмат», ... Апти Алаудинов").
constexpr uint32_t kSpeakerTitleChars = 120;
// The longest gap (characters) holding a quoted name that ends no clause
// ("области группировка «Север» продвинулась").
constexpr uint32_t kQuotedNameChars = 40;
// How many characters ("м. ", "смт ") may stand before a line's heading
// place.
constexpr uint32_t kHeadingPrefixChars = 4;
// The longest first line (characters) read as a title.
constexpr uint32_t kTitleChars = 120;
// A dated period that ended longer than this before publication is history
// ("in June 2024" in August 2025; "last summer" in January is still news).
constexpr absl::Duration kRecentPeriod = absl::Hours(24 * 183);
// Years from this one on, two or more before the publication's, date history.
constexpr int kFirstRecalledYear = 1990;
// How far (bytes) a place joined by "and" may follow the one before it.
constexpr uint32_t kJoinedPlaceGap = 48;
// How many words may part a modal from an act it governs ("may intensify
// offensive operations").
constexpr uint32_t kModalScopeTokens = 3;
// How many words may part a weapon from the act done with it ("атакували
// Запоріжжя ударними безпілотниками"); more is a weapon in support of a
// ground attack.
constexpr uint32_t kWeaponGapTokens = 3;
// How many words may part a negation from the pattern it negates.
constexpr uint32_t kNegatedGapTokens = 1;
// How far (bytes) a place may follow "region of" to be read as its region.
constexpr uint32_t kRegionOfGap = 2;
// How far (bytes) "said" may follow "they" for "they" to be the speaker.
constexpr uint32_t kPronounSpeaksGap = 16;
// How far (bytes) a name may stand from "the town" to be the town meant.
constexpr uint32_t kAppositionGap = 5;
// The longest description set off by commas before "said" (bytes).
constexpr size_t kAppositiveMaxBytes = 120;
// At most this many words may follow a speaker named after "said" before
// its clause ends ("said Kofman, ...", "said Major General Apti Alaudinov").
constexpr uint32_t kSpeakerTrailingWords = 1;
// At most this many words after "X said" and it speaks for what precedes.
constexpr uint32_t kPostposedTrailingWords = 3;
// How far (bytes) "in" may follow a pattern to locate it, and how far the
// place may follow "in" to be the location it introduces.
constexpr uint32_t kLocativeGap = 12;
constexpr uint32_t kLocationPhraseBytes = 40;
// How far (characters) a place set before its clause ("In the
// Russian-occupied town of Oleshky, ...") may follow its preposition.
constexpr uint32_t kFrontedPlaceChars = 40;
// How far (bytes) an actor or a place may follow a locative or an origin
// to be the location or the origin it introduces.
constexpr uint32_t kFrontedLocativeGap = 16;

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

v1::Side Opposite(v1::Side side) {
  if (side == v1::SIDE_RUSSIA) return v1::SIDE_UKRAINE;
  if (side == v1::SIDE_UKRAINE) return v1::SIDE_RUSSIA;
  return v1::SIDE_UNSPECIFIED;
}

// The anaphor group a place answers to ("the town", "the plant", "the
// region"); kPronoun for none.
AnaphorTarget Group(gazetteer::PlaceKind kind) {
  switch (kind) {
    case gazetteer::PlaceKind::kCity:
    case gazetteer::PlaceKind::kTown:
    case gazetteer::PlaceKind::kVillage:
      return AnaphorTarget::kSettlement;
    case gazetteer::PlaceKind::kFeature:
      return AnaphorTarget::kFeature;
    case gazetteer::PlaceKind::kRegion:
      return AnaphorTarget::kRegion;
    default:
      return AnaphorTarget::kPronoun;
  }
}

// `m` standing for `place` instead.
gazetteer::Mention Stand(const gazetteer::Mention& m,
                         const gazetteer::Place* place) {
  gazetteer::Mention out = m;
  out.candidates = {place};
  return out;
}

// An actor's own side, or none when it is relative ("our forces").
v1::Side FixedSide(const ActorEntry& a) {
  return a.rule == SideRule::kFixed ? a.side : v1::SIDE_UNSPECIFIED;
}

void FillActor(const ActorEntry& a, v1::Side side, v1::Actor* out) {
  out->set_id(a.id);
  out->set_name(a.name);
  out->set_side(side);
  out->set_kind(a.kind);
}

bool IsBelligerent(v1::Side side) {
  return side == v1::SIDE_RUSSIA || side == v1::SIDE_UKRAINE;
}

// Actors who report rather than fight.
bool IsObserver(v1::ActorKind kind) {
  return kind == v1::ACTOR_KIND_MONITORING_GROUP ||
         kind == v1::ACTOR_KIND_ANALYST || kind == v1::ACTOR_KIND_MEDIA;
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

void SentenceCoder::ReadPlaces() {
  // Places named, with "the region of Kharkiv" read as the region.
  const std::vector<const Found*> region_of = CuesOf(CueKind::kRegionOf);
  // "the Dnipro River", "лівому березі Дніпра", "Kherson regional
  // governor": a river or an office, not a place of the news.
  const std::vector<const Found*> rivers = CuesOf(CueKind::kNotPlace);
  for (const gazetteer::Mention& m : sentence_mentions_) {
    const bool names_other =
        std::any_of(rivers.begin(), rivers.end(), [&](const Found* r) {
          return (r->end <= m.begin && m.begin - r->end <= 1) ||
                 (r->begin >= m.end && r->begin - m.end <= 1);
        });
    // "KHERSON, Ukraine, Oct 8 -", "КУРСК, 28 марта.": where the reporter
    // filed from, not a place of the news.
    const absl::string_view after =
        absl::StripLeadingAsciiWhitespace(text_.substr(m.end, end_ - m.end));
    const bool dateline =
        m.begin == begin_ && IsAllCapitals(m.surface) &&
        (absl::StartsWith(after, ",") || absl::StartsWith(after, "-") ||
         absl::StartsWith(after, "\u2014") ||
         absl::StartsWith(after, "\u2013"));
    if (names_other || dateline) continue;
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

  // Anaphors: "the town" is the latest town named (in this sentence or an
  // earlier one) unless a name stands beside it ("the town of Kurakhove",
  // "Sudzha, the town"); "they" is the previous sentence's actor, or its
  // claimant when "they" says something; "the ministry" the latest ministry.
  named_ = mentions_.size();
  auto latest_named = [&](AnaphorTarget target,
                          uint32_t before) -> const gazetteer::Place* {
    const gazetteer::Place* latest = nullptr;
    for (size_t i = 0; i < named_; ++i) {
      if (mentions_[i]->end <= before &&
          (target == AnaphorTarget::kPlace ||
           Group(mentions_[i]->place().kind) == target)) {
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
  };
  claimant_before_cues_ = CuesOf(CueKind::kClaimantBefore);
  // Whether only punctuation follows `at` in the sentence ("— сказал он.").
  auto closes_sentence = [&](uint32_t at) {
    return tokens_.empty() || tokens_.back().end <= at;
  };
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
      std::optional<uint32_t> referent;
      if (entry.anaphor == AnaphorTarget::kActorKind) {
        auto it = context_->last_actor_of_kind.find(entry.anaphor_kind);
        if (it != context_->last_actor_of_kind.end()) referent = it->second;
      } else {
        const bool speaks = std::any_of(
            claimant_before_cues_.begin(), claimant_before_cues_.end(),
            [&](const Found* c) {
              // "he said", and "— сказал он".
              return (c->begin >= f->end &&
                      c->begin - f->end <= kPronounSpeaksGap &&
                      !HasClausePunctuation(
                          text_.substr(f->end, c->begin - f->end))) ||
                     (c->end <= f->begin && f->begin - c->end <= 2 &&
                      closes_sentence(f->end));
            });
        // "..., said Andriy Demchenko. All the attacks were repelled, he
        // said.": someone the dictionaries do not know goes on speaking.
        const bool unknown_speaker =
            context_->previous_speaker == DocumentContext::kUnknownSpeaker;
        if (speaks && !unknown_speaker) {
          referent = context_->previous_claimant.has_value()
                         ? context_->previous_claimant
                         : context_->previous_first_actor;
        } else if (speaks) {
          continue;
        } else if (entry.anaphor == AnaphorTarget::kPronoun) {
          referent = context_->previous_doer;
        }
        // "Russian forces said they captured": the speaker.
        for (const Found* c : claimant_before_cues_) {
          if (c->end > f->begin || f->begin - c->end > kPronounSpeaksGap ||
              HasClausePunctuation(text_.substr(c->end, f->begin - c->end))) {
            continue;
          }
          for (const Found& a : actors_) {
            if (a.end <= c->begin && c->begin - a.end <= kClaimantBeforeGap &&
                !HasClausePunctuation(text_.substr(a.end, c->begin - a.end))) {
              referent = a.index;
            }
          }
        }
      }
      if (referent.has_value()) {
        actors_.push_back(
            {*referent, f->first_token, f->end_token, f->begin, f->end});
      }
      continue;
    }
    const bool named_beside = std::any_of(
        mentions_.begin(), mentions_.begin() + named_,
        [&](const gazetteer::Mention* m) {
          return (m->begin < f->end && f->begin < m->end) ||
                 (m->end <= f->begin && f->begin - m->end <= kAppositionGap) ||
                 (m->begin >= f->end && m->begin - f->end <= kAppositionGap);
        });
    if (named_beside) continue;
    const gazetteer::Place* place = latest_named(entry.anaphor, f->begin);
    if (place == nullptr) continue;
    gazetteer::Mention& m = resolved_.emplace_back();
    m.begin = f->begin;
    m.end = f->end;
    m.surface = std::string(text_.substr(f->begin, f->end - f->begin));
    m.candidates = {place};
    mentions_.push_back(&m);
    anaphoric_.insert(&m);
  }
  std::sort(actors_.begin(), actors_.end(),
            [](const Found& a, const Found& b) { return a.begin < b.begin; });
  std::sort(mentions_.begin(), mentions_.end(),
            [](const gazetteer::Mention* a, const gazetteer::Mention* b) {
              return a->begin < b->begin;
            });

  // "Генштаб ЗСУ: ..." names who speaks for the rest of the document.
  header_ = nullptr;
  if (!actors_.empty() &&
      (actors_.front().first_token == 0 ||
       (context_->previous_end == 0 &&
        IsFirstNames(text_.substr(begin_, actors_.front().begin - begin_))))) {
    absl::string_view after =
        text_.substr(actors_.front().end, end_ - actors_.front().end);
    after = absl::StripLeadingAsciiWhitespace(after);
    // "Олег Синєгубов, начальник Харківської ОВА: ..." at the top of a text
    // too: a title of the speaker before the colon.
    const size_t colon = after.find(':');
    const bool titled =
        context_->previous_end == 0 && colon != absl::string_view::npos &&
        CodePoints(after.substr(0, colon)) <= kHeaderTitleChars &&
        absl::StartsWith(after, ",") &&
        std::none_of(cues_.begin(), cues_.end(), [&](const Found& c) {
          return Cue(c).kind == CueKind::kClaim &&
                 c.begin < actors_.front().end + colon + 1;
        });
    // "Олег Синєгубов | Харківська ОВА", a channel's signature line.
    const bool signed_line =
        context_->previous_end == 0 && absl::StartsWith(after, "|");
    if (absl::StartsWith(after, ":") || titled || signed_line) {
      context_->header = &Actor(actors_.front());
      header_ = &actors_.front();
    }
  }

  // "Russian Offensive Campaign Assessment, August 20": a title naming a
  // monitor, an analyst, a ministry or an outlet and reporting nothing
  // itself names who speaks for the rest of the text.
  if (context_->previous_end == 0 && header_ == nullptr && !actors_.empty() &&
      actors_.front().first_token == 0 &&
      CodePoints(text_.substr(begin_, end_ - begin_)) <= kTitleChars &&
      std::none_of(cues_.begin(), cues_.end(), [&](const Found& c) {
        return Cue(c).kind == CueKind::kClaim && c.begin >= actors_.front().end;
      })) {
    const v1::ActorKind k = Actor(actors_.front()).kind;
    if (IsObserver(k) || k == v1::ACTOR_KIND_MINISTRY) {
      context_->header = &Actor(actors_.front());
      header_ = &actors_.front();
    }
  }
  // "Сводка Министерства обороны ...", a bulletin's title, names who speaks
  // for the rest of it.
  if (context_->previous_end == 0) {
    for (const Found* b : CuesOf(CueKind::kBulletin)) {
      for (const Found& a : actors_) {
        if (a.begin >= b->end && a.begin - b->end <= 2) {
          context_->header = &Actor(a);
        }
      }
    }
  }

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

void SentenceCoder::ReadCues() {
  denial_ = nullptr;
  time_cue_ = nullptr;
  no_comment_ = false;
  for (const Found& f : cues_) {
    switch (Cue(f).kind) {
      case CueKind::kNoComment:
        no_comment_ = true;
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

  // "no casualties", "did not capture": nothing happened.
  const std::vector<const Found*> negations = CuesOf(CueKind::kNegation);
  std::erase_if(patterns_, [&](const Found* p) {
    return std::any_of(negations.begin(), negations.end(), [&](const Found* n) {
      return n->end_token <= p->first_token &&
             p->first_token - n->end_token <= kNegatedGapTokens;
    });
  });
  // Whether a pattern opens its clause: the sentence's first words, or the
  // words right after "said" or "that" ("analysts said a fall of Kupiansk
  // would ...").
  auto opens_clause = [&](const Found& p) {
    if (p.first_token <= 1) return true;
    return std::any_of(cues_.begin(), cues_.end(), [&](const Found& c) {
      const CueKind k = Cue(c).kind;
      return (k == CueKind::kClaimantBefore || k == CueKind::kComplementizer) &&
             c.end_token <= p.first_token && p.first_token - c.end_token <= 1;
    });
  };
  // "would still take two years to seize", "whether it has fallen": no
  // report of a change of hands. Other acts only when the modal governs
  // them ("may intensify offensive operations"; but "could allow Russia to
  // broaden its assault" still reports an assault).
  std::erase_if(patterns_, [&](const Found* p) {
    const v1::ClaimType type = Cue(*p).type;
    if (type != v1::CLAIM_TYPE_CAPTURE && type != v1::CLAIM_TYPE_CONTROL &&
        type != v1::CLAIM_TYPE_TERRITORY_HELD &&
        type != v1::CLAIM_TYPE_WITHDRAWAL) {
      return std::any_of(
          hypotheticals_.begin(), hypotheticals_.end(), [&](const Found* h) {
            return h->end_token <= p->first_token &&
                   (p->first_token - h->end_token <= kModalScopeTokens ||
                    Cue(*h).whole_clause) &&
                   !HasClausePunctuation(
                       text_.substr(h->end, p->begin - h->end));
          });
    }
    // "The fall of Kurakhove could allow ...": speculation about what an
    // event leads to.
    const bool subject_of_modal =
        opens_clause(*p) &&
        std::any_of(
            hypotheticals_.begin(), hypotheticals_.end(), [&](const Found* h) {
              return h->begin >= p->end && !HasClausePunctuation(text_.substr(
                                               p->end, h->begin - p->end));
            });
    return subject_of_modal ||
           std::any_of(hypotheticals_.begin(), hypotheticals_.end(),
                       [&](const Found* h) {
                         return h->end <= p->begin &&
                                !HasClausePunctuation(
                                    text_.substr(h->end, p->begin - h->end));
                       });
  });
  // "A Russian drone hit a car": "hit" reports a strike only with a weapon.
  std::erase_if(patterns_, [&](const Found* p) {
    return Cue(*p).armed && WeaponOf(*p) == nullptr;
  });
  // "уничтожен склад боеприпасов" destroys no one; "уничтожено до 40
  // военнослужащих" does.
  const std::vector<v1::Quantity> figures =
      data_.quantities.Read(text_, tokens_, quantity_words_);
  people_counted_ =
      std::any_of(figures.begin(), figures.end(), [](const v1::Quantity& q) {
        return q.kind() == v1::QUANTITY_KIND_TROOPS ||
               q.kind() == v1::QUANTITY_KIND_KILLED ||
               q.kind() == v1::QUANTITY_KIND_WOUNDED ||
               q.kind() == v1::QUANTITY_KIND_CASUALTIES;
      });
}

const Found* SentenceCoder::WeaponOf(const Found& p) const {
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
        w.first_token > p.end_token + 1) {
      continue;
    }
    const Found& first = w.begin < p.begin ? w : p;
    const Found& second = w.begin < p.begin ? p : w;
    if (second.first_token < first.end_token) continue;
    const uint32_t gap = second.first_token - first.end_token;
    if (gap <= kWeaponGapTokens && gap < nearest_gap &&
        InClause(first.end, second.begin)) {
      nearest = &w;
      nearest_gap = gap;
    }
  }
  return nearest;
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
  // that ended long before publication.
  const bool past_period =
      std::any_of(context_->dates.begin(), context_->dates.end(),
                  [&](const text::DateMention& d) {
                    return d.begin >= begin_ && d.end <= end_ &&
                           PeriodEnd(d) + kRecentPeriod < published_;
                  });
  const bool recalled =
      past_year || past_period || !CuesOf(CueKind::kBackground).empty();
  // "X did not comment on the claim that ...": nobody asserts anything,
  // unless someone else in the sentence says it.
  // ("the Russian claim that ..." is no one speaking.)
  const bool someone_speaks =
      std::any_of(claimant_cues_.begin(), claimant_cues_.end(),
                  [&](const Found* c) { return !NamesItsOwner(*c); });
  if (recalled || (no_comment_ && !someone_speaks)) {
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

void SentenceCoder::ReadSpeakers() {
  // Claimants: the actor next to each claimant cue ("X said", "according to
  // X"); a claimant-before cue takes an actor joined to it by words only.
  auto nearest_before = [&](uint32_t at, uint32_t max_gap) -> const Found* {
    const Found* best = nullptr;
    for (const Found& a : actors_) {
      if (a.end <= at &&
          CodePoints(text_.substr(a.end, at - a.end)) <= max_gap &&
          !HasClausePunctuation(NameGap(text_.substr(a.end, at - a.end)))) {
        best = &a;
      }
    }
    return best;
  };
  auto nearest_after = [&](uint32_t at, uint32_t max_gap,
                           bool words_only) -> const Found* {
    for (const Found& a : actors_) {
      if (a.begin >= at &&
          CodePoints(text_.substr(at, a.begin - at)) <= max_gap) {
        // "according to several groups, including the ISW": a comma that
        // opens a description keeps the name in the phrase.
        absl::string_view gap = NameGap(text_.substr(at, a.begin - at));
        const size_t comma = gap.rfind(',');
        const bool described =
            comma != absl::string_view::npos &&
            !HasClausePunctuation(gap.substr(0, comma)) &&
            !HasClausePunctuation(gap.substr(comma + 1)) &&
            std::any_of(
                appositives_.begin(), appositives_.end(), [&](const Found* c) {
                  const uint32_t after_comma = static_cast<uint32_t>(
                      gap.data() - text_.data() + comma + 1);
                  return c->begin >= after_comma && c->begin - after_comma <= 2;
                });
        if (words_only && HasClausePunctuation(gap) && !described) {
          return nullptr;
        }
        const bool past_that =
            std::any_of(complementizers_.begin(), complementizers_.end(),
                        [&](const Found* c) {
                          return c->begin >= at && c->end <= a.begin;
                        });
        return past_that ? nullptr : &a;
      }
    }
    return nullptr;
  };
  // "Ukrainian and U.S. officials": the first conjunct, with the head noun
  // they share, speaks first.
  auto first_conjunct = [&](const Found* a) -> const Found* {
    if (a == nullptr || a->first_token < 2 ||
        a->end_token - a->first_token < 2) {
      return a;
    }
    const bool joined = std::any_of(
        conjunctions_.begin(), conjunctions_.end(), [&](const Found* c) {
          return c->end_token == a->first_token &&
                 c->first_token + 1 == a->first_token;
        });
    if (!joined) return a;
    const uint32_t modifier = a->first_token - 2;
    const std::vector<Token> phrase = {tokens_[modifier],
                                       tokens_[a->end_token - 1]};
    for (const PhraseMatcher::Match& m : matcher_.Find(phrase)) {
      if (m.payload >> kPhraseIndexBits == kActor && m.first_token == 0 &&
          m.end_token == 2) {
        return &made_.emplace_back(
            Found{m.payload & ((1u << kPhraseIndexBits) - 1), modifier,
                  a->end_token, tokens_[modifier].begin, a->end});
      }
    }
    return a;
  };
  // "Oleh Syniehubov, the governor, said" and "the governor, Oleh
  // Syniehubov, said": the name set off by commas.
  auto appositive_speaker = [&](uint32_t at) -> const Found* {
    absl::string_view before =
        absl::StripTrailingAsciiWhitespace(text_.substr(begin_, at - begin_));
    if (!absl::EndsWith(before, ",")) return nullptr;
    const uint32_t close = begin_ + before.size() - 1;
    for (const Found& a : actors_) {
      if (a.end > close || close - a.end > 1) continue;
      absl::string_view lead = absl::StripTrailingAsciiWhitespace(
          text_.substr(begin_, a.begin - begin_));
      const size_t comma = lead.rfind(',');
      if (comma != absl::string_view::npos &&
          IsFirstNames(lead.substr(comma + 1))) {
        return &a;
      }
    }
    const size_t open = before.substr(0, before.size() - 1).rfind(',');
    if (open == absl::string_view::npos ||
        before.size() - open > kAppositiveMaxBytes) {
      return nullptr;
    }
    const uint32_t open_at = begin_ + open;
    // A description ("a Russian state outlet", "which tracks the front") or
    // an aside naming nobody ("for its part").
    const bool described =
        std::any_of(appositives_.begin(), appositives_.end(),
                    [&](const Found* c) {
                      return c->begin > open_at && c->begin - open_at <= 2;
                    }) ||
        std::any_of(cues_.begin(), cues_.end(),
                    [&](const Found& c) {
                      return Cue(c).kind == CueKind::kAnaphor &&
                             c.begin > open_at && c.begin - open_at <= 2;
                    }) ||
        std::none_of(actors_.begin(), actors_.end(), [&](const Found& a) {
          return a.begin > open_at && a.end <= close;
        });
    if (!described ||
        HasClausePunctuation(text_.substr(open_at + 1, close - open_at - 1))) {
      return nullptr;
    }
    for (const Found& a : actors_) {
      if (a.end <= open_at && open_at - a.end <= 1) return &a;
    }
    return nullptr;
  };
  auto closes_clause = [&](const Found& a) {
    // Past the names right after it ("военкор Александр Коц").
    uint32_t from = a.end_token;
    for (const Found& b : actors_) {
      if (b.first_token == from) from = b.end_token;
    }
    uint32_t words = 0;
    for (uint32_t t = from; t < tokens_.size(); ++t) {
      if (HasClausePunctuation(text_.substr(
              tokens_[t - 1].end, tokens_[t].begin - tokens_[t - 1].end))) {
        break;
      }
      ++words;
    }
    return words <= kSpeakerTrailingWords;
  };
  for (const Found* f : claimant_cues_) {
    const Found* found = nullptr;
    bool named_stranger = false;
    if (Cue(*f).kind == CueKind::kClaimantBefore) {
      found = first_conjunct(nearest_before(f->begin, kClaimantBeforeGap));
      // "Ukrainian military observer Kostyantyn Mashovets reported": a
      // person the dictionaries do not know, described by the actor.
      if (found != nullptr &&
          EndsWithName(text_.substr(found->end, f->begin - found->end))) {
        found = nullptr;
        named_stranger = true;
      }
      if (found == nullptr && !named_stranger) {
        found = appositive_speaker(f->begin);
      }
      // "Об этом ТАСС сообщил командир «Ахмата» Апти Алаудинов": the outlet
      // before the verb was told; the one named after it tells.
      if (found != nullptr && Actor(*found).kind == v1::ACTOR_KIND_MEDIA &&
          f->begin - found->end <= 1) {
        const Found* teller = nullptr;
        for (const Found& a : actors_) {
          if (a.begin < f->end ||
              CodePoints(text_.substr(f->end, a.begin - f->end)) >
                  kSpeakerTitleChars) {
            continue;
          }
          const bool act_between = std::any_of(
              patterns_.begin(), patterns_.end(), [&](const Found* p) {
                return p->begin >= f->end && p->end <= a.begin;
              });
          // The title may name a unit ("командир спецназа «Ахмат»"): the
          // last one named is the speaker.
          if (!act_between && !IsTroops(a) &&
              Actor(a).kind != v1::ACTOR_KIND_MEDIA && closes_clause(a)) {
            teller = &a;
          }
        }
        if (teller != nullptr) found = teller;
      }
      // "DeepState showed no change ..., but reported that ...": the
      // sentence's subject says the second thing too.
      const bool coordinated = std::any_of(
          conjunctions_.begin(), conjunctions_.end(),
          [&](const Found* c) { return c->end_token == f->first_token; });
      if (found == nullptr && coordinated && !named_stranger) {
        for (const Found& a : actors_) {
          if (a.first_token > 1 || a.end > f->begin) break;
          if (!IsTroops(a) && Actor(a).rule == SideRule::kFixed) {
            found = &a;
            break;
          }
        }
      }
      if (found == nullptr && !named_stranger) {
        found = nearest_after(f->end, kClaimantBeforeGap, true);
        // "said Kofman, ..." names a speaker; "saying Russian troops had not
        // reached" names who the words are about.
        if (found != nullptr && !closes_clause(*found)) found = nullptr;
        // "сообщил ТАСС, что ...", "told Reuters that ...": an outlet told
        // is not the one telling.
        if (found != nullptr && Actor(*found).kind == v1::ACTOR_KIND_MEDIA &&
            std::any_of(complementizers_.begin(), complementizers_.end(),
                        [&](const Found* c) {
                          return c->first_token >= found->end_token &&
                                 c->first_token <= found->end_token + 1;
                        })) {
          found = nullptr;
        }
      }
    } else {
      // "According to the district administration, Russian forces shelled":
      // a speaker the dictionaries do not know, not the actor after it.
      found = nearest_after(f->end, kClaimantAfterGap, true);
      // "according to the spokesman for the Khortytsia group, Viktor
      // Trehubov": the person named last.
      for (const Found& a : actors_) {
        if (found == nullptr || a.begin <= found->end ||
            Actor(a).kind != v1::ACTOR_KIND_OFFICIAL ||
            a.begin - found->end > kClaimantAfterGap) {
          continue;
        }
        absl::string_view gap = absl::StripTrailingAsciiWhitespace(
            text_.substr(found->end, a.begin - found->end));
        const size_t comma = gap.rfind(',');
        if (comma != absl::string_view::npos &&
            IsFirstNames(gap.substr(comma + 1))) {
          found = &a;
          break;
        }
      }
    }
    if (found == nullptr) continue;
    // Words after the cue (and the speaker after it) before the clause ends.
    uint32_t from = f->end_token;
    if (found->first_token >= f->end_token) from = found->end_token;
    uint32_t trailing = 0;
    for (uint32_t t = from; t < tokens_.size(); ++t) {
      const uint32_t gap_from = t == 0 ? begin_ : tokens_[t - 1].end;
      if (HasClausePunctuation(
              text_.substr(gap_from, tokens_[t].begin - gap_from))) {
        break;
      }
      ++trailing;
    }
    const bool reports_that =
        std::any_of(complementizers_.begin(), complementizers_.end(),
                    [&](const Found* c) { return c->first_token == from; });
    // "..., ISW said in a note citing footage": where or when it said it.
    const bool circumstance =
        std::any_of(cues_.begin(), cues_.end(), [&](const Found& c) {
          const CueKind k = Cue(c).kind;
          return c.first_token == from &&
                 (k == CueKind::kLocative || k == CueKind::kTime);
        });
    const bool postposed =
        Cue(*f).kind == CueKind::kClaimantAfter ||
        ((trailing <= kPostposedTrailingWords || circumstance) &&
         !reports_that);
    attributions_.push_back({f, found, postposed});
  }
  // "..., said the head of the district, Volodymyr Leontiev": someone the
  // dictionaries do not know speaks, not the document's header.
  // ("did not make further confirmed advances" is no one speaking).
  someone_else_speaks_ =
      attributions_.empty() &&
      std::any_of(
          claimant_cues_.begin(), claimant_cues_.end(), [&](const Found* c) {
            return std::none_of(patterns_.begin(), patterns_.end(),
                                [&](const Found* p) {
                                  return p->first_token >= c->end_token &&
                                         p->first_token <= c->end_token + 1;
                                });
          });
  // "По его словам", "за його словами": the previous speaker says it.
  for (const Found* f : CuesOf(CueKind::kAnaphor)) {
    if (Cue(*f).anaphor != AnaphorTarget::kAttribution) continue;
    const std::optional<uint32_t> referent =
        context_->previous_claimant.has_value()
            ? context_->previous_claimant
            : context_->previous_first_actor;
    if (!referent.has_value()) continue;
    const Found* speaker = &made_.emplace_back(
        Found{*referent, f->first_token, f->end_token, f->begin, f->end});
    attributions_.push_back({f, speaker, true});
  }
  denier_ = denial_ != nullptr
                ? first_conjunct(nearest_before(denial_->begin, kDenierGap))
                : nullptr;
  // "заявления о продвижении российских войск ... опровергли": troops named
  // in what is denied do not deny.
  if (denier_ != nullptr && IsTroops(*denier_) &&
      std::any_of(patterns_.begin(), patterns_.end(),
                  [&](const Found* p) { return p->end <= denier_->begin; })) {
    denier_ = nullptr;
  }
  // With nobody just before the denial, the one the sentence opens with
  // denies ("В Генштабе ВСУ заявления о ... опровергли").
  if (denial_ != nullptr && denier_ == nullptr && !actors_.empty() &&
      actors_.front().first_token <= 1 && !IsTroops(actors_.front()) &&
      std::none_of(patterns_.begin(), patterns_.end(), [&](const Found* p) {
        return p->begin < actors_.front().begin;
      })) {
    denier_ = &actors_.front();
  }
  // "Балицкий сообщил, что ... . Повреждена подстанция, погиб мужчина.":
  // a sentence naming no speaker goes on with the one before it, unless it
  // speculates ("Russia may now be closer"): that is the writer's own view.
  continued_speaker_.reset();
  if (same_paragraph_ && claimant_cues_.empty() && attributions_.empty() &&
      header_ == nullptr && denier_ == nullptr && denial_ == nullptr &&
      hypotheticals_.empty()) {
    continued_speaker_ = context_->previous_speaker;
  }
}

bool SentenceCoder::DenyPrevious() {
  figures_ = data_.quantities.Read(text_, tokens_, quantity_words_);

  // A sentence that only denies what the one before it reported ("Ukrainian
  // officials denied those accounts") denies each of its claims.
  const bool denies_reports =
      std::any_of(cues_.begin(), cues_.end(), [&](const Found& c) {
        return Cue(c).kind == CueKind::kAnaphor &&
               Cue(c).anaphor == AnaphorTarget::kReports;
      });
  // Words after the denial in quotes or after a colon are the denier's own
  // ("Волошин назвав це фейком: «Село під контролем Сил оборони»").
  const bool nothing_before_denial =
      denial_ != nullptr &&
      std::none_of(patterns_.begin(), patterns_.end(),
                   [&](const Found* p) { return p->begin < denial_->end; }) &&
      std::none_of(places_.begin(), places_.end(),
                   [&](const auto* m) { return m->begin < denial_->end; });
  const bool only_denial =
      patterns_.empty() && places_.empty() && figures_.empty();
  // "Это не так: ..." with nobody named: the text's own voice denies.
  const ActorEntry* denier = denier_ != nullptr      ? &Actor(*denier_)
                             : attributions_.empty() ? context_->header
                                                     : nullptr;
  if (denial_ != nullptr && denier != nullptr && denies_reports &&
      same_paragraph_ && (only_denial || nothing_before_denial)) {
    const size_t from = context_->previous_claims_begin;
    const size_t to = context_->previous_claims_end;
    const size_t first_denied = claims_->size();
    for (size_t i = from; i < to; ++i) {
      if ((*claims_)[i].polarity() != v1::POLARITY_ASSERTED) continue;
      v1::Claim claim = (*claims_)[i];
      claim.set_polarity(v1::POLARITY_DENIED);
      FillActor(*denier, FixedSide(*denier), claim.mutable_claimant());
      claim.mutable_span()->set_begin(begin_);
      claim.mutable_span()->set_end(end_);
      claim.set_sentence(ValidUtf8(text_.substr(begin_, end_ - begin_)));
      claims_->push_back(std::move(claim));
    }
    if (only_denial) {
      context_->previous_strike_place = nullptr;
      context_->previous_assault_place = nullptr;
      context_->Advance(end_, first_denied, claims_->size());
      return true;
    }
  }
  return false;
}

void SentenceCoder::PlaceClaims() {
  for (const Found* p : patterns_) {
    const PatternEntry& entry = Cue(*p);
    v1::ClaimType type = entry.type;
    // "атакували Запоріжжя дронами", "a drone hit": an act done with a
    // weapon is the weapon's strike.
    const Found* weapon = WeaponOf(*p);
    const bool armed =
        (entry.armed || type == v1::CLAIM_TYPE_ASSAULT) && weapon != nullptr;
    if (armed) type = Cue(*weapon).type;
    if (!entry.persons || people_counted_) {
      pending_.push_back(
          {type, p, nullptr, entry.weak, armed ? weapon : nullptr});
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
  has_area_ = std::any_of(
      figures_.begin(), figures_.end(),
      [](const v1::Quantity& q) { return q.kind() == v1::QUANTITY_KIND_AREA; });
  // "Kurajove, a key target of its attacks, has fallen": a place that no
  // pattern precedes, set off by a description, is the subject.
  auto is_described_subject = [&](const gazetteer::Mention& m, const Found& p) {
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
  };
  // "attacks launched from the Kursk region", "запущено з Криму": where an
  // act came from, not where it happened.
  // Whether a claim pattern or an attribution stands in [from, to).
  auto has_cue_between = [&](uint32_t from, uint32_t to) {
    return std::any_of(cues_.begin(), cues_.end(), [&](const Found& c) {
      const CueKind k = Cue(c).kind;
      return c.begin >= from && c.end <= to &&
             (k == CueKind::kClaim || k == CueKind::kClaimantBefore ||
              k == CueKind::kClaimantAfter);
    });
  };
  for (Pending& item : pending_) {
    const Found& p = *item.pattern;
    // The place: the first one after the pattern unless another pattern or
    // an attribution comes first, else the last one before it in its clause
    // or set before it ("In Kursk, ...").
    // A location that is no known place ("in eastern Ukraine") leaves the
    // claim without one.
    // Where a withdrawal leaves from is its place; for anything else, where
    // an act came from is not ("launched from Crimea").
    auto usable = [&](const gazetteer::Mention& m) {
      return item.type == v1::CLAIM_TYPE_WITHDRAWAL || !IsOrigin(m);
    };
    for (const auto* m : places_) {
      if (m->begin < p.end || !usable(*m)) continue;
      // "the town", "there" refer back only within the pattern's clause.
      if (anaphoric_.contains(m) &&
          HasClausePunctuation(
              WithoutQuotes(text_.substr(p.end, m->begin - p.end)))) {
        break;
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
                    k == CueKind::kClaimantAfter ||
                    k == CueKind::kHypothetical);
          });
      if (!barred) item.place = m;
      break;
    }
    const Found* located = nullptr;
    for (const Found* l : locatives_) {
      if (l->begin >= p.end && l->begin - p.end <= kLocativeGap &&
          InClause(p.end, l->begin)) {
        located = l;
        break;
      }
    }
    if (located != nullptr &&
        (item.place == nullptr || item.place->begin < located->end ||
         item.place->begin - located->end > kLocationPhraseBytes)) {
      item.place = nullptr;
      continue;
    }
    // "in the Kursk region towards Berdin": the place inside it is meant.
    if (item.place != nullptr &&
        item.place->place().kind == gazetteer::PlaceKind::kRegion) {
      for (const auto* m : places_) {
        if (m->begin >= item.place->end &&
            m->begin - item.place->end <= kRegionThenPlaceGap &&
            m->place().region_id == item.place->place().id &&
            !has_cue_between(item.place->end, m->begin)) {
          item.place = m;
          break;
        }
      }
    }
    if (item.place == nullptr) {
      for (const auto* m : places_) {
        if (m->end > p.begin || !usable(*m)) continue;
        const bool set_before =
            std::any_of(
                locatives_.begin(), locatives_.end(),
                [&](const Found* l) {
                  // "In Kursk, ...", "Upriver in Beryslav, ...".
                  return l->first_token <= 1 && l->end <= m->begin &&
                         CodePoints(text_.substr(l->end, m->begin - l->end)) <=
                             kFrontedPlaceChars;
                }) ||
            std::any_of(cues_.begin(), cues_.end(),
                        [&](const Found& c) {
                          return Cue(c).kind == CueKind::kNearBefore &&
                                 c.first_token == 0 && c.end <= m->begin &&
                                 m->begin - c.end <= kNearGap;
                        }) ||
            // "Харків: ...", "м. Харків: ..." head a line about that place.
            (CodePoints(text_.substr(begin_, m->begin - begin_)) <=
                 kHeadingPrefixChars &&
             absl::StartsWith(absl::StripLeadingAsciiWhitespace(
                                  text_.substr(m->end, end_ - m->end)),
                              ":"));
        // Losses belong to the strike reported before them ("shelled
        // Kupiansk, injuring four").
        // A name in quotes between ("группировка «Север» продвинулась")
        // ends no clause.
        const absl::string_view gap = text_.substr(m->end, p.begin - m->end);
        const bool in_clause = !HasClausePunctuation(gap) ||
                               (CodePoints(gap) <= kQuotedNameChars &&
                                !HasClausePunctuation(WithoutQuotes(gap)));
        if (in_clause || set_before || item.type == v1::CLAIM_TYPE_CASUALTIES ||
            is_described_subject(*m, p)) {
          item.place = m;
        }
      }
    }
    if (item.type == v1::CLAIM_TYPE_CONTROL && has_area_ &&
        (item.place == nullptr ||
         item.place->place().kind == gazetteer::PlaceKind::kRegion)) {
      item.type = v1::CLAIM_TYPE_TERRITORY_HELD;
    }
  }
  // "near Mala Tokmachka and Orikhiv", "the facility and the nearby city of
  // Enerhodar": each place joined to a claim's place is a claim too.
  const size_t single = pending_.size();
  for (size_t i = 0; i < single; ++i) {
    const gazetteer::Mention* last = pending_[i].place;
    if (last == nullptr || last->begin < pending_[i].pattern->end) continue;
    for (const auto* m : places_) {
      if (m->begin < last->end) continue;
      if (m->begin - last->end > kJoinedPlaceGap ||
          has_cue_between(last->end, m->begin)) {
        break;
      }
      absl::string_view gap = text_.substr(last->end, m->begin - last->end);
      const bool joined =
          std::any_of(conjunctions_.begin(), conjunctions_.end(),
                      [&](const Found* c) {
                        return c->begin >= last->end && c->end <= m->begin;
                      }) ||
          absl::StripAsciiWhitespace(gap) == ",";
      if (!joined || m->place().kind == gazetteer::PlaceKind::kRegion) break;
      Pending more = pending_[i];
      more.place = m;
      pending_.push_back(more);
      last = m;
    }
  }
  // Which pending claims another makes redundant: a weak pattern where a
  // strong one claims the same place; an assault that is the object of
  // "repelled" or that a drone, missile or shelling claim at the same place
  // names more precisely.
  auto same_place = [](const Pending& a, const Pending& b) {
    return a.place == b.place || (a.place != nullptr && b.place != nullptr &&
                                  a.place->place().id == b.place->place().id);
  };
  dropped_.assign(pending_.size(), false);
  for (size_t i = 0; i < pending_.size(); ++i) {
    for (size_t j = 0; j < pending_.size(); ++j) {
      if (i == j) continue;
      const Pending& a = pending_[i];
      const Pending& b = pending_[j];
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
      if (a.weak && !b.weak && subsumes && same_place(a, b) &&
          !two_statements) {
        dropped_[i] = true;
      }
      if (a.type == v1::CLAIM_TYPE_ASSAULT) {
        // "captured Rodynske as a result of offensive actions".
        if (b.type == v1::CLAIM_TYPE_CAPTURE && a.place != nullptr &&
            same_place(a, b)) {
          dropped_[i] = true;
        }
        if (b.type == v1::CLAIM_TYPE_REPELLED_ATTACK &&
            a.pattern->first_token >= b.pattern->end_token &&
            a.pattern->first_token - b.pattern->end_token <=
                kRepelledObjectTokens) {
          dropped_[i] = true;
        }
        if ((b.type == v1::CLAIM_TYPE_DRONE_STRIKE ||
             b.type == v1::CLAIM_TYPE_MISSILE_STRIKE ||
             b.type == v1::CLAIM_TYPE_SHELLING) &&
            same_place(a, b)) {
          dropped_[i] = true;
        }
      }
    }
  }
}

void SentenceCoder::Emit() {
  absl::flat_hash_set<std::string> emitted;
  first_claim_ = claims_->size();
  last_place_ = nullptr;
  sentence_place_ = nullptr;
  strike_place_ = nullptr;
  assault_place_ = nullptr;
  for (size_t i = 0; i < pending_.size(); ++i) {
    if (dropped_[i]) continue;
    const Pending& item = pending_[i];
    const Found& p = *item.pattern;
    const PatternEntry& entry = Cue(p);
    const gazetteer::Mention* place = item.place;
    // "A Russian drone hit a car in Beryslav, killing two, Kherson regional
    // governor said": losses of a strike in the sentence are where it struck.
    if (item.type == v1::CLAIM_TYPE_CASUALTIES && strike_place_ != nullptr) {
      place = CarriedFrom(strike_place_);
    }
    // Losses right after a strike are the strike's; people killed or hurt
    // need no figure ("Ракета влучила в Запоріжжя. ... Поранено трьох
    // людей").
    if (place == nullptr && item.type == v1::CLAIM_TYPE_CASUALTIES &&
        (entry.toll || !figures_.empty()) && same_paragraph_) {
      place = CarriedFrom(context_->previous_strike_place);
    }
    // "... атакував у районі Лимана. Усі атаки відбито.": the attacks
    // repelled are those just reported ("противник отошёл на исходные":
    // and the attackers fell back from there).
    const bool answers_previous =
        place == nullptr && places_.empty() && same_paragraph_ &&
        context_->previous_assault_place != nullptr &&
        (item.type == v1::CLAIM_TYPE_REPELLED_ATTACK ||
         item.type == v1::CLAIM_TYPE_WITHDRAWAL);
    const bool repels_previous =
        answers_previous && item.type == v1::CLAIM_TYPE_REPELLED_ATTACK;
    if (answers_previous) {
      place = CarriedFrom(context_->previous_assault_place);
    }
    if (place == nullptr && figures_.empty()) continue;
    // A figure that is no area ("a dozen armored vehicles") anchors no
    // place: the claim is where the text last was, in this sentence or the
    // one before it. An area ("150 square miles inside Russia") and a toll
    // of losses stand on their own.
    if (place == nullptr && !has_area_ &&
        item.type != v1::CLAIM_TYPE_CASUALTIES) {
      for (const auto* m : places_) {
        if (m->end <= p.begin && !IsOrigin(*m)) place = m;
      }
      if (place == nullptr) place = CarriedFrom(context_->previous_place);
    }
    const v1::ClaimType type = item.type;
    // "denied that Russian troops had gained ground, saying the attackers had
    // lost dozens": what the denier goes on to say is asserted.
    // So is what the denier says in quotes after it ("опровергли ...: «село
    // удерживают наши воины»").
    // "rejected Russian claims that ..." names whose claims are denied.
    const bool denied =
        denial_ != nullptr &&
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

    const Found* claimant = ClaimantFor(p);
    const ActorEntry* claimant_entry = claimant != nullptr ? &Actor(*claimant)
                                       : someone_else_speaks_ ? nullptr
                                       : continued_speaker_.has_value()
                                           ? ContinuedSpeaker()
                                           : context_->header;
    const v1::Side claimant_side = claimant_entry != nullptr
                                       ? FixedSide(*claimant_entry)
                                       : v1::SIDE_UNSPECIFIED;

    // The actor: the nearest fighting actor before the verb and after the
    // claimant's cue ("X claimed to have repelled" is X's doing), else the
    // claimant's side, else the first one after the verb.
    uint32_t boundary = 0;
    for (const Found* c : claimant_cues_) {
      if (c->end <= p.begin) boundary = c->end;
    }
    // A weapon named after its verb ("hit a Russian ferry crossing with
    // HIMARS rockets") is the subject's: the first actor of the clause.
    const bool weapon = IsHarm(type) && type != v1::CLAIM_TYPE_CASUALTIES;
    const Found* doer = nullptr;
    for (const Found& a : actors_) {
      if (&a == claimant || IsObserver(Actor(a).kind)) continue;
      if (Actor(a).kind == v1::ACTOR_KIND_STATE && IsLocation(a)) continue;
      if (a.begin < boundary || a.end > p.begin) continue;
      // "відкинули окупантів ... та звільнили": the object of the verb
      // before is not the subject of the one after "and".
      const bool object_of_earlier =
          std::any_of(cues_.begin(), cues_.end(),
                      [&](const Found& q) {
                        return Cue(q).kind == CueKind::kClaim &&
                               q.end <= a.begin;
                      }) &&
          std::any_of(conjunctions_.begin(), conjunctions_.end(),
                      [&](const Found* c) {
                        return c->begin >= a.end && c->end <= p.begin;
                      }) &&
          InClause(a.end, p.begin);
      if (object_of_earlier) continue;
      if (weapon && doer != nullptr && InClause(doer->end, p.begin)) continue;
      doer = &a;
    }
    // "..., однак місто тримають наші підрозділи": the subject after the
    // verb, ending its clause, over one in an earlier clause.
    if (doer != nullptr && !InClause(doer->end, p.begin)) {
      for (const Found& a : actors_) {
        if (a.first_token == p.end_token && &a != claimant &&
            !IsObserver(Actor(a).kind) && EndsClause(a)) {
          doer = &a;
          break;
        }
      }
    }
    // After the verb only when the claimant does not speak for a side
    // ("Kurakhove passed under the control of Russian forces") or for losses.
    // Losses name their side wherever it stands ("загинули 3 800 військових").
    // A strike's target after it ("уничтожен склад боеприпасов ВСУ"): the
    // striker is the other side.
    // Right after the weapon it is the subject ("з артилерії та РСЗВ ворог
    // бив по Оріхову").
    const Found* target = nullptr;
    if (doer == nullptr && weapon) {
      for (const Found& a : actors_) {
        if (&a == claimant || IsObserver(Actor(a).kind)) continue;
        if (a.begin >= p.end && !HasClausePunctuation(WithoutQuotes(
                                    text_.substr(p.end, a.begin - p.end)))) {
          // After a verb the weapon made a strike ("drones had struck a
          // Russian depot") it is the target.
          (a.first_token <= p.end_token + 1 && item.weapon == nullptr
               ? doer
               : target) = &a;
          break;
        }
      }
    }
    if (doer == nullptr && target == nullptr &&
        (!IsBelligerent(claimant_side) || type == v1::CLAIM_TYPE_CASUALTIES)) {
      for (const Found& a : actors_) {
        if (&a == claimant || IsObserver(Actor(a).kind)) continue;
        if (a.begin >= p.end) {
          doer = &a;
          break;
        }
      }
    }
    // Losses are of the side named after the verb when there is one
    // ("Ukrainian troops killed 60 Russian soldiers").
    if (type == v1::CLAIM_TYPE_CASUALTIES) {
      for (const Found& a : actors_) {
        if (&a == claimant || IsObserver(Actor(a).kind) || IsLocation(a)) {
          continue;
        }
        if (a.begin >= p.end && InClause(p.end, a.begin)) {
          doer = &a;
          break;
        }
      }
    }
    // "ворог" and "наші" are relative to whoever speaks: the claimant, else
    // the side a text in this language speaks for.
    // An unnamed speaker's words are reported in the text's own voice
    // ("Украинские паблики пишут, что наши подразделения отошли").
    const bool speaks_for_itself =
        claimant_entry != nullptr && !claimant_entry->unnamed;
    const v1::Side voice = IsBelligerent(claimant_side) && speaks_for_itself
                               ? claimant_side
                               : context_->Voice();
    v1::Side side = v1::SIDE_UNSPECIFIED;
    if (entry.kind == CueKind::kClaim &&
        entry.fixed_side != v1::SIDE_UNSPECIFIED) {
      side = entry.fixed_side;
    } else if (item.weapon != nullptr &&
               Cue(*item.weapon).fixed_side != v1::SIDE_UNSPECIFIED) {
      // "«Герани» отработали по Шостке": whose weapon it is.
      side = Cue(*item.weapon).fixed_side;
    } else if (doer != nullptr) {
      const ActorEntry& a = Actor(*doer);
      side = a.rule == SideRule::kFixed ? a.side
             : a.rule == SideRule::kOwn ? voice
                                        : Opposite(voice);
    } else if (target != nullptr) {
      const ActorEntry& a = Actor(*target);
      side = Opposite(a.rule == SideRule::kFixed ? a.side
                      : a.rule == SideRule::kOwn ? voice
                                                 : Opposite(voice));
    } else if (entry.kind == CueKind::kClaim && entry.weak &&
               type == v1::CLAIM_TYPE_ASSAULT) {
      // "Бої в місті тривають", "heavy fighting": nobody named attacks.
    } else if (IsBelligerent(voice)) {
      // Nobody named: the speaker's own side, except that one denies the
      // other side's gains ("Kyiv denied that Dachne had fallen").
      // Strikes and losses with nobody named are the other side's doing
      // ("поранено двох цивільних" in a Ukrainian report).
      // A denier denies the other side's gains and its own side's harm.
      const bool others = denied ? IsGain(type) : IsHarm(type);
      side = others ? Opposite(voice) : voice;
    } else if (IsHarm(type) && place != nullptr && !denied) {
      // Nobody named and no side speaking ("Two ballistic missiles struck
      // Sumy, the city's mayor said"): a strike on a country's town is the
      // other country's.
      const std::string& country = place->place().country;
      side = country == "UA"   ? v1::SIDE_RUSSIA
             : country == "RU" ? v1::SIDE_UKRAINE
                               : v1::SIDE_UNSPECIFIED;
    }
    // A passive ("the Ukrainian attempt was thwarted"): the one named before
    // it suffers the act.
    if (entry.kind == CueKind::kClaim && entry.opposite && doer != nullptr &&
        doer->end <= p.begin) {
      side = Opposite(side);
    }
    // "its troops had captured Ukrainsk, a claim Ukraine's General Staff
    // rejected": a gain denied is the other side's, whoever "its" seemed to
    // be.
    if (denied && IsGain(type) && side == claimant_side &&
        IsBelligerent(side)) {
      side = Opposite(side);
    }
    if (repels_previous && IsBelligerent(context_->previous_assault_side)) {
      side = Opposite(context_->previous_assault_side);
    }
    // Whose act it is stays unknown: nothing the conflict state can hold.
    if (!IsBelligerent(side)) continue;

    const std::string key = absl::StrCat(
        type, "|", place != nullptr ? place->place().id : "", "|", side);
    if (!emitted.insert(key).second) continue;
    if (doer != nullptr) last_doer_ = doer->index;
    if (place != nullptr) last_place_ = &place->place();
    if (place != nullptr && IsHarm(type) && type != v1::CLAIM_TYPE_CASUALTIES) {
      strike_place_ = &place->place();
    }
    if (place != nullptr && type == v1::CLAIM_TYPE_ASSAULT) {
      assault_place_ = &place->place();
      assault_side_ = side;
    }
    if (claimant != nullptr) last_claimant_ = claimant->index;

    v1::Claim claim;
    claim.set_type(type);
    claim.set_polarity(denied ? v1::POLARITY_DENIED : v1::POLARITY_ASSERTED);
    if (doer != nullptr) {
      FillActor(Actor(*doer), side, claim.mutable_actor());
    }
    claim.set_side(side);
    if (claimant_entry != nullptr && !claimant_entry->unnamed) {
      FillActor(*claimant_entry, claimant_side, claim.mutable_claimant());
    }
    if (place != nullptr) {
      claim.set_place_id(place->place().id);
      v1::GeoPrecision precision = v1::GEO_PRECISION_EXACT;
      if (place->place().kind == gazetteer::PlaceKind::kRegion) {
        precision = v1::GEO_PRECISION_REGION;
      } else {
        for (const Found& f : cues_) {
          const CueKind k = Cue(f).kind;
          if (((k == CueKind::kNearBefore || k == CueKind::kBearing) &&
               f.end <= place->begin && place->begin - f.end <= kNearGap) ||
              (k == CueKind::kNearAfter && f.begin >= place->end &&
               f.begin - place->end <= kNearGap)) {
            precision = v1::GEO_PRECISION_NEAR;
          }
        }
      }
      claim.set_geo_precision(precision);
    }
    const DatedTime dated = ResolveTime(published_, time_cue_);
    claim.mutable_time()->set_seconds(absl::ToUnixSeconds(dated.time));
    claim.set_time_precision(dated.precision);
    for (const v1::Quantity& q : figures_) *claim.add_quantities() = q;
    claim.mutable_span()->set_begin(begin_);
    claim.mutable_span()->set_end(end_);
    claim.set_sentence(ValidUtf8(text_.substr(begin_, end_ - begin_)));
    // A statement said and then denied in one sentence is a claim of
    // whoever said it too. (One only named inside the denial, "спростував
    // заяви Міноборони РФ про захоплення", codes the denial alone.)
    const Found* reporter = nullptr;
    if (denied) {
      // "Russian troops stormed Kupiansk, Russia's Defense Ministry said, a
      // claim Ukraine's General Staff denied": the one who said it.
      // Or before it, the denial after it ("Russia's Defense Ministry said
      // its troops had captured Ukrainsk, a claim Ukraine's General Staff
      // rejected").
      for (const Attribution& a : attributions_) {
        const bool said =
            (a.cue->begin >= p.end && a.cue->end <= denial_->begin) ||
            (a.cue->end <= p.begin && denial_->begin >= p.end);
        if (said && a.actor != denier_ && a.actor->index != denier_->index) {
          reporter = a.actor;
        }
      }
    }
    if (reporter != nullptr) {
      v1::Claim reported = claim;
      const ActorEntry& r = Actor(*reporter);
      reported.set_polarity(v1::POLARITY_ASSERTED);
      FillActor(r, FixedSide(r), reported.mutable_claimant());
      claims_->push_back(std::move(reported));
    }
    claims_->push_back(std::move(claim));
  }
}

void SentenceCoder::RememberForNext() {
  // What the next sentence's anaphors may refer to ("a town west of
  // Bakhmut" keeps Bakhmut out).
  const std::vector<const Found*> bearings = CuesOf(CueKind::kBearing);
  for (const gazetteer::Mention* m : places_) {
    const bool reference_point =
        std::any_of(bearings.begin(), bearings.end(), [&](const Found* b) {
          return b->end <= m->begin && m->begin - b->end <= kNearGap;
        });
    if (reference_point) continue;
    const gazetteer::Place* place = &m->place();
    context_->last_place_named = place;
    switch (Group(place->kind)) {
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
  } else if (!attributions_.empty() && last_claimant_.has_value()) {
    context_->previous_speaker = last_claimant_;
  } else {
    context_->previous_speaker = continued_speaker_;
  }
  context_->previous_assault_place = assault_place_;
  context_->previous_assault_side = assault_side_;
  // "Пошкоджено два будинки." between a strike and its losses keeps the
  // strike's place for them.
  const bool says_nothing_new =
      first_claim_ == claims_->size() && places_.empty() && same_paragraph_;
  if (strike_place_ != nullptr || !says_nothing_new) {
    context_->previous_strike_place = strike_place_;
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

const ActorEntry& SentenceCoder::Actor(const Found& f) const {
  return data_.dictionary.actors[f.index];
}

const ActorEntry* SentenceCoder::ContinuedSpeaker() const {
  if (!continued_speaker_.has_value() ||
      *continued_speaker_ == DocumentContext::kUnknownSpeaker) {
    return nullptr;
  }
  return &data_.dictionary.actors[*continued_speaker_];
}

const PatternEntry& SentenceCoder::Cue(const Found& f) const {
  return data_.dictionary.patterns[f.index];
}

std::vector<const Found*> SentenceCoder::CuesOf(CueKind kind) const {
  std::vector<const Found*> out;
  for (const Found& f : cues_) {
    if (Cue(f).kind == kind) out.push_back(&f);
  }
  return out;
}

// The claimant of a pattern: the denier; else the attribution nearest to
// it (one after it only when it closes the clause: "..., X said"); else the
// header of this or an earlier line.
const Found* SentenceCoder::ClaimantFor(const Found& p) const {
  if (denier_ != nullptr) return denier_;
  const Found* best = nullptr;
  uint32_t best_distance = UINT32_MAX;
  for (const Attribution& a : attributions_) {
    if (a.cue->begin >= p.end && !a.postposed) continue;
    const uint32_t distance = a.cue->begin >= p.end   ? a.cue->begin - p.end
                              : p.begin >= a.cue->end ? p.begin - a.cue->end
                                                      : 0;
    if (distance < best_distance) {
      best = a.actor;
      best_distance = distance;
    }
  }
  return best != nullptr ? best : header_;
}

bool SentenceCoder::IsTroops(const Found& a) const { return Actor(a).troops; }

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
  return std::any_of(actors_.begin(), actors_.end(), [&](const Found& a) {
    return a.end <= cue.begin && a.end_token == cue.first_token &&
           a.end_token == a.first_token + 1 && IsTroops(a) &&
           !HasClausePunctuation(text_.substr(a.end, cue.begin - a.end));
  });
}

bool SentenceCoder::InClause(uint32_t from, uint32_t to) const {
  return !HasClausePunctuation(text_.substr(from, to - from));
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
  return std::any_of(appositives.begin(), appositives.end(),
                     [&](const Found* a) {
                       return a->begin >= place.end && a->end <= m.begin;
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
