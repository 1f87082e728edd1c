// The claim coder: reads a document's text and codes the claims in it as
// frontline.v1.Claim messages, in the tradition of dictionary coders
// (GDELT/TABARI): a claim is a verb pattern of the dictionaries anchored to a
// place of the gazetteer or to a figure, with the actor doing it, the side,
// the actor asserting it, and whether it is asserted or denied.
//
//   auto gazetteer = gazetteer::Gazetteer::Load(".../places.tsv");
//   auto extractor = Extractor::Load("libs/extract/data", *gazetteer);
//   for (const v1::Claim& claim :
//        extractor->Extract(text, published, "en")) { ... }
//
// An Extractor is immutable once loaded: Extract is safe to call from many
// threads at once. No method throws; errors are absl::Status.
#ifndef FRONTLINE_LIBS_EXTRACT_EXTRACTOR_H_
#define FRONTLINE_LIBS_EXTRACT_EXTRACTOR_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "frontline/v1/claim.pb.h"
#include "libs/gazetteer/gazetteer.h"

namespace frontline::text {
class RelativeDateResolver;
}  // namespace frontline::text

namespace frontline::extract {

class Extractor {
 public:
  // Reads actors.tsv, patterns.tsv and quantities.tsv from `data_dir`
  // (format in data/README.md). Fails with kNotFound when a file cannot be
  // read and kInvalidArgument naming the file and line when a row is
  // malformed. `gazetteer` must outlive the Extractor, and so must `dates`
  // when given: with it, dates in prose ("in June 2024", "last August") are
  // read, and a sentence about a period that ended more than six months
  // before publication is history and codes nothing.
  static absl::StatusOr<Extractor> Load(
      const std::string& data_dir, const gazetteer::Gazetteer& gazetteer,
      const text::RelativeDateResolver* dates = nullptr);

  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;
  ~Extractor();

  // The claims of `text` (UTF-8; ill-formed bytes are tolerated), in text
  // order, one per distinct (type, place, side, claimant, polarity) within
  // the document. `language` ("en", "uk", "ru") selects the verb patterns
  // and quantity words; any other value uses those of every language.
  //
  // Sentences are read in order with what earlier ones named: "the town",
  // "they", "the ministry" and "denied those accounts" refer back (see
  // EVAL.md for the rules).
  //
  // Promises, per claim:
  //   - it has a verb pattern and an anchor: a place or a figure;
  //   - its side is SIDE_RUSSIA or SIDE_UKRAINE (a claim whose side stays
  //     unknown is not coded);
  //   - span is the sentence's byte range in `text`, sentence its text with
  //     ill-formed bytes replaced by U+FFFD (safe to serialize);
  //   - time is `published` moved by a relative expression of the sentence
  //     ("on Monday", "вчора") at day precision, or `published` at week
  //     precision when there is none;
  //   - id is the claim's index in the result ("0", "1", ...) and
  //     document_id is empty: the caller prefixes and sets them.
  // A sentence saying someone did not comment yields no claim.
  // Bounded: sentences longer than 2,000 bytes are cut, so time and memory
  // are linear in the text whatever it holds.
  std::vector<v1::Claim> Extract(absl::string_view text, absl::Time published,
                                 absl::string_view language) const;

 private:
  struct Impl;
  explicit Extractor(std::unique_ptr<Impl> impl);

  std::unique_ptr<Impl> impl_;
};

}  // namespace frontline::extract

#endif  // FRONTLINE_LIBS_EXTRACT_EXTRACTOR_H_
