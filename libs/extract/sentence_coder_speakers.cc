// Who speaks in a sentence: the heading of a text, the actors "they" and
// "the ministry" stand for, the speaker of each "said" or "according to",
// the denier, and the claims of the sentence before that a denial denies.
#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "libs/extract/clause_text.h"
#include "libs/extract/coder_rules.h"
#include "libs/extract/sentence_coder.h"
#include "libs/extract/utf8.h"

namespace frontline::extract {
namespace {

// How far (characters) a claimant may stand from "said" / "according to".
constexpr uint32_t kClaimantBeforeGap = 40;
constexpr uint32_t kClaimantAfterGap = 80;
constexpr uint32_t kDenierGap = 48;

// The longest title (characters) between a speaker and the colon of a
// text's heading ("Олег Синєгубов, начальник Харківської ОВА: ...").
constexpr uint32_t kHeaderTitleChars = 60;

// The longest title (characters) between "сообщил" and the speaker after it
// ("сообщил командир спецназа «Ахмат», ... Апти Алаудинов").
constexpr uint32_t kSpeakerTitleChars = 120;

// The longest first line (characters) read as a title.
constexpr uint32_t kTitleChars = 120;

// How far (bytes) "said" may follow "they" for "they" to be the speaker.
constexpr uint32_t kPronounSpeaksGap = 16;

// At most this many words may follow a speaker named after "said" before
// its clause ends ("said Kofman, ...", "said Major General Apti Alaudinov").
constexpr uint32_t kSpeakerTrailingWords = 1;

// At most this many words after "X said" and it speaks for what precedes.
constexpr uint32_t kPostposedTrailingWords = 3;

}  // namespace

void SentenceCoder::ReadHeading() {
  header_ = nullptr;
  ReadSpeakerHeading();
  ReadTitleHeading();
  ReadAttributedTitle();
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
}

// "Генштаб ЗСУ: ..." names who speaks for the rest of the document.
void SentenceCoder::ReadSpeakerHeading() {
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
}

// "Russian Offensive Campaign Assessment, August 20": a title naming a
// monitor, an analyst, a ministry or an outlet and reporting nothing
// itself names who speaks for the rest of the text.
void SentenceCoder::ReadTitleHeading() {
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
}

// "Российские военные продвинулись к окраинам Юнаковки — Алаудинов": a
// title that ends with its speaker after a dash names who speaks for the
// text.
void SentenceCoder::ReadAttributedTitle() {
  if (context_->previous_end != 0 || header_ != nullptr || actors_.empty()) {
    return;
  }
  const Found& last = actors_.back();
  const absl::string_view before = absl::StripTrailingAsciiWhitespace(
      text_.substr(begin_, last.begin - begin_));
  const bool after_dash = absl::EndsWith(before, "\u2014") ||
                          absl::EndsWith(before, "\u2013") ||
                          absl::EndsWith(before, " -");
  if (after_dash && last.end_token == tokens_.size() && !IsTroops(last) &&
      Actor(last).rule == SideRule::kFixed) {
    context_->header = &Actor(last);
    header_ = &last;
  }
}

// "they" is the previous sentence's actor, or its claimant when "they" says
// something; "the ministry" the latest ministry.
std::optional<uint32_t> SentenceCoder::ActorReferent(
    const Found& f, const PatternEntry& entry) const {
  if (entry.anaphor == AnaphorTarget::kActorKind) {
    auto it = context_->last_actor_of_kind.find(entry.anaphor_kind);
    if (it == context_->last_actor_of_kind.end()) return std::nullopt;
    return it->second;
  }
  std::optional<uint32_t> referent;
  // "..., said Andriy Demchenko. All the attacks were repelled, he
  // said.": someone the dictionaries do not know goes on speaking.
  const bool unknown_speaker =
      context_->previous_speaker == DocumentContext::kUnknownSpeaker;
  const bool speaks = Speaks(f);
  if (speaks && !unknown_speaker) {
    referent = context_->previous_claimant.has_value()
                   ? context_->previous_claimant
                   : context_->previous_first_actor;
  } else if (speaks) {
    return std::nullopt;
  } else if (entry.anaphor == AnaphorTarget::kPronoun) {
    referent = context_->previous_doer;
  }
  // "Russian forces said they captured": the speaker.
  for (const Found* c : claimant_before_cues_) {
    if (c->end > f.begin || f.begin - c->end > kPronounSpeaksGap ||
        HasClausePunctuation(text_.substr(c->end, f.begin - c->end))) {
      continue;
    }
    for (const Found& a : actors_) {
      if (a.end <= c->begin && c->begin - a.end <= kClaimantBeforeGap &&
          !HasClausePunctuation(text_.substr(a.end, c->begin - a.end))) {
        referent = a.index;
      }
    }
  }
  return referent;
}

bool SentenceCoder::Speaks(const Found& pronoun) const {
  // Whether only punctuation follows `at` in the sentence ("— сказал он.").
  auto closes_sentence = [&](uint32_t at) {
    return tokens_.empty() || tokens_.back().end <= at;
  };
  // "Він також спростував ...": denying is speaking too.
  const bool denies =
      std::any_of(cues_.begin(), cues_.end(), [&](const Found& c) {
        return Cue(c).kind == CueKind::kDenial && c.begin >= pronoun.end &&
               c.begin - pronoun.end <= kPronounSpeaksGap &&
               !HasClausePunctuation(
                   text_.substr(pronoun.end, c.begin - pronoun.end));
      });
  return denies ||
         std::any_of(claimant_before_cues_.begin(), claimant_before_cues_.end(),
                     [&](const Found* c) {
                       // "he said", and "— сказал он".
                       return (c->begin >= pronoun.end &&
                               c->begin - pronoun.end <= kPronounSpeaksGap &&
                               !HasClausePunctuation(text_.substr(
                                   pronoun.end, c->begin - pronoun.end))) ||
                              (c->end <= pronoun.begin &&
                               pronoun.begin - c->end <= 2 &&
                               closes_sentence(pronoun.end));
                     });
}

void SentenceCoder::ReadSpeakers() {
  ReadClaimantCues();
  // "..., said the head of the district, Volodymyr Leontiev": someone the
  // dictionaries do not know speaks, not the document's header.
  someone_else_speaks_ = attributions_.empty() && UnknownSpeakerSpeaks();
  ReadAttributionAnaphors();
  ReadDenier();
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

void SentenceCoder::ReadClaimantCues() {
  // Claimants: the actor next to each claimant cue ("X said", "according to
  // X"); a claimant-before cue takes an actor joined to it by words only.
  for (const Found* f : claimant_cues_) {
    // "X said ..., adding that ...", "X accused Ukraine of ... and said
    // ...": a participle, or a verb joined by "and", goes on with the
    // speaker of the verb before it.
    const bool coordinated = std::any_of(
        conjunctions_.begin(), conjunctions_.end(),
        [&](const Found* c) { return c->end_token == f->first_token; });
    const Found* speaker =
        (Cue(*f).participle || coordinated) && !attributions_.empty()
            ? attributions_.back().actor
        : Cue(*f).kind == CueKind::kClaimantBefore ? SpeakerOfSaid(*f)
                                                   : SpeakerOfAccordingTo(*f);
    if (speaker == nullptr) continue;
    attributions_.push_back({f, speaker, IsPostposed(*f, *speaker)});
  }
}

bool SentenceCoder::UnknownSpeakerSpeaks() const {
  // ("did not make further confirmed advances" is no one speaking).
  // ("there were no confirmed changes" is no one speaking either.)
  const std::vector<const Found*> negations = CuesOf(CueKind::kNegation);
  return std::any_of(
      claimant_cues_.begin(), claimant_cues_.end(), [&](const Found* c) {
        const bool negated = std::any_of(
            negations.begin(), negations.end(), [&](const Found* n) {
              return n->end_token == c->first_token &&
                     InClause(n->end, c->begin);
            });
        return !negated &&
               std::none_of(patterns_.begin(), patterns_.end(),
                            [&](const Found* p) {
                              return p->first_token >= c->end_token &&
                                     p->first_token <= c->end_token + 1;
                            });
      });
}

void SentenceCoder::ReadAttributionAnaphors() {
  // "По его словам", "за його словами": the previous speaker says it (as
  // "he said" does; someone the dictionaries do not know goes on
  // speaking).
  for (const Found* f : CuesOf(CueKind::kAnaphor)) {
    if (Cue(*f).anaphor != AnaphorTarget::kAttribution) continue;
    const std::optional<uint32_t> referent =
        context_->previous_speaker == DocumentContext::kUnknownSpeaker
            ? std::nullopt
        : context_->previous_speaker.has_value() ? context_->previous_speaker
        : context_->previous_claimant.has_value()
            ? context_->previous_claimant
            : context_->previous_first_actor;
    if (!referent.has_value()) continue;
    const Found* speaker = &made_.emplace_back(
        Found{*referent, f->first_token, f->end_token, f->begin, f->end});
    attributions_.push_back({f, speaker, true});
  }
}

const Found* SentenceCoder::SpeakerOfSaid(const Found& f) {
  const Found* found =
      FirstConjunct(NearestBefore(f.begin, kClaimantBeforeGap));
  // "Ukrainian military observer Kostyantyn Mashovets reported": a
  // person the dictionaries do not know, described by the actor.
  if (found != nullptr &&
      EndsWithName(text_.substr(found->end, f.begin - found->end))) {
    return nullptr;
  }
  if (found == nullptr) found = AppositiveSpeaker(f.begin);
  // "Об этом ТАСС сообщил командир «Ахмата» Апти Алаудинов": the outlet
  // before the verb was told; the one named after it tells.
  if (found != nullptr && Actor(*found).kind == v1::ACTOR_KIND_MEDIA &&
      f.begin - found->end <= 1) {
    const Found* teller = TellerAfter(f);
    if (teller != nullptr) found = teller;
  }
  // "DeepState showed no change ..., but reported that ...": the
  // sentence's subject says the second thing too.
  const bool coordinated = std::any_of(
      conjunctions_.begin(), conjunctions_.end(),
      [&](const Found* c) { return c->end_token == f.first_token; });
  if (found == nullptr && coordinated) {
    for (const Found& a : actors_) {
      if (a.first_token > 1 || a.end > f.begin) break;
      if (!IsTroops(a) && Actor(a).rule == SideRule::kFixed) {
        found = &a;
        break;
      }
    }
  }
  if (found == nullptr) found = SpeakerAfterSaid(f);
  return found;
}

const Found* SentenceCoder::TellerAfter(const Found& f) const {
  const Found* teller = nullptr;
  for (const Found& a : actors_) {
    if (a.begin < f.end ||
        CodePoints(text_.substr(f.end, a.begin - f.end)) > kSpeakerTitleChars) {
      continue;
    }
    const bool act_between = std::any_of(
        patterns_.begin(), patterns_.end(),
        [&](const Found* p) { return p->begin >= f.end && p->end <= a.begin; });
    // The title may name a unit ("командир спецназа «Ахмат»"): the
    // last one named is the speaker.
    if (!act_between && !IsTroops(a) && Actor(a).kind != v1::ACTOR_KIND_MEDIA &&
        NearlyEndsClause(a)) {
      teller = &a;
    }
  }
  return teller;
}

const Found* SentenceCoder::SpeakerAfterSaid(const Found& f) const {
  const Found* found = NearestAfter(f.end, kClaimantBeforeGap);
  // "Об этом сообщил в своем Telegram-канале врио губернатора Курской
  // области Александр Хинштейн": a long title before the name.
  if (found == nullptr) return TellerAfter(f);
  // "заявил ТАСС командир спецназа «Ахмат» ... Апти Алаудинов": the outlet
  // right after the verb was told; the one named after it tells.
  if (Actor(*found).kind == v1::ACTOR_KIND_MEDIA &&
      found->first_token == f.end_token) {
    if (const Found* teller = TellerAfter(f); teller != nullptr) {
      return teller;
    }
    if (Cue(f).tells) return nullptr;
  }
  // "заявив речник ОСУВ «Хортиця» Віктор Трегубов": the person named
  // after the body they speak for.
  for (const Found& a : actors_) {
    if (&a != found && Actor(a).kind == v1::ACTOR_KIND_OFFICIAL &&
        Actor(*found).kind != v1::ACTOR_KIND_OFFICIAL &&
        a.first_token >= found->end_token &&
        a.first_token <= found->end_token + 1) {
      found = &a;
      break;
    }
  }
  // "said Kofman, ..." names a speaker; "saying Russian troops had not
  // reached" names who the words are about.
  if (!NearlyEndsClause(*found)) return nullptr;
  // "сообщил ТАСС, что ...", "told Reuters that ...": an outlet told
  // is not the one telling.
  if (Actor(*found).kind == v1::ACTOR_KIND_MEDIA &&
      std::any_of(complementizers_.begin(), complementizers_.end(),
                  [&](const Found* c) {
                    return c->first_token >= found->end_token &&
                           c->first_token <= found->end_token + 1;
                  })) {
    return nullptr;
  }
  return found;
}

const Found* SentenceCoder::SpeakerOfAccordingTo(const Found& f) const {
  // "According to the district administration, Russian forces shelled":
  // a speaker the dictionaries do not know, not the actor after it.
  const Found* found = NearestAfter(f.end, kClaimantAfterGap);
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
      return &a;
    }
  }
  return found;
}

