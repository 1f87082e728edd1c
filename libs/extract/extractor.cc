#include "libs/extract/extractor.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "libs/extract/dictionary.h"
#include "libs/extract/document_context.h"
#include "libs/extract/phrase_matcher.h"
#include "libs/extract/quantity_reader.h"
#include "libs/extract/sentence_coder.h"
#include "libs/extract/sentence_splitter.h"
#include "libs/text/relative_date.h"

namespace frontline::extract {
namespace {

// A claim as said by any speaker of `claimant_side`.
std::string EchoKey(const v1::Claim& c, v1::Side claimant_side) {
  return absl::StrCat(c.type(), "|", c.place_id(), "|", c.side(), "|",
                      claimant_side, "|", c.polarity());
}

constexpr size_t kMaxSentenceBytes = 2000;
// Above this, places are matched sentence by sentence (bounded memory) and
// lose the whole text's help in choosing between same-named places.
constexpr size_t kWholeTextMatchLimit = 256 * 1024;

// The abbreviations the splitter does not end a sentence at, without their
// final dot.
absl::flat_hash_set<std::string> Abbreviations(const Dictionary& d) {
  absl::flat_hash_set<std::string> abbreviations;
  for (const PatternEntry& p : d.patterns) {
    if (p.kind == CueKind::kAbbreviation) {
      abbreviations.insert(std::string(absl::StripSuffix(p.phrase, ".")));
    }
  }
  return abbreviations;
}

// The range words the tokenizer reads as no word ("-", "–").
std::vector<std::string> RangeSymbols(const Dictionary& d,
                                      const gazetteer::Normalizer& normalizer) {
  std::vector<std::string> range_symbols;
  for (const QuantityEntry& q : d.quantities) {
    if (q.kind == QuantityWordKind::kRange &&
        Tokenize(normalizer, q.phrase).empty()) {
      range_symbols.push_back(q.phrase);
    }
  }
  return range_symbols;
}

// Adds to `matcher` the actors, and the patterns and quantity words of
// `language` ("" for every language).
absl::Status AddPhrases(const Dictionary& d,
                        const gazetteer::Normalizer& normalizer,
                        const std::string& language, PhraseMatcher* matcher) {
  auto wanted = [&](const std::string& l) {
    return language.empty() || l == "*" || l == language;
  };
  for (size_t i = 0; i < d.actors.size(); ++i) {
    for (const std::string& surface : d.actors[i].surfaces) {
      if (!matcher->Add(normalizer, surface, PhrasePayload(kActor, i))) {
        return absl::InvalidArgumentError(
            absl::StrCat("actors.tsv: ", d.actors[i].id, ": surface \"",
                         surface, "\" has no word"));
      }
    }
  }
  for (size_t i = 0; i < d.patterns.size(); ++i) {
    const PatternEntry& p = d.patterns[i];
    if (!wanted(p.language) || p.kind == CueKind::kAbbreviation) continue;
    if (!matcher->Add(normalizer, p.phrase, PhrasePayload(kPattern, i))) {
      return absl::InvalidArgumentError(
          absl::StrCat("patterns.tsv: phrase \"", p.phrase, "\" has no word"));
    }
  }
  for (size_t i = 0; i < d.quantities.size(); ++i) {
    const QuantityEntry& q = d.quantities[i];
    if (!wanted(q.language)) continue;
    if (!matcher->Add(normalizer, q.phrase, PhrasePayload(kQuantity, i)) &&
        q.kind != QuantityWordKind::kRange) {
      return absl::InvalidArgumentError(absl::StrCat(
          "quantities.tsv: phrase \"", q.phrase, "\" has no word"));
    }
  }
  return absl::OkStatus();
}

// One claim per distinct key within the document. "Russia says it has
// taken Chasiv Yar" over the ministry's own statement of it is the same
// claim: a state echoes the body of its own side that made it.
std::vector<v1::Claim> UniqueClaims(std::vector<v1::Claim> claims) {
  absl::flat_hash_set<std::string> said_by_body;
  for (const v1::Claim& claim : claims) {
    if (claim.claimant().kind() == v1::ACTOR_KIND_STATE) continue;
    said_by_body.insert(EchoKey(claim, claim.claimant().side()));
  }
  std::vector<v1::Claim> unique;
  absl::flat_hash_set<std::string> seen;
  for (v1::Claim& claim : claims) {
    if (claim.claimant().kind() == v1::ACTOR_KIND_STATE &&
        said_by_body.contains(EchoKey(claim, claim.claimant().side()))) {
      continue;
    }
    std::string key =
        absl::StrCat(claim.type(), "|", claim.place_id(), "|", claim.side(),
                     "|", claim.claimant().id(), "|", claim.polarity());
    if (!seen.insert(std::move(key)).second) continue;
    claim.set_id(absl::StrCat(unique.size()));
    unique.push_back(std::move(claim));
  }
  return unique;
}

}  // namespace

struct Extractor::Impl {
  const gazetteer::Gazetteer* gazetteer = nullptr;
  const text::RelativeDateResolver* dates = nullptr;
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

  CoderData Data() const {
    return {dictionary, normalizer, *gazetteer, quantities, dates};
  }
};

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;
Extractor::~Extractor() = default;

absl::StatusOr<Extractor> Extractor::Load(
    const std::string& data_dir, const gazetteer::Gazetteer& gazetteer,
    const text::RelativeDateResolver* dates) {
  absl::StatusOr<Dictionary> dictionary = LoadDictionary(data_dir);
  if (!dictionary.ok()) return dictionary.status();
  absl::StatusOr<gazetteer::Normalizer> normalizer =
      gazetteer::Normalizer::Create();
  if (!normalizer.ok()) return normalizer.status();

  absl::flat_hash_set<std::string> abbreviations = Abbreviations(*dictionary);
  std::vector<std::string> range_symbols =
      RangeSymbols(*dictionary, *normalizer);
  auto impl = std::make_unique<Impl>(
      *std::move(normalizer), *std::move(dictionary),
      SentenceSplitter(std::move(abbreviations), kMaxSentenceBytes),
      QuantityReader(std::move(range_symbols)));
  impl->gazetteer = &gazetteer;
  impl->dates = dates;

  for (const std::string language : {"en", "uk", "ru", ""}) {
    absl::Status added = AddPhrases(impl->dictionary, impl->normalizer,
                                    language, &impl->matchers[language]);
    if (!added.ok()) return added;
  }
  return Extractor(std::move(impl));
}

std::vector<v1::Claim> Extractor::Extract(absl::string_view text,
                                          absl::Time published,
                                          absl::string_view language) const {
  const PhraseMatcher& matcher = impl_->MatcherFor(language);
  const CoderData data = impl_->Data();
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
    SentenceCoder(data, matcher, text, span.begin, span.end, mentions,
                  published, &context, &claims)
        .Code();
  }
  return UniqueClaims(std::move(claims));
}

}  // namespace frontline::extract
