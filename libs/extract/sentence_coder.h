// Codes the claims of one sentence of a document, reading it with what the
// document's earlier sentences left in a DocumentContext. Internal to the
// Extractor (extractor.h), which runs one SentenceCoder per sentence in text
// order; the rules are those of EVAL.md, the words those of data/.
#ifndef FRONTLINE_LIBS_EXTRACT_SENTENCE_CODER_H_
#define FRONTLINE_LIBS_EXTRACT_SENTENCE_CODER_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "frontline/v1/claim.pb.h"
#include "libs/extract/dictionary.h"
#include "libs/extract/document_context.h"
#include "libs/extract/phrase_matcher.h"
#include "libs/extract/quantity_reader.h"
#include "libs/gazetteer/gazetteer.h"
#include "libs/gazetteer/normalizer.h"
#include "libs/text/relative_date.h"

namespace frontline::extract {

// What a PhraseMatcher payload names: a row of actors.tsv, patterns.tsv or
// quantities.tsv, in its low kPhraseIndexBits bits.
enum PhraseCategory : uint32_t { kActor = 0, kPattern = 1, kQuantity = 2 };
constexpr uint32_t kPhraseIndexBits = 28;
inline uint32_t PhrasePayload(PhraseCategory c, size_t index) {
  return (static_cast<uint32_t>(c) << kPhraseIndexBits) | index;
}

// The coder's data, loaded once and shared by every sentence.
struct CoderData {
  const Dictionary& dictionary;
  const gazetteer::Normalizer& normalizer;
  const gazetteer::Gazetteer& gazetteer;
  const QuantityReader& quantities;
  // Dates in prose; null when the extractor was loaded without them.
  const text::RelativeDateResolver* dates = nullptr;
};

// A dictionary phrase found in a sentence, with its byte span in the text.
struct Found {
  uint32_t index = 0;
  uint32_t first_token = 0, end_token = 0;
  uint32_t begin = 0, end = 0;
};

class SentenceCoder {
 public:
  // [begin, end) is the sentence in `text`; `mentions` its places. All
  // references must outlive the coder.
  SentenceCoder(const CoderData& data, const PhraseMatcher& matcher,
                absl::string_view text, size_t begin, size_t end,
                const std::vector<gazetteer::Mention>& mentions,
                absl::Time published, DocumentContext* context,
                std::vector<v1::Claim>* claims);

  // Appends the sentence's claims to `claims` and leaves in `context` what
  // later sentences may refer to. Call once.
  void Code();

 private:
  // An actor next to a claimant cue ("X said", "according to X").
  struct Attribution {
    const Found* cue;
    const Found* actor;
    bool postposed;  // "..., analysts said.": it speaks for what precedes.
  };
  // A claim in the making.
  struct Pending {
    v1::ClaimType type;
    const Found* pattern;
    const gazetteer::Mention* place = nullptr;
    bool weak = false;
    // The weapon whose strike it is, when one gave the type.
    const Found* weapon = nullptr;
    // The weapon was brought down ("shot down 47 drones over the Kursk
    // region"): the strike is the sender's, and only over a place.
    bool downed = false;
  };
  // What Emit makes of a pending claim.
  struct Coding {
    v1::ClaimType type;
    const Found* pattern;
    const Found* weapon = nullptr;
    bool downed = false;
    const gazetteer::Mention* place = nullptr;
    // Whether it repels the attacks the sentence before reported.
    bool repels_previous = false;
    bool denied = false;
    const Found* claimant = nullptr;
    const ActorEntry* claimant_entry = nullptr;
    v1::Side claimant_side = v1::SIDE_UNSPECIFIED;
    const Found* doer = nullptr;
    // A strike's target, named after its verb where no doer is.
    const Found* target = nullptr;
    // The side of the strike whose toll a loss is, when it is one.
    v1::Side toll_side = v1::SIDE_UNSPECIFIED;
    v1::Side side = v1::SIDE_UNSPECIFIED;
  };

  // The tokens of the sentence and the dictionary phrases found in them.
  void Find();
  // The places named or referred back to, the heading, and the places claims
  // may take.
  void ReadPlaces();
  // The claim patterns and the cues around them; negated and hypothetical
  // patterns dropped.
  void ReadCues();
  // A place named alone ("Нікопольщина.") heads the lines about it.
  void ReadParagraphHeading();
  // Whether the sentence asserts nothing (history, no comment); then it is
  // done.
  bool Recalled();
  // Who speaks for what: attributions, the denier, the figures.
  void ReadSpeakers();
  // Denies the previous sentence's claims when this one denies "those
  // accounts"; true when nothing else is left to read.
  bool DenyPrevious();
  // A pending claim per pattern with its place, and which are redundant.
  void PlaceClaims();
  // The claims, with their actors, sides, claimants and polarity.
  void Emit();
  // What the next sentence's anaphors and speakers may refer to.
  void RememberForNext();

