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
#include "libs/extract/coder_rules.h"
#include "libs/extract/relative_time.h"
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

// The longest title (characters) between a speaker and the colon of a
// text's heading ("Олег Синєгубов, начальник Харківської ОВА: ...").
constexpr uint32_t kHeaderTitleChars = 60;

// The longest gap (characters) holding a quoted name that ends no clause
// ("области группировка «Север» продвинулась").
constexpr uint32_t kQuotedNameChars = 40;

// How many characters ("м. ", "смт ") may stand before a line's heading
// place.
constexpr uint32_t kHeadingPrefixChars = 4;

// The longest first line (characters) read as a title.
constexpr uint32_t kTitleChars = 120;

// How far (bytes) a place joined by "and" may follow the one before it.
constexpr uint32_t kJoinedPlaceGap = 48;

// How far (bytes) a place may follow "region of" to be read as its region.
constexpr uint32_t kRegionOfGap = 2;

// How far (bytes) "said" may follow "they" for "they" to be the speaker.
constexpr uint32_t kPronounSpeaksGap = 16;

// How far (bytes) a name may stand from "the town" to be the town meant.
constexpr uint32_t kAppositionGap = 5;

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

// `m` standing for `place` instead.
gazetteer::Mention Stand(const gazetteer::Mention& m,
                         const gazetteer::Place* place) {
  gazetteer::Mention out = m;
  out.candidates = {place};
  return out;
}

}  // namespace

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
