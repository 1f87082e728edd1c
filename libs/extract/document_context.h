// What earlier sentences of a document leave for later ones while the coder
// reads it: who heads it, the side it speaks for, and the referents of
// anaphors ("the town", "they", "it said", "those accounts").
#ifndef FRONTLINE_LIBS_EXTRACT_DOCUMENT_CONTEXT_H_
#define FRONTLINE_LIBS_EXTRACT_DOCUMENT_CONTEXT_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "frontline/v1/claim.pb.h"
#include "libs/extract/dictionary.h"
#include "libs/gazetteer/place.h"

namespace frontline::extract {

struct DocumentContext {
  // The side a text's "our forces" and "the enemy" are relative to when
  // nobody is named as speaking: the side its words so far take
  // ("оккупанты", "киевский режим"; patterns.tsv `voice`), else its
  // language's (Ukrainian for Ukraine, Russian for Russia).
  v1::Side language_voice = v1::SIDE_UNSPECIFIED;
  int russian_words = 0;
  int ukrainian_words = 0;
  v1::Side Voice() const {
    if (russian_words > ukrainian_words) return v1::SIDE_RUSSIA;
    if (ukrainian_words > russian_words) return v1::SIDE_UKRAINE;
    return language_voice;
  }
  const ActorEntry* header = nullptr;
  const gazetteer::Place* last_settlement = nullptr;
  const gazetteer::Place* last_feature = nullptr;
  const gazetteer::Place* last_region = nullptr;
  const gazetteer::Place* last_place_named = nullptr;     // Of any kind.
  absl::flat_hash_map<int, uint32_t> last_actor_of_kind;  // Actor indexes.
  // Of the previous sentence.
  std::optional<uint32_t> previous_doer;
  std::optional<uint32_t> previous_claimant;
  std::optional<uint32_t> previous_first_actor;
  // Who the previous sentence said spoke for it, carried on to the next
  // sentences of its paragraph that name nobody: an actor index, or
  // kUnknownSpeaker for someone the dictionaries do not know.
  static constexpr uint32_t kUnknownSpeaker = UINT32_MAX;
  std::optional<uint32_t> previous_speaker;
  // Where the previous sentence reported a strike, if it did.
  const gazetteer::Place* previous_strike_place = nullptr;
  v1::Side previous_strike_side = v1::SIDE_UNSPECIFIED;
  // Where the previous sentence reported an attack, if it did.
  const gazetteer::Place* previous_assault_place = nullptr;
  v1::Side previous_assault_side = v1::SIDE_UNSPECIFIED;
  // The place the previous sentence was about, and the latest before it.
  const gazetteer::Place* previous_place = nullptr;
  // A place named alone at the head of the paragraph ("Дніпро."): where its
  // claims with no place of their own are.
  const gazetteer::Place* paragraph_place = nullptr;
  size_t previous_end = 0;
  size_t previous_claims_begin = 0;  // [begin, end) of the claims.
  size_t previous_claims_end = 0;

  // The claims of the latest sentence that had any: what "denied the
  // claim" denies when the sentence between reported nothing ("ISW has not
  // observed confirmation of this claim").
  size_t reported_begin = 0;
  size_t reported_end = 0;
  // Whether the previous sentence spoke of those claims ("this claim") and
  // reported nothing itself.
  bool previous_commented = false;

  void Advance(size_t sentence_end, size_t claims_begin, size_t claims_end) {
    previous_end = sentence_end;
    previous_claims_begin = claims_begin;
    previous_claims_end = claims_end;
    if (claims_end > claims_begin) {
      reported_begin = claims_begin;
      reported_end = claims_end;
    }
  }
};

}  // namespace frontline::extract

#endif  // FRONTLINE_LIBS_EXTRACT_DOCUMENT_CONTEXT_H_