  // Steps of ReadCues and RememberForNext (sentence_coder.cc).
  // The cues by kind: patterns, hypotheticals, claimant cues, the first
  // denial and time.
  void SortCues();
  bool IsHypothetical(const Found& p) const;
  bool OpensClause(const Found& p) const;
  void RememberPlacesNamed();
  void RememberActors();

  // Lookups (sentence_coder.cc).
  const ActorEntry& Actor(const Found& f) const {
    return data_.dictionary.actors[f.index];
  }
  const PatternEntry& Cue(const Found& f) const {
    return data_.dictionary.patterns[f.index];
  }
  std::vector<const Found*> CuesOf(CueKind kind) const;
  // Troops (actors.tsv flag `troops`): they act and are acted on, but
  // issue no statements.
  bool IsTroops(const Found& a) const { return Actor(a).troops; }
  // The weapon ("drone", or a strike pattern such as "дронами") a few words
  // from `p` in its clause, nearest first; nullptr when none. A weapon noun
  // after the verb is its object, taken only when `object` is true.
  const Found* WeaponOf(const Found& p, bool object = false) const;
  // Tokens in [from, to) that are not part of a figure.
  uint32_t WordsBetween(uint32_t from, uint32_t to) const;
  // Whether token `t` is a numeral ("88", "four").
  bool IsNumber(uint32_t t) const;
  // Whether an actor's name begins at token `token`.
  bool ActorStartsAt(uint32_t token) const;
  // Whether pattern `p` brings a weapon down: a `downed` pattern, or
  // "destroyed 17 drones" where air defences are named in its clause.
  bool IsDowned(const Found& p) const;
  // The actor naming whose a weapon is ("Ukrainian drones"); nullptr when
  // none stands right before it.
  const Found* OwnerOf(const Found& weapon) const;
  // Whether no word follows `a` in its clause.
  bool EndsClause(const Found& a) const;
  // "Russian claims": a cue used as a noun, its owner's adjective right
  // before it.
  bool NamesItsOwner(const Found& cue) const;
  // Whether no clause punctuation stands in text [from, to).
  bool InClause(uint32_t from, uint32_t to) const;

  // Places (sentence_coder_places.cc).
  void ReadNamedPlaces();
  bool IsDateline(const gazetteer::Mention& m) const;
  void ResolveAnaphors();
  // Adds the place anaphor `f` ("the town") stands for, if any.
  void ResolvePlaceAnaphor(const Found& f, AnaphorTarget target);
  // The latest place of `target`'s group named before byte `before`, in
  // this sentence or an earlier one; nullptr when none.
  const gazetteer::Place* LatestNamed(AnaphorTarget target,
                                      uint32_t before) const;
  // Whether region or district `m` only says where `place`, named just
  // before it, lies.
  bool Locates(const gazetteer::Mention& place,
               const gazetteer::Mention& m) const;
  // A place of an earlier sentence standing at this one's start; nullptr
  // for none.
  const gazetteer::Mention* CarriedFrom(const gazetteer::Place* place);
  // "attacks launched from the Kursk region": where an act came from.
  bool IsOrigin(const gazetteer::Mention& m) const;
  // "in the eastern Ukrainian region", "inside Russia": a location, not an
  // actor.
  bool IsLocation(const Found& a) const;
  // A pending claim per pattern (and per weapon causing losses).
  void ReadPending();
  void PlacePending(Pending* item);
  bool TakesPeople(const Found& p) const;
  // The weapon of another type joined to `weapon` by "and"; nullptr when
  // none.
  const Found* JoinedWeapon(const Found& weapon) const;
  bool IsUsablePlace(const Pending& item, const gazetteer::Mention& m) const;
  const gazetteer::Mention* PlaceAfter(const Pending& item) const;
  // Whether "in" right after `p` introduces something other than `place`.
  bool IsUnknownLocation(const Found& p, const gazetteer::Mention* place) const;
  // The place inside `region` named right after it, else `region`.
  const gazetteer::Mention* PlaceWithin(const gazetteer::Mention& region) const;
  const gazetteer::Mention* PlaceBefore(const Pending& item) const;
  // Whether `m` is set before its clause ("In Kursk, ...") or heads its
  // line ("Харків: ...").
  bool IsSetBefore(const gazetteer::Mention& m) const;
  // Whether `m` is the place a relative clause holding `p` is about ("the
  // Pokrovsk front, where Russian forces attacked").
  bool IsRelativeTo(const gazetteer::Mention& m, const Found& p) const;
  bool IsDescribedSubject(const gazetteer::Mention& m, const Found& p) const;
  // Whether a claim pattern or an attribution stands in [from, to).
  bool HasCueBetween(uint32_t from, uint32_t to) const;
  void AddJoinedPlaces();
  // A pending claim at each place joined after (before) pending_[i]'s.
  void JoinPlacesAfter(size_t i);
  void JoinPlacesBefore(size_t i);
  // Whether place `b` is joined to `a` before it ("Kursk and Belgorod",
  // "Kursk, Belgorod").
  bool Joined(const gazetteer::Mention& a, const gazetteer::Mention& b) const;
  void DropRedundant();
  bool RedundantBeside(const Pending& a, const Pending& b) const;
  bool IsWeaponOfOther(const Pending& a, const Pending& b) const;

