#include "libs/extract/extractor.h"

#include <algorithm>
#include <deque>
#include <optional>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "google/protobuf/timestamp.pb.h"
#include "libs/extract/clause_text.h"
#include "libs/extract/dictionary.h"
#include "libs/extract/document_context.h"
#include "libs/extract/phrase_matcher.h"
#include "libs/extract/quantity_reader.h"
#include "libs/extract/relative_time.h"
#include "libs/extract/sentence_splitter.h"
#include "libs/extract/utf8.h"

namespace frontline::extract {
namespace {

constexpr size_t kMaxSentenceBytes = 2000;
// Above this, places are matched sentence by sentence (bounded memory) and
// lose the whole text's help in choosing between same-named places.
constexpr size_t kWholeTextMatchLimit = 256 * 1024;
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
// The longest first line (characters) read as a title.
constexpr uint32_t kTitleChars = 120;
// Years from this one on, two or more before the publication's, date history.
constexpr int kFirstRecalledYear = 1990;
// How far (bytes) a place joined by "and" may follow the one before it.
constexpr uint32_t kJoinedPlaceGap = 48;
// How many words may part a modal from an act it governs ("may intensify
// offensive operations").
constexpr uint32_t kModalScopeTokens = 3;
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

enum Category : uint32_t { kActor = 0, kPattern = 1, kQuantity = 2 };
constexpr uint32_t kIndexBits = 28;
uint32_t Payload(Category c, size_t index) {
  return (static_cast<uint32_t>(c) << kIndexBits) | index;
}

// A dictionary phrase found in a sentence, with its byte span in the text.
struct Found {
  uint32_t index = 0;
  uint32_t first_token = 0, end_token = 0;
  uint32_t begin = 0, end = 0;
};

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
  return type == v1::CLAIM_TYPE_DRONE_STRIKE ||
         type == v1::CLAIM_TYPE_MISSILE_STRIKE ||
         type == v1::CLAIM_TYPE_SHELLING || type == v1::CLAIM_TYPE_CASUALTIES;
}

}  // namespace

struct Extractor::Impl {
  const gazetteer::Gazetteer* gazetteer = nullptr;
  gazetteer::Normalizer normalizer;
  Dictionary dictionary;
  // By language ("en", "uk", "ru"; "" for every language).
  absl::flat_hash_map<std::string, PhraseMatcher> matchers;
  SentenceSplitter splitter;
  QuantityReader quantities;

  Impl(gazetteer::Normalizer n, Dictionary d, SentenceSplitter s,
       QuantityReader q)
      : normalizer(std::move(n)),
        dictionary(std::move(d)),
        splitter(std::move(s)),
        quantities(std::move(q)) {}

  const PhraseMatcher& MatcherFor(absl::string_view language) const {
    auto it = matchers.find(language);
    return it != matchers.end() ? it->second : matchers.at("");
  }

  void ExtractSentence(absl::string_view text, size_t begin, size_t end,
                       const std::vector<gazetteer::Mention>& mentions,
                       const PhraseMatcher& matcher, absl::Time published,
                       DocumentContext* context,
                       std::vector<v1::Claim>* claims) const;
};

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;
Extractor::~Extractor() = default;

absl::StatusOr<Extractor> Extractor::Load(
    const std::string& data_dir, const gazetteer::Gazetteer& gazetteer) {
  absl::StatusOr<Dictionary> dictionary = LoadDictionary(data_dir);
  if (!dictionary.ok()) return dictionary.status();
  absl::StatusOr<gazetteer::Normalizer> normalizer =
      gazetteer::Normalizer::Create();
  if (!normalizer.ok()) return normalizer.status();

  absl::flat_hash_set<std::string> abbreviations;
  for (const PatternEntry& p : dictionary->patterns) {
    if (p.kind == CueKind::kAbbreviation) {
      abbreviations.insert(std::string(absl::StripSuffix(p.phrase, ".")));
    }
  }
  std::vector<std::string> range_symbols;
  for (const QuantityEntry& q : dictionary->quantities) {
    if (q.kind == QuantityWordKind::kRange &&
        Tokenize(*normalizer, q.phrase).empty()) {
      range_symbols.push_back(q.phrase);
    }
  }
  auto impl = std::make_unique<Impl>(
      *std::move(normalizer), *std::move(dictionary),
      SentenceSplitter(std::move(abbreviations), kMaxSentenceBytes),
      QuantityReader(std::move(range_symbols)));
  impl->gazetteer = &gazetteer;

  const Dictionary& d = impl->dictionary;
  for (const std::string language : {"en", "uk", "ru", ""}) {
    PhraseMatcher& matcher = impl->matchers[language];
    auto wanted = [&](const std::string& l) {
      return language.empty() || l == "*" || l == language;
    };
    for (size_t i = 0; i < d.actors.size(); ++i) {
      for (const std::string& surface : d.actors[i].surfaces) {
        if (!matcher.Add(impl->normalizer, surface, Payload(kActor, i))) {
          return absl::InvalidArgumentError(
              absl::StrCat("actors.tsv: ", d.actors[i].id, ": surface \"",
                           surface, "\" has no word"));
        }
      }
    }
    for (size_t i = 0; i < d.patterns.size(); ++i) {
      const PatternEntry& p = d.patterns[i];
      if (!wanted(p.language) || p.kind == CueKind::kAbbreviation) continue;
      if (!matcher.Add(impl->normalizer, p.phrase, Payload(kPattern, i))) {
        return absl::InvalidArgumentError(absl::StrCat(
            "patterns.tsv: phrase \"", p.phrase, "\" has no word"));
      }
    }
    for (size_t i = 0; i < d.quantities.size(); ++i) {
      const QuantityEntry& q = d.quantities[i];
      if (!wanted(q.language)) continue;
      if (!matcher.Add(impl->normalizer, q.phrase, Payload(kQuantity, i)) &&
          q.kind != QuantityWordKind::kRange) {
        return absl::InvalidArgumentError(absl::StrCat(
            "quantities.tsv: phrase \"", q.phrase, "\" has no word"));
      }
    }
  }
  return Extractor(std::move(impl));
}

