#include "libs/extract/extractor.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "google/protobuf/timestamp.pb.h"
#include "libs/extract/dictionary.h"
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
// How far (bytes) a claimant may stand from "said" / "according to".
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

// Punctuation that ends a clause: a claimant is not separated from "said"
// by it ("..., military analysts said" does not make the place a speaker).
bool HasClausePunctuation(absl::string_view gap) {
  for (absl::string_view mark :
       {",", ";", ":", "\"", "(", ")", "\xE2\x80\x94", "\xC2\xAB", "\xC2\xBB",
        "\xE2\x80\x9C", "\xE2\x80\x9D"}) {
    if (absl::StrContains(gap, mark)) return true;
  }
  return false;
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
                       const ActorEntry** document_claimant,
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
  const ActorEntry* document_claimant = nullptr;
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
                           published, &document_claimant, &claims);
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
    const ActorEntry** document_claimant,
    std::vector<v1::Claim>* claims) const {
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
  const std::vector<Found> actors =
      LongestNonOverlapping(std::move(actors_found));
  const std::vector<Found> cues = LongestNonOverlapping(std::move(cues_found));
  auto actor = [&](const Found& f) -> const ActorEntry& {
    return dictionary.actors[f.index];
  };
  auto cue = [&](const Found& f) -> const PatternEntry& {
    return dictionary.patterns[f.index];
  };

  // "Генштаб ЗСУ: ..." names who speaks for the rest of the document.
  const Found* header = nullptr;
  if (!actors.empty() && actors.front().first_token == 0) {
    absl::string_view after =
        text.substr(actors.front().end, end - actors.front().end);
    after = absl::StripLeadingAsciiWhitespace(after);
    if (absl::StartsWith(after, ":")) {
      header = &actors.front();
      *document_claimant = &actor(*header);
    }
  }

  // Places: not part of an actor's name; a region right after a place inside
  // it ("Makhnovka in the Kursk region") only locates that place.
  std::vector<const gazetteer::Mention*> places;
  for (const gazetteer::Mention& m : sentence_mentions) {
    bool in_actor = false;
    for (const Found& a : actors) {
      in_actor |= a.begin <= m.begin && m.end <= a.end;
    }
    if (in_actor) continue;
    if (m.place().kind == gazetteer::PlaceKind::kRegion && !places.empty() &&
        places.back()->place().region_id == m.place().id &&
        m.begin - places.back()->end <= kRegionQualifierGap) {
      continue;
    }
    places.push_back(&m);
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
  // "would still take two years to seize", "whether it has fallen": no
  // report of a change of hands. Activity nouns stay ("could allow Russia to
  // broaden its assault" still reports an assault).
  std::erase_if(patterns, [&](const Found* p) {
    const v1::ClaimType type = cue(*p).type;
    if (type != v1::CLAIM_TYPE_CAPTURE && type != v1::CLAIM_TYPE_CONTROL &&
        type != v1::CLAIM_TYPE_TERRITORY_HELD &&
        type != v1::CLAIM_TYPE_WITHDRAWAL) {
      return false;
    }
    return std::any_of(
        hypotheticals.begin(), hypotheticals.end(), [&](const Found* h) {
          return h->end <= p->begin &&
                 !HasClausePunctuation(text.substr(h->end, p->begin - h->end));
        });
  });
  // "X did not comment on the claim that ...": nobody asserts anything,
  // unless someone else in the sentence says it.
  if (no_comment && claimant_cues.empty()) return;

  // Claimants: the actor next to each claimant cue ("X said", "according to
  // X"); a claimant-before cue takes an actor joined to it by words only.
  auto nearest_before = [&](uint32_t at, uint32_t max_gap) -> const Found* {
    const Found* best = nullptr;
    for (const Found& a : actors) {
      if (a.end <= at && at - a.end <= max_gap &&
          !HasClausePunctuation(text.substr(a.end, at - a.end))) {
        best = &a;
      }
    }
    return best;
  };
  auto nearest_after = [&](uint32_t at, uint32_t max_gap,
                           bool words_only) -> const Found* {
    for (const Found& a : actors) {
      if (a.begin >= at && a.begin - at <= max_gap) {
        if (words_only && HasClausePunctuation(text.substr(at, a.begin - at))) {
          return nullptr;
        }
        return &a;
      }
    }
    return nullptr;
  };
  struct Attribution {
    const Found* cue;
    const Found* actor;
  };
  std::vector<Attribution> attributions;
  for (const Found* f : claimant_cues) {
    const Found* found = nullptr;
    if (cue(*f).kind == CueKind::kClaimantBefore) {
      found = nearest_before(f->begin, kClaimantBeforeGap);
      if (found == nullptr) {
        found = nearest_after(f->end, kClaimantBeforeGap, true);
      }
    } else {
      found = nearest_after(f->end, kClaimantAfterGap, false);
    }
    if (found != nullptr) attributions.push_back({f, found});
  }
  const Found* denier =
      denial != nullptr ? nearest_before(denial->begin, kDenierGap) : nullptr;
  // The claimant of a pattern: the denier; else the attribution nearest to
  // it; else the header of this or an earlier line.
  auto claimant_for = [&](const Found& p) -> const Found* {
    if (denier != nullptr) return denier;
    const Found* best = nullptr;
    uint32_t best_distance = UINT32_MAX;
    for (const Attribution& a : attributions) {
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
  for (Pending& item : pending) {
    const Found& p = *item.pattern;
    // The place: the first one after the pattern, else the last before it.
    for (const auto* m : places) {
      if (m->begin >= p.end) {
        item.place = m;
        break;
      }
    }
    // "in the Kursk region towards Berdin": the place inside it is meant.
    if (item.place != nullptr &&
        item.place->place().kind == gazetteer::PlaceKind::kRegion) {
      for (const auto* m : places) {
        if (m->begin >= item.place->end &&
            m->begin - item.place->end <= kRegionThenPlaceGap &&
            m->place().region_id == item.place->place().id) {
          item.place = m;
          break;
        }
      }
    }
    if (item.place == nullptr) {
      for (const auto* m : places) {
        if (m->end <= p.begin) item.place = m;
      }
    }
    if (item.type == v1::CLAIM_TYPE_CONTROL && has_area &&
        (item.place == nullptr ||
         item.place->place().kind == gazetteer::PlaceKind::kRegion)) {
      item.type = v1::CLAIM_TYPE_TERRITORY_HELD;
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
      if (a.weak && !b.weak && same_place(a, b)) dropped[i] = true;
      if (a.type == v1::CLAIM_TYPE_ASSAULT) {
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
  for (size_t i = 0; i < pending.size(); ++i) {
    if (dropped[i]) continue;
    const Pending& item = pending[i];
    const Found& p = *item.pattern;
    const PatternEntry& entry = cue(p);
    const gazetteer::Mention* place = item.place;
    if (place == nullptr && figures.empty()) continue;
    const v1::ClaimType type = item.type;

    const Found* claimant = claimant_for(p);
    const ActorEntry* claimant_entry =
        claimant != nullptr ? &actor(*claimant) : *document_claimant;
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
    const Found* doer = nullptr;
    for (const Found& a : actors) {
      if (&a == claimant || IsObserver(actor(a).kind)) continue;
      if (a.begin >= boundary && a.end <= p.begin) doer = &a;
    }
    // After the verb only when the claimant does not speak for a side
    // ("Kurakhove passed under the control of Russian forces") or for losses.
    // Losses name their side wherever it stands ("загинули 3 800 військових").
    if (doer == nullptr &&
        (!IsBelligerent(claimant_side) || type == v1::CLAIM_TYPE_CASUALTIES)) {
      for (const Found& a : actors) {
        if (&a == claimant || IsObserver(actor(a).kind)) continue;
        if (a.begin >= p.end) {
          doer = &a;
          break;
        }
      }
    }
    v1::Side side = v1::SIDE_UNSPECIFIED;
    if (entry.kind == CueKind::kClaim &&
        entry.fixed_side != v1::SIDE_UNSPECIFIED) {
      side = entry.fixed_side;
    } else if (doer != nullptr) {
      const ActorEntry& a = actor(*doer);
      side = a.rule == SideRule::kFixed ? a.side
             : a.rule == SideRule::kOwn ? claimant_side
                                        : Opposite(claimant_side);
    } else if (IsBelligerent(claimant_side)) {
      // Nobody named: the claimant's own side, except that one denies the
      // other side's gains ("Kyiv denied that Dachne had fallen").
      side = denial != nullptr && IsGain(type) ? Opposite(claimant_side)
                                               : claimant_side;
    }
    if (entry.kind == CueKind::kClaim && entry.opposite) side = Opposite(side);

    const std::string key =
        absl::StrCat(type, "|", place != nullptr ? place->place().id : "");
    if (!emitted.insert(key).second) continue;

    v1::Claim claim;
    claim.set_type(type);
    claim.set_polarity(denial != nullptr ? v1::POLARITY_DENIED
                                         : v1::POLARITY_ASSERTED);
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
          if ((k == CueKind::kNearBefore && f.end <= place->begin &&
               place->begin - f.end <= kNearGap) ||
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
    claims->push_back(std::move(claim));
  }
}

}  // namespace frontline::extract