  // Steps of ReadSpeakers and DenyPrevious (sentence_coder_speakers.cc).
  // The attribution of each claimant cue whose speaker is found.
  void ReadClaimantCues();
  // Whether a claimant cue neither negated nor right before a claim pattern
  // says that someone speaks.
  bool UnknownSpeakerSpeaks() const;
  // "По его словам": attributions to the previous speaker.
  void ReadAttributionAnaphors();
  // Whether an anaphor of reports ("those accounts") stands for what an
  // earlier sentence reported.
  bool NamesReports() const;
  // Whether no claim pattern or place stands before the denial.
  bool NothingBeforeDenial() const;
  // Appends, denied by `denier`, the claims the previous sentence asserted
  // (else those last reported).
  void DenyPreviousClaims(const ActorEntry& denier);
  // Makes `speaker` the claimant of the previous sentence's claims that have
  // none.
  void ClaimPrevious(const ActorEntry& speaker);

  // Speakers (sentence_coder_speakers.cc).
  // The speaker a text's heading or title names for the rest of it.
  void ReadHeading();
  // "Генштаб ЗСУ: ...", "Олег Синєгубов, начальник ОВА: ...".
  void ReadSpeakerHeading();
  // A first line naming an observer or a ministry and reporting nothing.
  void ReadTitleHeading();
  void ReadAttributedTitle();
  // The actor a pronoun or "the ministry" stands for; nullopt for none.
  std::optional<uint32_t> ActorReferent(const Found& f,
                                        const PatternEntry& entry) const;
  // Whether `pronoun` is the subject of "said" ("he said", "— сказал он").
  bool Speaks(const Found& pronoun) const;
  // The speaker of a "said" cue `f`; nullptr when none the dictionaries
  // know.
  const Found* SpeakerOfSaid(const Found& f);
  // The speaker named after "сообщил" when an outlet before it was told.
  const Found* TellerAfter(const Found& f) const;
  const Found* SpeakerAfterSaid(const Found& f) const;
  const Found* SpeakerOfAccordingTo(const Found& f) const;
  // Whether the attribution at cue `f` speaks for what precedes it.
  bool IsPostposed(const Found& f, const Found& speaker) const;
  // The last actor before byte `at`, joined to it by words only.
  const Found* NearestBefore(uint32_t at, uint32_t max_gap) const;
  // The first actor after byte `at` when words (or a description) join it.
  const Found* NearestAfter(uint32_t at, uint32_t max_gap) const;
  const Found* FirstConjunct(const Found* a);
  // The speaker named by a comma-set phrase before byte `at`.
  const Found* AppositiveSpeaker(uint32_t at) const;
  // Whether at most kSpeakerTrailingWords words follow `a` (and the names
  // right after it) in its clause.
  bool NearlyEndsClause(const Found& a) const;
  void ReadDenier();
  // The claimant of a pattern: the denier; else the attribution nearest to
  // it (one after it only when it closes the clause); else the heading.
  const Found* ClaimantFor(const Found& p) const;
  // The speaker the sentence goes on with; nullptr when unknown or none.
  const ActorEntry* ContinuedSpeaker() const;