std::vector<v1::Claim> Extractor::Extract(absl::string_view text,
                                          absl::Time published,
                                          absl::string_view language) const {
  const PhraseMatcher& matcher = impl_->MatcherFor(language);
  const std::vector<SentenceSpan> sentences = impl_->splitter.Split(text);
  const bool whole = text.size() <= kWholeTextMatchLimit;
  std::vector<gazetteer::Mention> all_mentions;
  if (whole) all_mentions = impl_->gazetteer->Match(text);

  std::vector<v1::Claim> claims;
  DocumentContext context;
  if (language == "uk") context.language_voice = v1::SIDE_UKRAINE;
  if (language == "ru") context.language_voice = v1::SIDE_RUSSIA;
  size_t next_mention = 0;
  for (const SentenceSpan& span : sentences) {
    std::vector<gazetteer::Mention> mentions;
    if (whole) {
      while (next_mention < all_mentions.size() &&
             all_mentions[next_mention].begin < span.begin) {
        ++next_mention;
      }
      for (size_t m = next_mention;
           m < all_mentions.size() && all_mentions[m].end <= span.end; ++m) {
        mentions.push_back(all_mentions[m]);
      }
    } else {
      mentions = impl_->gazetteer->Match(
          text.substr(span.begin, span.end - span.begin));
      for (gazetteer::Mention& m : mentions) {
        m.begin += span.begin;
        m.end += span.begin;
      }
    }
    impl_->ExtractSentence(text, span.begin, span.end, mentions, matcher,
                           published, &context, &claims);
  }
  // One claim per distinct key within the document.
  std::vector<v1::Claim> unique;
  absl::flat_hash_set<std::string> seen;
  for (v1::Claim& claim : claims) {
    std::string key =
        absl::StrCat(claim.type(), "|", claim.place_id(), "|", claim.side(),
                     "|", claim.claimant().id(), "|", claim.polarity());
    if (!seen.insert(std::move(key)).second) continue;
    claim.set_id(absl::StrCat(unique.size()));
    unique.push_back(std::move(claim));
  }
  return unique;
}

