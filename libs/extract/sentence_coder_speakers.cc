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

// The longest title (characters) between "сообщил" and the speaker after it
// ("сообщил командир спецназа «Ахмат», ... Апти Алаудинов").
constexpr uint32_t kSpeakerTitleChars = 120;

// At most this many words may follow a speaker named after "said" before
// its clause ends ("said Kofman, ...", "said Major General Apti Alaudinov").
constexpr uint32_t kSpeakerTrailingWords = 1;

// At most this many words after "X said" and it speaks for what precedes.
constexpr uint32_t kPostposedTrailingWords = 3;

}  // namespace

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

const ActorEntry* SentenceCoder::ContinuedSpeaker() const {
  if (!continued_speaker_.has_value() ||
      *continued_speaker_ == DocumentContext::kUnknownSpeaker) {
    return nullptr;
  }
  return &data_.dictionary.actors[*continued_speaker_];
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

}  // namespace frontline::extract