  // Emit's steps (sentence_coder_emit.cc).
  // The coding of a pending claim; nullopt when it makes no claim.
  std::optional<Coding> CodingOf(const Pending& item);
  // Appends the claim of `c`, and its reporter's when it is said and denied.
  void AddClaims(const Coding& c);
  // The place a pending claim has or carries from a strike or an assault
  // reported before; nullptr when none.
  const gazetteer::Mention* AnchoredPlace(const Pending& item, Coding* c);
  // The last place named before `p`, else the previous sentence's.
  const gazetteer::Mention* PlaceTextWasAt(const Found& p);
  // Whether the denial in the sentence denies pattern `p`.
  bool IsDenied(const Found& p) const;
  void ReadClaimant(Coding* c) const;
  // Who does the act, or what a strike hits.
  void ReadDoer(Coding* c) const;
  // The actor right after `p` that ends its clause and takes part in the
  // act; nullptr when none.
  const Found* SubjectEndingClauseAfter(const Found& p,
                                        const Found* claimant) const;
  // The first actor after the verb: the doer, or the attackers repelled.
  void ReadActorAfter(Coding* c) const;
  // The actor right after an act named by a noun does it.
  void ReadNominalDoer(Coding* c) const;
  // Losses are of the actor named after the verb in its clause.
  void ReadLossesDoer(Coding* c) const;
  // The actor right after a strike's verb: its doer, or its target.
  void ReadStrikeActorAfter(Coding* c) const;
  // The actor before `p` who does it; nullptr when none.
  const Found* SubjectBefore(const Found& p, const Found* claimant,
                             bool strike) const;
  // Whether `a` takes no part in the act: the claimant, an observer, or an
  // adjective of a place ("the Ukrainian city of Sumy").
  bool TakesNoPart(const Found& a, const Found* claimant) const;
  bool DescribesPlace(const Found& a) const;
  // Whether a number stands a few words before `weapon` ("88 drones", "four
  // Kh-101 cruise missiles").
  bool IsCounted(const Found& weapon) const;
  // The side whose act it is; SIDE_UNSPECIFIED when unknown.
  v1::Side SideOf(const Coding& c) const;
  // The side the words name or the speaker implies, before the passive,
  // the denial or a repulse turn it over.
  v1::Side NamedSide(const Coding& c) const;
  // The side when neither doer nor target is named: by the act, the voice
  // speaking and the place.
  v1::Side SideNobodyNamed(const Coding& c, v1::Side voice) const;
  // What the next claims and sentences may carry from claim `c`.
  void RememberEmitted(const Coding& c);
  v1::Claim ClaimOf(const Coding& c) const;
  v1::GeoPrecision PrecisionOf(const gazetteer::Mention& place) const;
  // Who said what a claim at `p` denies, when not the denier.
  const Found* ReporterOf(const Found& p) const;

  const CoderData& data_;
  const PhraseMatcher& matcher_;
  const absl::string_view text_;
  const size_t begin_;
  const size_t end_;
  const std::vector<gazetteer::Mention>& sentence_mentions_;
  const absl::Time published_;
  DocumentContext* const context_;
  std::vector<v1::Claim>* const claims_;

  std::vector<Token> tokens_;
  std::vector<Found> actors_;
  std::vector<Found> cues_;
  std::vector<QuantityWord> quantity_words_;
  bool same_paragraph_ = false;
  // Places standing for others ("the town", "the region of Kharkiv").
  std::deque<gazetteer::Mention> resolved_;
  std::vector<const gazetteer::Mention*> mentions_;
  size_t named_ = 0;  // How many of mentions_ the text names itself.
  absl::flat_hash_set<const gazetteer::Mention*> anaphoric_;
  std::vector<const Found*> claimant_before_cues_;
  const Found* header_ = nullptr;
  std::vector<const gazetteer::Mention*> places_;
  std::vector<const Found*> patterns_;
  std::vector<const Found*> claimant_cues_;
  std::vector<const Found*> hypotheticals_;
  const Found* denial_ = nullptr;
  const PatternEntry* time_cue_ = nullptr;
  const Found* no_comment_ = nullptr;
  std::vector<const Found*> locatives_;
  std::vector<const Found*> origins_;
  std::vector<const Found*> complementizers_;
  std::vector<const Found*> conjunctions_;
  std::vector<const Found*> appositives_;
  std::deque<Found> made_;  // Actors made up ("Ukrainian officials").
  std::vector<Attribution> attributions_;
  bool someone_else_speaks_ = false;
  // The speaker carried from the sentence before (DocumentContext).
  std::optional<uint32_t> continued_speaker_;
  const Found* denier_ = nullptr;
  std::vector<v1::Quantity> figures_;
  // Whether a figure counts people ("до 40 военнослужащих").
  bool people_counted_ = false;
  std::vector<Pending> pending_;
  bool has_area_ = false;
  std::vector<bool> dropped_;
  size_t first_claim_ = 0;
  std::optional<uint32_t> last_doer_;
  std::optional<uint32_t> last_claimant_;
  const gazetteer::Place* last_place_ = nullptr;
  const gazetteer::Place* sentence_place_ = nullptr;
  const gazetteer::Place* strike_place_ = nullptr;
  v1::Side strike_side_ = v1::SIDE_UNSPECIFIED;
  const gazetteer::Place* assault_place_ = nullptr;
  v1::Side assault_side_ = v1::SIDE_UNSPECIFIED;
};

}  // namespace frontline::extract

#endif  // FRONTLINE_LIBS_EXTRACT_SENTENCE_CODER_H_