bool SentenceCoder::IsPostposed(const Found& f, const Found& speaker) const {
  // Words after the cue (and the speaker after it) before the clause ends.
  uint32_t from = f.end_token;
  if (speaker.first_token >= f.end_token) from = speaker.end_token;
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
  return Cue(f).kind == CueKind::kClaimantAfter ||
         ((trailing <= kPostposedTrailingWords || circumstance) &&
          !reports_that);
}

const Found* SentenceCoder::NearestBefore(uint32_t at, uint32_t max_gap) const {
  const Found* best = nullptr;
  for (const Found& a : actors_) {
    if (a.end <= at && CodePoints(text_.substr(a.end, at - a.end)) <= max_gap &&
        !HasClausePunctuation(NameGap(text_.substr(a.end, at - a.end)))) {
      best = &a;
    }
  }
  return best;
}

const Found* SentenceCoder::NearestAfter(uint32_t at, uint32_t max_gap) const {
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
      if (HasClausePunctuation(gap) && !described) return nullptr;
      const bool past_that = std::any_of(
          complementizers_.begin(), complementizers_.end(),
          [&](const Found* c) { return c->begin >= at && c->end <= a.begin; });
      return past_that ? nullptr : &a;
    }
  }
  return nullptr;
}

// "Ukrainian and U.S. officials": the first conjunct, with the head noun
// they share, speaks first.
const Found* SentenceCoder::FirstConjunct(const Found* a) {
  if (a == nullptr || a->first_token < 2 || a->end_token - a->first_token < 2) {
    return a;
  }
  const bool joined = std::any_of(conjunctions_.begin(), conjunctions_.end(),
                                  [&](const Found* c) {
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
}

// "Oleh Syniehubov, the governor, said" and "the governor, Oleh
// Syniehubov, said": the name set off by commas.
const Found* SentenceCoder::AppositiveSpeaker(uint32_t at) const {
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
  // "the commander of Ukraine's air force, Lt. Gen. Mykola Oleshchuk,
  // said": a person the dictionaries do not know, named after the title.
  if (IsCapitalizedName(text_.substr(open_at + 1, close - open_at - 1)) &&
      std::none_of(actors_.begin(), actors_.end(), [&](const Found& a) {
        return a.begin > open_at && a.end <= close;
      })) {
    return nullptr;
  }
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
}

bool SentenceCoder::NearlyEndsClause(const Found& a) const {
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
}

void SentenceCoder::ReadDenier() {
  denier_ = denial_ != nullptr
                ? FirstConjunct(NearestBefore(denial_->begin, kDenierGap))
                : nullptr;
  // "заявления о продвижении российских войск ... опровергли": troops named
  // in what is denied do not deny.
  if (denier_ != nullptr && IsTroops(*denier_) &&
      std::any_of(patterns_.begin(), patterns_.end(),
                  [&](const Found* p) { return p->end <= denier_->begin; })) {
    denier_ = nullptr;
  }
  // "Voloshyn told The Associated Press the claim was false": the outlet
  // told is not the one denying; who told it is.
  if (denier_ != nullptr && Actor(*denier_).kind == v1::ACTOR_KIND_MEDIA) {
    for (const Attribution& a : attributions_) {
      if (a.actor != denier_ && denier_->first_token >= a.cue->end_token &&
          denier_->first_token <= a.cue->end_token + 1) {
        denier_ = a.actor;
        break;
      }
    }
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
}

bool SentenceCoder::DenyPrevious() {
  // A sentence that only denies what the one before it reported ("Ukrainian
  // officials denied those accounts") denies each of its claims.
  const bool denies_reports = NamesReports();
  const bool only_denial =
      patterns_.empty() && places_.empty() && figures_.empty();
  // "Это не так: ..." with nobody named: the text's own voice denies.
  const ActorEntry* denier = denier_ != nullptr      ? &Actor(*denier_)
                             : attributions_.empty() ? context_->header
                                                     : nullptr;
  if (denial_ != nullptr && denier != nullptr && denies_reports &&
      same_paragraph_ && (only_denial || NothingBeforeDenial())) {
    const size_t first_denied = claims_->size();
    DenyPreviousClaims(*denier);
    if (only_denial) {
      context_->previous_strike_place = nullptr;
      context_->previous_assault_place = nullptr;
      context_->Advance(end_, first_denied, claims_->size());
      return true;
    }
  }
  // "Об этом сообщил ... Александр Хинштейн": a sentence that only says who
  // reported the one before it is the claimant of its claims.
  if (denial_ == nullptr && denies_reports && patterns_.empty() &&
      same_paragraph_ && !attributions_.empty() &&
      !Actor(*attributions_.front().actor).unnamed) {
    ClaimPrevious(Actor(*attributions_.front().actor));
  }
  return false;
}

bool SentenceCoder::NamesReports() const {
  // ("опровергли заявление Минобороны о захвате ..." names its own.)
  return std::any_of(cues_.begin(), cues_.end(), [&](const Found& c) {
    return Cue(c).kind == CueKind::kAnaphor &&
           Cue(c).anaphor == AnaphorTarget::kReports &&
           !ActorStartsAt(c.end_token);
  });
}

bool SentenceCoder::NothingBeforeDenial() const {
  // Words after the denial in quotes or after a colon are the denier's own
  // ("Волошин назвав це фейком: «Село під контролем Сил оборони»").
  return denial_ != nullptr &&
         std::none_of(
             patterns_.begin(), patterns_.end(),
             [&](const Found* p) { return p->begin < denial_->end; }) &&
         std::none_of(places_.begin(), places_.end(),
                      [&](const auto* m) { return m->begin < denial_->end; });
}

void SentenceCoder::DenyPreviousClaims(const ActorEntry& denier) {
  const bool previous_reported =
      context_->previous_claims_end > context_->previous_claims_begin ||
      !context_->previous_commented;
  const size_t from = previous_reported ? context_->previous_claims_begin
                                        : context_->reported_begin;
  const size_t to = previous_reported ? context_->previous_claims_end
                                      : context_->reported_end;
  for (size_t i = from; i < to; ++i) {
    if ((*claims_)[i].polarity() != v1::POLARITY_ASSERTED) continue;
    v1::Claim claim = (*claims_)[i];
    claim.set_polarity(v1::POLARITY_DENIED);
    FillActor(denier, FixedSide(denier), claim.mutable_claimant());
    claim.mutable_span()->set_begin(begin_);
    claim.mutable_span()->set_end(end_);
    claim.set_sentence(ValidUtf8(text_.substr(begin_, end_ - begin_)));
    claims_->push_back(std::move(claim));
  }
}

void SentenceCoder::ClaimPrevious(const ActorEntry& speaker) {
  for (size_t i = context_->previous_claims_begin;
       i < context_->previous_claims_end; ++i) {
    v1::Claim& claim = (*claims_)[i];
    if (claim.claimant().id().empty()) {
      FillActor(speaker, FixedSide(speaker), claim.mutable_claimant());
    }
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

}  // namespace frontline::extract