void Extractor::Impl::ExtractSentence(
    absl::string_view text, size_t begin, size_t end,
    const std::vector<gazetteer::Mention>& sentence_mentions,
    const PhraseMatcher& matcher, absl::Time published,
    DocumentContext* context, std::vector<v1::Claim>* claims) const {
  std::vector<Token> tokens =
      Tokenize(normalizer, text.substr(begin, end - begin));
  for (Token& t : tokens) {
    t.begin += begin;
    t.end += begin;
  }
  std::vector<Found> actors_found, cues_found;
  std::vector<QuantityWord> quantity_words;
  for (const PhraseMatcher::Match& m : matcher.Find(tokens)) {
    const uint32_t index = m.payload & ((1u << kIndexBits) - 1);
    const Found f{index, m.first_token, m.end_token,
                  tokens[m.first_token].begin, tokens[m.end_token - 1].end};
    switch (m.payload >> kIndexBits) {
      case kActor:
        actors_found.push_back(f);
        break;
      case kPattern:
        cues_found.push_back(f);
        break;
      default:
        quantity_words.push_back(
            {&dictionary.quantities[index], m.first_token, m.end_token});
    }
  }
  std::vector<Found> actors = LongestNonOverlapping(std::move(actors_found));
  // "Russian-installed management", "Russian-occupied Vasylivka": the first
  // half of a compound describes something else.
  std::erase_if(actors, [&](const Found& a) {
    return a.end + 1 < end && text[a.end] == '-' &&
           !absl::ascii_isspace(text[a.end + 1]);
  });
  const std::vector<Found> cues = LongestNonOverlapping(std::move(cues_found));
  auto actor = [&](const Found& f) -> const ActorEntry& {
    return dictionary.actors[f.index];
  };
  auto cue = [&](const Found& f) -> const PatternEntry& {
    return dictionary.patterns[f.index];
  };
  for (const Found& f : cues) {
    if (cue(f).kind != CueKind::kVoice) continue;
    (cue(f).fixed_side == v1::SIDE_RUSSIA ? context->russian_words
                                          : context->ukrainian_words) += 1;
  }
  auto cues_of = [&](CueKind kind) {
    std::vector<const Found*> out;
    for (const Found& f : cues) {
      if (cue(f).kind == kind) out.push_back(&f);
    }
    return out;
  };
  const bool same_paragraph =
      context->previous_end != 0 &&
      text.substr(context->previous_end, begin - context->previous_end)
              .find('\n') == absl::string_view::npos;

  // Places named, with "the region of Kharkiv" read as the region.
  std::deque<gazetteer::Mention> resolved;
  std::vector<const gazetteer::Mention*> mentions;
  const std::vector<const Found*> region_of = cues_of(CueKind::kRegionOf);
  for (const gazetteer::Mention& m : sentence_mentions) {
    const gazetteer::Place* region =
        m.place().kind == gazetteer::PlaceKind::kRegion
            ? nullptr
            : gazetteer->FindById(m.place().region_id);
    const bool after_region_of =
        std::any_of(region_of.begin(), region_of.end(), [&](const Found* r) {
          return r->end <= m.begin && m.begin - r->end <= kRegionOfGap;
        });
    if (region != nullptr && after_region_of) {
      mentions.push_back(&resolved.emplace_back(Stand(m, region)));
    } else {
      mentions.push_back(&m);
    }
  }

  // Anaphors: "the town" is the latest town named (in this sentence or an
  // earlier one) unless a name stands beside it ("the town of Kurakhove",
  // "Sudzha, the town"); "they" is the previous sentence's actor, or its
  // claimant when "they" says something; "the ministry" the latest ministry.
  const size_t named = mentions.size();
  absl::flat_hash_set<const gazetteer::Mention*> anaphoric;
  auto latest_named = [&](AnaphorTarget target,
                          uint32_t before) -> const gazetteer::Place* {
    const gazetteer::Place* latest = nullptr;
    for (size_t i = 0; i < named; ++i) {
      if (mentions[i]->end <= before &&
          (target == AnaphorTarget::kPlace ||
           Group(mentions[i]->place().kind) == target)) {
        latest = &mentions[i]->place();
      }
    }
    if (latest != nullptr) return latest;
    switch (target) {
      case AnaphorTarget::kSettlement:
        return context->last_settlement;
      case AnaphorTarget::kFeature:
        return context->last_feature;
      case AnaphorTarget::kRegion:
        return context->last_region;
      case AnaphorTarget::kPlace:
        return context->last_place_named;
      default:
        return nullptr;
    }
  };
  const std::vector<const Found*> claimant_before_cues =
      cues_of(CueKind::kClaimantBefore);
  // Whether only punctuation follows `at` in the sentence ("— сказал он.").
  auto closes_sentence = [&](uint32_t at) {
    return tokens.empty() || tokens.back().end <= at;
  };
  for (const Found* f : cues_of(CueKind::kAnaphor)) {
    const PatternEntry& entry = cue(*f);
    const bool in_actor =
        std::any_of(actors.begin(), actors.end(), [&](const Found& a) {
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
        auto it = context->last_actor_of_kind.find(entry.anaphor_kind);
        if (it != context->last_actor_of_kind.end()) referent = it->second;
      } else {
        const bool speaks = std::any_of(
            claimant_before_cues.begin(), claimant_before_cues.end(),
            [&](const Found* c) {
              // "he said", and "— сказал он".
              return (c->begin >= f->end &&
                      c->begin - f->end <= kPronounSpeaksGap &&
                      !HasClausePunctuation(
                          text.substr(f->end, c->begin - f->end))) ||
                     (c->end <= f->begin && f->begin - c->end <= 2 &&
                      closes_sentence(f->end));
            });
        if (speaks) {
          referent = context->previous_claimant.has_value()
                         ? context->previous_claimant
                         : context->previous_first_actor;
        } else if (entry.anaphor == AnaphorTarget::kPronoun) {
          referent = context->previous_doer;
        }
        // "Russian forces said they captured": the speaker.
        for (const Found* c : claimant_before_cues) {
          if (c->end > f->begin || f->begin - c->end > kPronounSpeaksGap ||
              HasClausePunctuation(text.substr(c->end, f->begin - c->end))) {
            continue;
          }
          for (const Found& a : actors) {
            if (a.end <= c->begin && c->begin - a.end <= kClaimantBeforeGap &&
                !HasClausePunctuation(text.substr(a.end, c->begin - a.end))) {
              referent = a.index;
            }
          }
        }
      }
      if (referent.has_value()) {
        actors.push_back(
            {*referent, f->first_token, f->end_token, f->begin, f->end});
      }
      continue;
    }
    const bool named_beside = std::any_of(
        mentions.begin(), mentions.begin() + named,
        [&](const gazetteer::Mention* m) {
          return (m->begin < f->end && f->begin < m->end) ||
                 (m->end <= f->begin && f->begin - m->end <= kAppositionGap) ||
                 (m->begin >= f->end && m->begin - f->end <= kAppositionGap);
        });
    if (named_beside) continue;
    const gazetteer::Place* place = latest_named(entry.anaphor, f->begin);
    if (place == nullptr) continue;
    gazetteer::Mention& m = resolved.emplace_back();
    m.begin = f->begin;
    m.end = f->end;
    m.surface = std::string(text.substr(f->begin, f->end - f->begin));
    m.candidates = {place};
    mentions.push_back(&m);
    anaphoric.insert(&m);
  }
  std::sort(actors.begin(), actors.end(),
            [](const Found& a, const Found& b) { return a.begin < b.begin; });
  std::sort(mentions.begin(), mentions.end(),
            [](const gazetteer::Mention* a, const gazetteer::Mention* b) {
              return a->begin < b->begin;
            });

  // "Генштаб ЗСУ: ..." names who speaks for the rest of the document.
  const Found* header = nullptr;
  if (!actors.empty() &&
      (actors.front().first_token == 0 ||
       (context->previous_end == 0 &&
        IsFirstNames(text.substr(begin, actors.front().begin - begin))))) {
    absl::string_view after =
        text.substr(actors.front().end, end - actors.front().end);
    after = absl::StripLeadingAsciiWhitespace(after);
    // "Олег Синєгубов, начальник Харківської ОВА: ..." at the top of a text
    // too: a title of the speaker before the colon.
    const size_t colon = after.find(':');
    const bool titled =
        context->previous_end == 0 && colon != absl::string_view::npos &&
        CodePoints(after.substr(0, colon)) <= kHeaderTitleChars &&
        absl::StartsWith(after, ",") &&
        std::none_of(cues.begin(), cues.end(), [&](const Found& c) {
          return cue(c).kind == CueKind::kClaim &&
                 c.begin < actors.front().end + colon + 1;
        });
    if (absl::StartsWith(after, ":") || titled) {
      context->header = &actor(actors.front());
      header = &actors.front();
    }
  }

  // "Russian Offensive Campaign Assessment, August 20": a title naming a
  // monitor, an analyst, a ministry or an outlet and reporting nothing
  // itself names who speaks for the rest of the text.
  if (context->previous_end == 0 && header == nullptr && !actors.empty() &&
      actors.front().first_token == 0 &&
      CodePoints(text.substr(begin, end - begin)) <= kTitleChars &&
      std::none_of(cues.begin(), cues.end(), [&](const Found& c) {
        return cue(c).kind == CueKind::kClaim && c.begin >= actors.front().end;
      })) {
    const v1::ActorKind k = actor(actors.front()).kind;
    if (IsObserver(k) || k == v1::ACTOR_KIND_MINISTRY) {
      context->header = &actor(actors.front());
      header = &actors.front();
    }
  }
  // "Сводка Министерства обороны ...", a bulletin's title, names who speaks
  // for the rest of it.
  if (context->previous_end == 0) {
    for (const Found* b : cues_of(CueKind::kBulletin)) {
      for (const Found& a : actors) {
        if (a.begin >= b->end && a.begin - b->end <= 2) {
          context->header = &actor(a);
        }
      }
    }
  }

  // Places: not part of an actor's name; a region right after a place inside
  // it ("Makhnovka in the Kursk region") only locates that place.
  std::vector<const gazetteer::Mention*> places;
  for (const gazetteer::Mention* m : mentions) {
    bool in_actor = false;
    for (const Found& a : actors) {
      in_actor |= a.begin <= m->begin && m->end <= a.end;
    }
    if (in_actor) continue;
    if (m->place().kind == gazetteer::PlaceKind::kRegion && !places.empty() &&
        places.back()->place().region_id == m->place().id &&
        m->begin - places.back()->end <= kRegionQualifierGap) {
      continue;
    }
    places.push_back(m);
  }

  std::vector<const Found*> patterns;
  std::vector<const Found*> claimant_cues;
  std::vector<const Found*> hypotheticals;
  const Found* denial = nullptr;
  const PatternEntry* time_cue = nullptr;
  bool no_comment = false;
  for (const Found& f : cues) {
    switch (cue(f).kind) {
      case CueKind::kNoComment:
        no_comment = true;
        break;
      case CueKind::kHypothetical:
        hypotheticals.push_back(&f);
        break;
      case CueKind::kClaim:
        patterns.push_back(&f);
        break;
      case CueKind::kDenial:
        if (denial == nullptr) denial = &f;
        break;
      case CueKind::kTime:
        if (time_cue == nullptr) time_cue = &cue(f);
        break;
      case CueKind::kClaimantBefore:
      case CueKind::kClaimantAfter:
        claimant_cues.push_back(&f);
        break;
      default:
        break;
    }
  }
  const std::vector<const Found*> locatives = cues_of(CueKind::kLocative);
  const std::vector<const Found*> complementizers =
      cues_of(CueKind::kComplementizer);
  const std::vector<const Found*> conjunctions = cues_of(CueKind::kConjunction);
  const std::vector<const Found*> appositives = cues_of(CueKind::kAppositive);

  // "no casualties", "did not capture": nothing happened.
  const std::vector<const Found*> negations = cues_of(CueKind::kNegation);
  std::erase_if(patterns, [&](const Found* p) {
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
    return std::any_of(cues.begin(), cues.end(), [&](const Found& c) {
      const CueKind k = cue(c).kind;
      return (k == CueKind::kClaimantBefore || k == CueKind::kComplementizer) &&
             c.end_token <= p.first_token && p.first_token - c.end_token <= 1;
    });
  };
  // "would still take two years to seize", "whether it has fallen": no
  // report of a change of hands. Other acts only when the modal governs
  // them ("may intensify offensive operations"; but "could allow Russia to
  // broaden its assault" still reports an assault).
  std::erase_if(patterns, [&](const Found* p) {
    const v1::ClaimType type = cue(*p).type;
    if (type != v1::CLAIM_TYPE_CAPTURE && type != v1::CLAIM_TYPE_CONTROL &&
        type != v1::CLAIM_TYPE_TERRITORY_HELD &&
        type != v1::CLAIM_TYPE_WITHDRAWAL) {
      return std::any_of(
          hypotheticals.begin(), hypotheticals.end(), [&](const Found* h) {
            return h->end_token <= p->first_token &&
                   p->first_token - h->end_token <= kModalScopeTokens &&
                   !HasClausePunctuation(
                       text.substr(h->end, p->begin - h->end));
          });
    }
    // "The fall of Kurakhove could allow ...": speculation about what an
    // event leads to.
    const bool subject_of_modal =
        opens_clause(*p) &&
        std::any_of(
            hypotheticals.begin(), hypotheticals.end(), [&](const Found* h) {
              return h->begin >= p->end && !HasClausePunctuation(text.substr(
                                               p->end, h->begin - p->end));
            });
    return subject_of_modal ||
           std::any_of(
               hypotheticals.begin(), hypotheticals.end(), [&](const Found* h) {
                 return h->end <= p->begin && !HasClausePunctuation(text.substr(
                                                  h->end, p->begin - h->end));
               });
  });
  // "Нагадаємо, навесні 2022 року ...": history, recalled.
  // So does a year two or more before the publication's ("in 2022", "the
  // 2023 counteroffensive" in 2025; "over the course of 2024" in January 2025
  // is last year's tally, still news).
  const int64_t published_year =
      absl::ToCivilYear(published, absl::UTCTimeZone()).year();
  const bool past_year =
      std::any_of(tokens.begin(), tokens.end(), [&](const Token& t) {
        int year = 0;
        return t.folded.size() == 4 && absl::SimpleAtoi(t.folded, &year) &&
               year >= kFirstRecalledYear && year < published_year - 1;
      });
  const bool recalled = past_year || !cues_of(CueKind::kBackground).empty();
  // "X did not comment on the claim that ...": nobody asserts anything,
  // unless someone else in the sentence says it.
  if (recalled || (no_comment && claimant_cues.empty())) {
    context->previous_doer.reset();
    context->previous_claimant.reset();
    context->previous_strike_place = nullptr;
    context->Advance(end, claims->size(), claims->size());
    return;
  }

  // Claimants: the actor next to each claimant cue ("X said", "according to
  // X"); a claimant-before cue takes an actor joined to it by words only.
  std::deque<Found> made;
  auto nearest_before = [&](uint32_t at, uint32_t max_gap) -> const Found* {
    const Found* best = nullptr;
    for (const Found& a : actors) {
      if (a.end <= at &&
          CodePoints(text.substr(a.end, at - a.end)) <= max_gap &&
          !HasClausePunctuation(NameGap(text.substr(a.end, at - a.end)))) {
        best = &a;
      }
    }
    return best;
  };
  auto nearest_after = [&](uint32_t at, uint32_t max_gap,
                           bool words_only) -> const Found* {
    for (const Found& a : actors) {
      if (a.begin >= at &&
          CodePoints(text.substr(at, a.begin - at)) <= max_gap) {
        if (words_only &&
            HasClausePunctuation(NameGap(text.substr(at, a.begin - at)))) {
          return nullptr;
        }
        const bool past_that =
            std::any_of(complementizers.begin(), complementizers.end(),
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
        conjunctions.begin(), conjunctions.end(), [&](const Found* c) {
          return c->end_token == a->first_token &&
                 c->first_token + 1 == a->first_token;
        });
    if (!joined) return a;
    const uint32_t modifier = a->first_token - 2;
    const std::vector<Token> phrase = {tokens[modifier],
                                       tokens[a->end_token - 1]};
    for (const PhraseMatcher::Match& m : matcher.Find(phrase)) {
      if (m.payload >> kIndexBits == kActor && m.first_token == 0 &&
          m.end_token == 2) {
        return &made.emplace_back(Found{m.payload & ((1u << kIndexBits) - 1),
                                        modifier, a->end_token,
                                        tokens[modifier].begin, a->end});
      }
    }
    return a;
  };
  // "Oleh Syniehubov, the governor, said" and "the governor, Oleh
  // Syniehubov, said": the name set off by commas.
  auto appositive_speaker = [&](uint32_t at) -> const Found* {
    absl::string_view before =
        absl::StripTrailingAsciiWhitespace(text.substr(begin, at - begin));
    if (!absl::EndsWith(before, ",")) return nullptr;
    const uint32_t close = begin + before.size() - 1;
    for (const Found& a : actors) {
      if (a.end > close || close - a.end > 1) continue;
      absl::string_view lead = absl::StripTrailingAsciiWhitespace(
          text.substr(begin, a.begin - begin));
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
    const uint32_t open_at = begin + open;
    // A description ("a Russian state outlet", "which tracks the front") or
    // an aside naming nobody ("for its part").
    const bool described =
        std::any_of(appositives.begin(), appositives.end(),
                    [&](const Found* c) {
                      return c->begin > open_at && c->begin - open_at <= 2;
                    }) ||
        std::any_of(cues.begin(), cues.end(),
                    [&](const Found& c) {
                      return cue(c).kind == CueKind::kAnaphor &&
                             c.begin > open_at && c.begin - open_at <= 2;
                    }) ||
        std::none_of(actors.begin(), actors.end(), [&](const Found& a) {
          return a.begin > open_at && a.end <= close;
        });
    if (!described ||
        HasClausePunctuation(text.substr(open_at + 1, close - open_at - 1))) {
      return nullptr;
    }
    for (const Found& a : actors) {
      if (a.end <= open_at && open_at - a.end <= 1) return &a;
    }
    return nullptr;
  };
  auto closes_clause = [&](const Found& a) {
    // Past the names right after it ("военкор Александр Коц").
    uint32_t from = a.end_token;
    for (const Found& b : actors) {
      if (b.first_token == from) from = b.end_token;
    }
    uint32_t words = 0;
    for (uint32_t t = from; t < tokens.size(); ++t) {
      if (HasClausePunctuation(text.substr(
              tokens[t - 1].end, tokens[t].begin - tokens[t - 1].end))) {
        break;
      }
      ++words;
    }
    return words <= kSpeakerTrailingWords;
  };
  struct Attribution {
    const Found* cue;
    const Found* actor;
    bool postposed;  // "..., analysts said.": it speaks for what precedes.
  };
  std::vector<Attribution> attributions;
  for (const Found* f : claimant_cues) {
    const Found* found = nullptr;
    if (cue(*f).kind == CueKind::kClaimantBefore) {
      found = first_conjunct(nearest_before(f->begin, kClaimantBeforeGap));
      if (found == nullptr) found = appositive_speaker(f->begin);
      if (found == nullptr) {
        found = nearest_after(f->end, kClaimantBeforeGap, true);
        // "said Kofman, ..." names a speaker; "saying Russian troops had not
        // reached" names who the words are about.
        if (found != nullptr && !closes_clause(*found)) found = nullptr;
      }
    } else {
      found = nearest_after(f->end, kClaimantAfterGap, false);
      // "according to the spokesman for the Khortytsia group, Viktor
      // Trehubov": the person named last.
      for (const Found& a : actors) {
        if (found == nullptr || a.begin <= found->end ||
            actor(a).kind != v1::ACTOR_KIND_OFFICIAL ||
            a.begin - found->end > kClaimantAfterGap) {
          continue;
        }
        absl::string_view gap = absl::StripTrailingAsciiWhitespace(
            text.substr(found->end, a.begin - found->end));
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
    for (uint32_t t = from; t < tokens.size(); ++t) {
      const uint32_t gap_from = t == 0 ? begin : tokens[t - 1].end;
      if (HasClausePunctuation(
              text.substr(gap_from, tokens[t].begin - gap_from))) {
        break;
      }
      ++trailing;
    }
    const bool reports_that =
        std::any_of(complementizers.begin(), complementizers.end(),
                    [&](const Found* c) { return c->first_token == from; });
    // "..., ISW said in a note citing footage": where or when it said it.
    const bool circumstance =
        std::any_of(cues.begin(), cues.end(), [&](const Found& c) {
          const CueKind k = cue(c).kind;
          return c.first_token == from &&
                 (k == CueKind::kLocative || k == CueKind::kTime);
        });
    const bool postposed =
        cue(*f).kind == CueKind::kClaimantAfter ||
        ((trailing <= kPostposedTrailingWords || circumstance) &&
         !reports_that);
    attributions.push_back({f, found, postposed});
  }
  // "..., said the head of the district, Volodymyr Leontiev": someone the
  // dictionaries do not know speaks, not the document's header.
  // ("did not make further confirmed advances" is no one speaking).
  const bool someone_else_speaks =
      attributions.empty() &&
      std::any_of(claimant_cues.begin(), claimant_cues.end(),
                  [&](const Found* c) {
                    return std::none_of(
                        patterns.begin(), patterns.end(), [&](const Found* p) {
                          return p->first_token >= c->end_token &&
                                 p->first_token <= c->end_token + 1;
                        });
                  });
  // "По его словам", "за його словами": the previous speaker says it.
  for (const Found* f : cues_of(CueKind::kAnaphor)) {
    if (cue(*f).anaphor != AnaphorTarget::kAttribution) continue;
    const std::optional<uint32_t> referent =
        context->previous_claimant.has_value() ? context->previous_claimant
                                               : context->previous_first_actor;
    if (!referent.has_value()) continue;
    const Found* speaker = &made.emplace_back(
        Found{*referent, f->first_token, f->end_token, f->begin, f->end});
    attributions.push_back({f, speaker, true});
  }
  const Found* denier =
      denial != nullptr
          ? first_conjunct(nearest_before(denial->begin, kDenierGap))
          : nullptr;
  // The claimant of a pattern: the denier; else the attribution nearest to
  // it (one after it only when it closes the clause: "..., X said"); else the
  // header of this or an earlier line.
  auto claimant_for = [&](const Found& p) -> const Found* {
    if (denier != nullptr) return denier;
    const Found* best = nullptr;
    uint32_t best_distance = UINT32_MAX;
    for (const Attribution& a : attributions) {
      if (a.cue->begin >= p.end && !a.postposed) continue;
      const uint32_t distance = a.cue->begin >= p.end   ? a.cue->begin - p.end
                                : p.begin >= a.cue->end ? p.begin - a.cue->end
                                                        : 0;
      if (distance < best_distance) {
        best = a.actor;
        best_distance = distance;
      }
    }
    return best != nullptr ? best : header;
  };

  std::vector<v1::Quantity> figures =
      quantities.Read(text, tokens, quantity_words);

  // A sentence that only denies what the one before it reported ("Ukrainian
  // officials denied those accounts") denies each of its claims.
  const bool denies_reports =
      std::any_of(cues.begin(), cues.end(), [&](const Found& c) {
        return cue(c).kind == CueKind::kAnaphor &&
               cue(c).anaphor == AnaphorTarget::kReports;
      });
  // Words after the denial in quotes or after a colon are the denier's own
  // ("Волошин назвав це фейком: «Село під контролем Сил оборони»").
  const bool nothing_before_denial =
      denial != nullptr &&
      std::none_of(patterns.begin(), patterns.end(),
                   [&](const Found* p) { return p->begin < denial->end; }) &&
      std::none_of(places.begin(), places.end(),
                   [&](const auto* m) { return m->begin < denial->end; });
  const bool only_denial =
      patterns.empty() && places.empty() && figures.empty();
  if (denial != nullptr && denier != nullptr && denies_reports &&
      same_paragraph && (only_denial || nothing_before_denial)) {
    const size_t from = context->previous_claims_begin;
    const size_t to = context->previous_claims_end;
    const size_t first_denied = claims->size();
    for (size_t i = from; i < to; ++i) {
      if ((*claims)[i].polarity() != v1::POLARITY_ASSERTED) continue;
      v1::Claim claim = (*claims)[i];
      claim.set_polarity(v1::POLARITY_DENIED);
      const ActorEntry& a = actor(*denier);
      v1::Actor* out = claim.mutable_claimant();
      out->set_id(a.id);
      out->set_name(a.name);
      out->set_side(a.rule == SideRule::kFixed ? a.side : v1::SIDE_UNSPECIFIED);
      out->set_kind(a.kind);
      claim.mutable_span()->set_begin(begin);
      claim.mutable_span()->set_end(end);
      claim.set_sentence(ValidUtf8(text.substr(begin, end - begin)));
      claims->push_back(std::move(claim));
    }
    if (only_denial) {
      context->previous_strike_place = nullptr;
      context->Advance(end, first_denied, claims->size());
      return;
    }
  }

  // A claim in the making.
  struct Pending {
    v1::ClaimType type;
    const Found* pattern;
    const gazetteer::Mention* place = nullptr;
    bool weak = false;
  };
  std::vector<Pending> pending;
  for (const Found* p : patterns) {
    pending.push_back({cue(*p).type, p, nullptr, cue(*p).weak});
  }
  if (pending.empty() && denial != nullptr) {
    pending.push_back({v1::CLAIM_TYPE_DENIAL, denial});
  }
  const bool has_area = std::any_of(
      figures.begin(), figures.end(),
      [](const v1::Quantity& q) { return q.kind() == v1::QUANTITY_KIND_AREA; });
  auto in_clause = [&](uint32_t from, uint32_t to) {
    return !HasClausePunctuation(text.substr(from, to - from));
  };
  // "Kurajove, a key target of its attacks, has fallen": a place that no
  // pattern precedes, set off by a description, is the subject.
  auto is_described_subject = [&](const gazetteer::Mention& m, const Found& p) {
    const bool after_pattern =
        std::any_of(cues.begin(), cues.end(), [&](const Found& c) {
          return cue(c).kind == CueKind::kClaim && c.end <= m.begin;
        });
    if (after_pattern) return false;
    absl::string_view gap = text.substr(m.end, p.begin - m.end);
    if (!absl::StartsWith(gap, ",")) return false;
    const size_t close = gap.find(',', 1);
    if (close == absl::string_view::npos || close > kAppositiveMaxBytes ||
        HasClausePunctuation(gap.substr(close + 1)) ||
        HasClausePunctuation(gap.substr(1, close - 1))) {
      return false;
    }
    return std::any_of(appositives.begin(), appositives.end(),
                       [&](const Found* a) {
                         return a->begin > m.end && a->begin - m.end <= 3;
                       });
  };
  // "attacks launched from the Kursk region", "запущено з Криму": where an
  // act came from, not where it happened.
  const std::vector<const Found*> origins = cues_of(CueKind::kOrigin);
  auto is_origin = [&](const gazetteer::Mention& m) {
    return std::any_of(origins.begin(), origins.end(), [&](const Found* o) {
      return o->end <= m.begin && m.begin - o->end <= kFrontedLocativeGap &&
             in_clause(o->end, m.begin);
    });
  };
  // "in the eastern Ukrainian region", "inside Russia": a location, not
  // an actor.
  auto is_location = [&](const Found& a) {
    return std::any_of(locatives.begin(), locatives.end(), [&](const Found* l) {
      return l->end <= a.begin && a.begin - l->end <= kFrontedLocativeGap &&
             in_clause(l->end, a.begin) &&
             std::none_of(places.begin(), places.end(), [&](const auto* m) {
               return m->begin >= l->end && m->end <= a.begin;
             });
    });
  };
  // Whether a claim pattern or an attribution stands in [from, to).
  auto has_cue_between = [&](uint32_t from, uint32_t to) {
    return std::any_of(cues.begin(), cues.end(), [&](const Found& c) {
      const CueKind k = cue(c).kind;
      return c.begin >= from && c.end <= to &&
             (k == CueKind::kClaim || k == CueKind::kClaimantBefore ||
              k == CueKind::kClaimantAfter);
    });
  };
  for (Pending& item : pending) {
    const Found& p = *item.pattern;
    // The place: the first one after the pattern unless another pattern or
    // an attribution comes first, else the last one before it in its clause
    // or set before it ("In Kursk, ...").
    // A location that is no known place ("in eastern Ukraine") leaves the
    // claim without one.
    // Where a withdrawal leaves from is its place; for anything else, where
    // an act came from is not ("launched from Crimea").
    auto usable = [&](const gazetteer::Mention& m) {
      return item.type == v1::CLAIM_TYPE_WITHDRAWAL || !is_origin(m);
    };
    for (const auto* m : places) {
      if (m->begin < p.end || !usable(*m)) continue;
      // "the town", "there" refer back only within the pattern's clause.
      if (anaphoric.contains(m) && HasClausePunctuation(WithoutQuotes(
                                       text.substr(p.end, m->begin - p.end)))) {
        break;
      }
      const bool barred =
          std::any_of(cues.begin(), cues.end(), [&](const Found& c) {
            const CueKind k = cue(c).kind;
            // The verb's own object ("repelled 24 assaults") bars nothing.
            const bool object =
                c.first_token <= p.end_token + kRepelledObjectTokens;
            return c.begin >= p.end && c.end <= m->begin &&
                   ((k == CueKind::kClaim && !cue(c).weak && !object) ||
                    k == CueKind::kClaimantBefore ||
                    k == CueKind::kClaimantAfter ||
                    k == CueKind::kHypothetical);
          });
      if (!barred) item.place = m;
      break;
    }
    const Found* located = nullptr;
    for (const Found* l : locatives) {
      if (l->begin >= p.end && l->begin - p.end <= kLocativeGap &&
          in_clause(p.end, l->begin)) {
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
      for (const auto* m : places) {
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
      for (const auto* m : places) {
        if (m->end > p.begin || !usable(*m)) continue;
        const bool set_before =
            std::any_of(
                locatives.begin(), locatives.end(),
                [&](const Found* l) {
                  return l->first_token == 0 && l->end <= m->begin &&
                         CodePoints(text.substr(l->end, m->begin - l->end)) <=
                             kFrontedPlaceChars;
                }) ||
            std::any_of(cues.begin(), cues.end(),
                        [&](const Found& c) {
                          return cue(c).kind == CueKind::kNearBefore &&
                                 c.first_token == 0 && c.end <= m->begin &&
                                 m->begin - c.end <= kNearGap;
                        }) ||
            // "Харків: ..." heads a line about that place.
            (m->begin == begin &&
             absl::StartsWith(absl::StripLeadingAsciiWhitespace(
                                  text.substr(m->end, end - m->end)),
                              ":"));
        // Losses belong to the strike reported before them ("shelled
        // Kupiansk, injuring four").
        if (in_clause(m->end, p.begin) || set_before ||
            item.type == v1::CLAIM_TYPE_CASUALTIES ||
            is_described_subject(*m, p)) {
          item.place = m;
        }
      }
    }
    if (item.type == v1::CLAIM_TYPE_CONTROL && has_area &&
        (item.place == nullptr ||
         item.place->place().kind == gazetteer::PlaceKind::kRegion)) {
      item.type = v1::CLAIM_TYPE_TERRITORY_HELD;
    }
  }
  // "near Mala Tokmachka and Orikhiv", "the facility and the nearby city of
  // Enerhodar": each place joined to a claim's place is a claim too.
  const size_t single = pending.size();
  for (size_t i = 0; i < single; ++i) {
    const gazetteer::Mention* last = pending[i].place;
    if (last == nullptr || last->begin < pending[i].pattern->end) continue;
    for (const auto* m : places) {
      if (m->begin < last->end) continue;
      if (m->begin - last->end > kJoinedPlaceGap ||
          has_cue_between(last->end, m->begin)) {
        break;
      }
      absl::string_view gap = text.substr(last->end, m->begin - last->end);
      const bool joined =
          std::any_of(conjunctions.begin(), conjunctions.end(),
                      [&](const Found* c) {
                        return c->begin >= last->end && c->end <= m->begin;
                      }) ||
          absl::StripAsciiWhitespace(gap) == ",";
      if (!joined || m->place().kind == gazetteer::PlaceKind::kRegion) break;
      Pending more = pending[i];
      more.place = m;
      pending.push_back(more);
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
  std::vector<bool> dropped(pending.size(), false);
  for (size_t i = 0; i < pending.size(); ++i) {
    for (size_t j = 0; j < pending.size(); ++j) {
      if (i == j) continue;
      const Pending& a = pending[i];
      const Pending& b = pending[j];
      // Control is implied by a change of hands, not by an advance ("advanced
      // into Toretsk and now controlled most of the city" is both).
      const bool subsumes = a.type != v1::CLAIM_TYPE_CONTROL ||
                            b.type == v1::CLAIM_TYPE_CAPTURE ||
                            b.type == v1::CLAIM_TYPE_CONTROL ||
                            b.type == v1::CLAIM_TYPE_TERRITORY_HELD ||
                            b.type == v1::CLAIM_TYPE_WITHDRAWAL;
      if (a.weak && !b.weak && subsumes && same_place(a, b)) dropped[i] = true;
      if (a.type == v1::CLAIM_TYPE_ASSAULT) {
        // "captured Rodynske as a result of offensive actions".
        if (b.type == v1::CLAIM_TYPE_CAPTURE && a.place != nullptr &&
            same_place(a, b)) {
          dropped[i] = true;
        }
        if (b.type == v1::CLAIM_TYPE_REPELLED_ATTACK &&
            a.pattern->first_token >= b.pattern->end_token &&
            a.pattern->first_token - b.pattern->end_token <=
                kRepelledObjectTokens) {
          dropped[i] = true;
        }
        if ((b.type == v1::CLAIM_TYPE_DRONE_STRIKE ||
             b.type == v1::CLAIM_TYPE_MISSILE_STRIKE ||
             b.type == v1::CLAIM_TYPE_SHELLING) &&
            same_place(a, b)) {
          dropped[i] = true;
        }
      }
    }
  }

  absl::flat_hash_set<std::string> emitted;
  const size_t first_claim = claims->size();
  std::optional<uint32_t> last_doer, last_claimant;
  const gazetteer::Place* last_place = nullptr;
  const gazetteer::Place* sentence_place = nullptr;
  const gazetteer::Place* strike_place = nullptr;
  for (size_t i = 0; i < pending.size(); ++i) {
    if (dropped[i]) continue;
    const Pending& item = pending[i];
    const Found& p = *item.pattern;
    const PatternEntry& entry = cue(p);
    const gazetteer::Mention* place = item.place;
    if (place == nullptr && figures.empty()) continue;
    // A figure that is no area ("a dozen armored vehicles") anchors no
    // place: the claim is where the text last was, in this sentence or the
    // one before it. An area ("150 square miles inside Russia") and a toll
    // of losses stand on their own.
    const gazetteer::Mention* carried = nullptr;
    // Losses right after a strike are the strike's ("Ракета влучила в
    // Запоріжжя. ... загинули двоє людей").
    if (place == nullptr && item.type == v1::CLAIM_TYPE_CASUALTIES &&
        context->previous_strike_place != nullptr) {
      gazetteer::Mention& m = resolved.emplace_back();
      m.begin = m.end = begin;
      m.candidates = {context->previous_strike_place};
      place = &m;
    }
    if (place == nullptr && !has_area &&
        item.type != v1::CLAIM_TYPE_CASUALTIES) {
      for (const auto* m : places) {
        if (m->end <= p.begin && !is_origin(*m)) carried = m;
      }
      if (carried == nullptr && context->previous_place != nullptr) {
        gazetteer::Mention& m = resolved.emplace_back();
        m.begin = m.end = begin;
        m.candidates = {context->previous_place};
        carried = &m;
      }
      place = carried;
    }
    const v1::ClaimType type = item.type;
    // "denied that Russian troops had gained ground, saying the attackers had
    // lost dozens": what the denier goes on to say is asserted.
    // So is what the denier says in quotes after it ("опровергли ...: «село
    // удерживают наши воины»").
    const bool denied =
        denial != nullptr &&
        !std::any_of(claimant_cues.begin(), claimant_cues.end(),
                     [&](const Found* c) {
                       return c->begin >= denial->end && c->end <= p.begin;
                     }) &&
        !(p.begin >= denial->end &&
          WithoutQuotes(text.substr(denial->end, p.begin - denial->end))
                  .size() != p.begin - denial->end);

    const Found* claimant = claimant_for(p);
    const ActorEntry* claimant_entry = claimant != nullptr   ? &actor(*claimant)
                                       : someone_else_speaks ? nullptr
                                                             : context->header;
    const v1::Side claimant_side =
        claimant_entry != nullptr && claimant_entry->rule == SideRule::kFixed
            ? claimant_entry->side
            : v1::SIDE_UNSPECIFIED;

    // The actor: the nearest fighting actor before the verb and after the
    // claimant's cue ("X claimed to have repelled" is X's doing), else the
    // claimant's side, else the first one after the verb.
    uint32_t boundary = 0;
    for (const Found* c : claimant_cues) {
      if (c->end <= p.begin) boundary = c->end;
    }
    // A weapon named after its verb ("hit a Russian ferry crossing with
    // HIMARS rockets") is the subject's: the first actor of the clause.
    const bool weapon = IsHarm(type) && type != v1::CLAIM_TYPE_CASUALTIES;
    const Found* doer = nullptr;
    for (const Found& a : actors) {
      if (&a == claimant || IsObserver(actor(a).kind)) continue;
      if (actor(a).kind == v1::ACTOR_KIND_STATE && is_location(a)) continue;
      if (a.begin < boundary || a.end > p.begin) continue;
      // "відкинули окупантів ... та звільнили": the object of the verb
      // before is not the subject of the one after "and".
      const bool object_of_earlier =
          std::any_of(cues.begin(), cues.end(),
                      [&](const Found& q) {
                        return cue(q).kind == CueKind::kClaim &&
                               q.end <= a.begin;
                      }) &&
          std::any_of(conjunctions.begin(), conjunctions.end(),
                      [&](const Found* c) {
                        return c->begin >= a.end && c->end <= p.begin;
                      }) &&
          in_clause(a.end, p.begin);
      if (object_of_earlier) continue;
      if (weapon && doer != nullptr && in_clause(doer->end, p.begin)) continue;
      doer = &a;
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
      for (const Found& a : actors) {
        if (&a == claimant || IsObserver(actor(a).kind)) continue;
        if (a.begin >= p.end && !HasClausePunctuation(WithoutQuotes(
                                    text.substr(p.end, a.begin - p.end)))) {
          (a.first_token <= p.end_token + 1 ? doer : target) = &a;
          break;
        }
      }
    }
    if (doer == nullptr && target == nullptr &&
        (!IsBelligerent(claimant_side) || type == v1::CLAIM_TYPE_CASUALTIES)) {
      for (const Found& a : actors) {
        if (&a == claimant || IsObserver(actor(a).kind)) continue;
        if (a.begin >= p.end) {
          doer = &a;
          break;
        }
      }
    }
    // Losses are of the side named after the verb when there is one
    // ("Ukrainian troops killed 60 Russian soldiers").
    if (type == v1::CLAIM_TYPE_CASUALTIES) {
      for (const Found& a : actors) {
        if (&a == claimant || IsObserver(actor(a).kind) || is_location(a)) {
          continue;
        }
        if (a.begin >= p.end && in_clause(p.end, a.begin)) {
          doer = &a;
          break;
        }
      }
    }
    // "ворог" and "наші" are relative to whoever speaks: the claimant, else
    // the side a text in this language speaks for.
    const v1::Side voice =
        IsBelligerent(claimant_side) ? claimant_side : context->Voice();
    v1::Side side = v1::SIDE_UNSPECIFIED;
    if (entry.kind == CueKind::kClaim &&
        entry.fixed_side != v1::SIDE_UNSPECIFIED) {
      side = entry.fixed_side;
    } else if (doer != nullptr) {
      const ActorEntry& a = actor(*doer);
      side = a.rule == SideRule::kFixed ? a.side
             : a.rule == SideRule::kOwn ? voice
                                        : Opposite(voice);
    } else if (target != nullptr) {
      const ActorEntry& a = actor(*target);
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
    }
    // A passive ("the Ukrainian attempt was thwarted"): the one named before
    // it suffers the act.
    if (entry.kind == CueKind::kClaim && entry.opposite && doer != nullptr &&
        doer->end <= p.begin) {
      side = Opposite(side);
    }
    // Whose act it is stays unknown: nothing the conflict state can hold.
    if (!IsBelligerent(side)) continue;

    const std::string key = absl::StrCat(
        type, "|", place != nullptr ? place->place().id : "", "|", side);
    if (!emitted.insert(key).second) continue;
    if (doer != nullptr) last_doer = doer->index;
    if (place != nullptr) last_place = &place->place();
    if (place != nullptr && IsHarm(type) && type != v1::CLAIM_TYPE_CASUALTIES) {
      strike_place = &place->place();
    }
    if (claimant != nullptr) last_claimant = claimant->index;

    v1::Claim claim;
    claim.set_type(type);
    claim.set_polarity(denied ? v1::POLARITY_DENIED : v1::POLARITY_ASSERTED);
    if (doer != nullptr) {
      const ActorEntry& a = actor(*doer);
      v1::Actor* out = claim.mutable_actor();
      out->set_id(a.id);
      out->set_name(a.name);
      out->set_side(side);
      out->set_kind(a.kind);
    }
    claim.set_side(side);
    if (claimant_entry != nullptr) {
      v1::Actor* out = claim.mutable_claimant();
      out->set_id(claimant_entry->id);
      out->set_name(claimant_entry->name);
      out->set_side(claimant_side);
      out->set_kind(claimant_entry->kind);
    }
    if (place != nullptr) {
      claim.set_place_id(place->place().id);
      v1::GeoPrecision precision = v1::GEO_PRECISION_EXACT;
      if (place->place().kind == gazetteer::PlaceKind::kRegion) {
        precision = v1::GEO_PRECISION_REGION;
      } else {
        for (const Found& f : cues) {
          const CueKind k = cue(f).kind;
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
    const DatedTime dated = ResolveTime(published, time_cue);
    claim.mutable_time()->set_seconds(absl::ToUnixSeconds(dated.time));
    claim.set_time_precision(dated.precision);
    for (const v1::Quantity& q : figures) *claim.add_quantities() = q;
    claim.mutable_span()->set_begin(begin);
    claim.mutable_span()->set_end(end);
    claim.set_sentence(ValidUtf8(text.substr(begin, end - begin)));
    // A statement said and then denied in one sentence is a claim of
    // whoever said it too. (One only named inside the denial, "спростував
    // заяви Міноборони РФ про захоплення", codes the denial alone.)
    const Found* reporter = nullptr;
    if (denied) {
      // "Russian troops stormed Kupiansk, Russia's Defense Ministry said, a
      // claim Ukraine's General Staff denied": the one who said it.
      for (const Attribution& a : attributions) {
        if (a.cue->begin >= p.end && a.cue->end <= denial->begin &&
            a.actor != denier && a.actor->index != denier->index) {
          reporter = a.actor;
        }
      }
    }
    if (reporter != nullptr) {
      v1::Claim reported = claim;
      const ActorEntry& r = actor(*reporter);
      reported.set_polarity(v1::POLARITY_ASSERTED);
      v1::Actor* out = reported.mutable_claimant();
      out->set_id(r.id);
      out->set_name(r.name);
      out->set_side(r.rule == SideRule::kFixed ? r.side : v1::SIDE_UNSPECIFIED);
      out->set_kind(r.kind);
      claims->push_back(std::move(reported));
    }
    claims->push_back(std::move(claim));
  }

  // What the next sentence's anaphors may refer to ("a town west of
  // Bakhmut" keeps Bakhmut out).
  const std::vector<const Found*> bearings = cues_of(CueKind::kBearing);
  for (const gazetteer::Mention* m : places) {
    const bool reference_point =
        std::any_of(bearings.begin(), bearings.end(), [&](const Found* b) {
          return b->end <= m->begin && m->begin - b->end <= kNearGap;
        });
    if (reference_point) continue;
    const gazetteer::Place* place = &m->place();
    context->last_place_named = place;
    switch (Group(place->kind)) {
      case AnaphorTarget::kSettlement:
        context->last_settlement = place;
        break;
      case AnaphorTarget::kFeature:
        context->last_feature = place;
        break;
      case AnaphorTarget::kRegion:
        context->last_region = place;
        break;
      default:
        break;
    }
  }
  std::optional<uint32_t> subject;
  context->previous_first_actor.reset();
  // The first actor that can speak: not "the enemy" or "our forces".
  for (const Found& a : actors) {
    if (actor(a).rule == SideRule::kFixed) {
      context->previous_first_actor = a.index;
      break;
    }
  }
  for (const Found& a : actors) {
    context->last_actor_of_kind[actor(a).kind] = a.index;
    if (!subject.has_value() && !IsObserver(actor(a).kind)) subject = a.index;
  }
  if (!last_claimant.has_value() && !attributions.empty()) {
    last_claimant = attributions.back().actor->index;
  }
  context->previous_doer = last_doer.has_value() ? last_doer : subject;
  context->previous_claimant = last_claimant;
  context->previous_strike_place = strike_place;

  for (const gazetteer::Mention* m : places) {
    if (last_place == nullptr && !is_origin(*m)) sentence_place = &m->place();
  }
  if (context->previous_place == nullptr || sentence_place != nullptr) {
    context->previous_place =
        last_place != nullptr ? last_place : sentence_place;
  }
  context->Advance(end, first_claim, claims->size());
}

}  // namespace frontline::extract
