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

  // Places: not part of an actor's name; a region only when no place inside
  // it is named too (then it merely locates that place).
  std::vector<const gazetteer::Mention*> places;
  for (const gazetteer::Mention& m : sentence_mentions) {
    bool in_actor = false;
    for (const Found& a : actors) {
      in_actor |= a.begin <= m.begin && m.end <= a.end;
    }
    if (!in_actor) places.push_back(&m);
  }
  std::erase_if(places, [&](const gazetteer::Mention* m) {
    if (m->place().kind != gazetteer::PlaceKind::kRegion) return false;
    return std::any_of(places.begin(), places.end(), [&](const auto* other) {
      return other->place().kind != gazetteer::PlaceKind::kRegion &&
             other->place().region_id == m->place().id;
    });
  });

  std::vector<const Found*> patterns;
  const Found* denial = nullptr;
  const PatternEntry* time_cue = nullptr;
  for (const Found& f : cues) {
    switch (cue(f).kind) {
      case CueKind::kNoComment:
        return;
      case CueKind::kClaim:
        patterns.push_back(&f);
        break;
      case CueKind::kDenial:
        if (denial == nullptr) denial = &f;
        break;
      case CueKind::kTime:
        if (time_cue == nullptr) time_cue = &cue(f);
        break;
      default:
        break;
    }
  }
  if (std::any_of(patterns.begin(), patterns.end(),
                  [&](const Found* p) { return !cue(*p).weak; })) {
    std::erase_if(patterns, [&](const Found* p) { return cue(*p).weak; });
  }

  // The claimant: next to a claimant cue, else the denier, else the header.
  const Found* claimant = header;
  auto nearest_before = [&](uint32_t at, uint32_t max_gap) -> const Found* {
    const Found* best = nullptr;
    for (const Found& a : actors) {
      if (a.end <= at && at - a.end <= max_gap) best = &a;
    }
    return best;
  };
  auto nearest_after = [&](uint32_t at, uint32_t max_gap) -> const Found* {
    for (const Found& a : actors) {
      if (a.begin >= at && a.begin - at <= max_gap) return &a;
    }
    return nullptr;
  };
  for (const Found& f : cues) {
    if (claimant != nullptr && claimant != header) break;
    const Found* found = nullptr;
    if (cue(f).kind == CueKind::kClaimantBefore) {
      found = nearest_before(f.begin, kClaimantBeforeGap);
      if (found == nullptr) found = nearest_after(f.end, kClaimantBeforeGap);
    } else if (cue(f).kind == CueKind::kClaimantAfter) {
      found = nearest_after(f.end, kClaimantAfterGap);
    }
    if (found != nullptr) claimant = found;
  }
  if (denial != nullptr) {
    if (const Found* denier = nearest_before(denial->begin, kDenierGap)) {
      claimant = denier;
    }
  }
  const ActorEntry* claimant_entry =
      claimant != nullptr ? &actor(*claimant) : *document_claimant;
  const v1::Side claimant_side =
      claimant_entry != nullptr && claimant_entry->rule == SideRule::kFixed
          ? claimant_entry->side
          : v1::SIDE_UNSPECIFIED;

  std::vector<v1::Quantity> figures =
      quantities.Read(text, tokens, quantity_words);

  struct Pending {
    v1::ClaimType type;
    const Found* pattern;
  };
  std::vector<Pending> pending;
  for (const Found* p : patterns) pending.push_back({cue(*p).type, p});
  if (pending.empty() && denial != nullptr) {
    pending.push_back({v1::CLAIM_TYPE_DENIAL, denial});
  }

  absl::flat_hash_set<std::string> emitted;
  for (const Pending& item : pending) {
    const Found& p = *item.pattern;
    const PatternEntry& entry = cue(p);
    // The place: the first one after the pattern, else the last before it.
    const gazetteer::Mention* place = nullptr;
    for (const auto* m : places) {
      if (m->begin >= p.end) {
        place = m;
        break;
      }
    }
    if (place == nullptr) {
      for (const auto* m : places) {
        if (m->end <= p.begin) place = m;
      }
    }
    if (place == nullptr && figures.empty()) continue;

    v1::ClaimType type = item.type;
    const bool has_area =
        std::any_of(figures.begin(), figures.end(), [](const v1::Quantity& q) {
          return q.kind() == v1::QUANTITY_KIND_AREA;
        });
    if (type == v1::CLAIM_TYPE_CONTROL && has_area &&
        (place == nullptr ||
         place->place().kind == gazetteer::PlaceKind::kRegion)) {
      type = v1::CLAIM_TYPE_TERRITORY_HELD;
    }

    // The actor: the nearest fighting actor before the verb, else after it.
    const Found* doer = nullptr;
    for (const Found& a : actors) {
      if (&a == claimant || IsObserver(actor(a).kind)) continue;
      if (a.end <= p.begin) doer = &a;
    }
    if (doer == nullptr) {
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
      side = claimant_side;
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
