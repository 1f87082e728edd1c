// The gazetteer: the places of the war's reporting (oblasts, towns, villages,
// features) with every spelling they appear under, and a matcher that finds
// them in text.
//
//   auto gazetteer = Gazetteer::Load("libs/gazetteer/data/places.tsv");
//   for (const Mention& m : gazetteer->Match(text)) Use(m.place().id);
//
// A Gazetteer is immutable once loaded: every const method is safe to call
// from many threads at once. No method throws; errors are absl::Status.
#ifndef FRONTLINE_LIBS_GAZETTEER_GAZETTEER_H_
#define FRONTLINE_LIBS_GAZETTEER_GAZETTEER_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "libs/gazetteer/place.h"

namespace frontline::gazetteer {

// How a mention's place was chosen among its candidates.
enum class Resolution {
  // The surface names one place only.
  kUnique,
  // Exactly one candidate lies in the region named right after the name
  // ("Kamianske in the Zaporizhzhia region"), else in a region that the
  // text names elsewhere (as "Donetsk region", "Сумщина", ...).
  kRegionNamed,
  // No region decides, but exactly one candidate shares its region with a
  // place the text names unambiguously elsewhere.
  kNeighbourNamed,
  // Nothing in the text decides: the larger kind wins (region before
  // district, city, town, village, feature), then the smaller id.
  kDefault,
};

// One occurrence of a place name in a text.
struct Mention {
  // Byte span [begin, end) in the text given to Match, as given (not
  // normalized); always on UTF-8 code point boundaries.
  size_t begin = 0;
  size_t end = 0;
  // text.substr(begin, end - begin).
  std::string surface;
  // Every place the surface names, the chosen one first, then the others in
  // the default order. Never empty. The pointers live as long as the
  // Gazetteer that returned them (moving the Gazetteer keeps them valid).
  std::vector<const Place*> candidates;
  Resolution resolution = Resolution::kUnique;

  const Place& place() const { return *candidates.front(); }
  // True when the text did not decide between several candidates.
  bool ambiguous() const { return resolution == Resolution::kDefault; }
};

class Gazetteer {
 public:
  // Reads a places file (format in data/README.md). Fails with kNotFound when
  // the file cannot be read, and with kInvalidArgument naming the file and
  // line when a row is malformed, an id repeats, a region is missing, or an
  // alias folds to nothing.
  static absl::StatusOr<Gazetteer> Load(const std::string& path);
  // The same from the file's contents; `source_name` prefixes error messages.
  static absl::StatusOr<Gazetteer> LoadFromString(
      absl::string_view contents, absl::string_view source_name = "<string>");

  Gazetteer(Gazetteer&&) noexcept;
  Gazetteer& operator=(Gazetteer&&) noexcept;
  ~Gazetteer();

  // Every place name in `text` (UTF-8; ill-formed bytes are tolerated), in
  // text order, not overlapping. Matching ignores case, Unicode
  // normalization form, apostrophe and dash variants, ё/е and runs of white
  // space (see normalizer.h). A name matches only as whole words: the
  // characters before and after it must not be letters or digits of any
  // script. Where names overlap, the longest wins ("Velyka Novosilka" over
  // "Novosilka"), then the leftmost. Regions listed before one plural noun
  // ("the Kursk and Belgorod regions", "Курской и Брянской областями") are
  // each the region. Linear in the text: one pass of an Aho–Corasick
  // automaton over all names at once.
  std::vector<Mention> Match(absl::string_view text) const;

  // The place with this id; nullptr when there is none.
  const Place* FindById(absl::string_view id) const;
  // Every place whose id, name or alias equals `name` after folding (any
  // script, any case, any inflected form listed in the data), in the default
  // order (larger kind first, then id). Empty when none.
  std::vector<const Place*> Find(absl::string_view name) const;

  // Every place, in file order.
  const std::vector<Place>& places() const;

 private:
  struct Index;
  explicit Gazetteer(std::unique_ptr<Index> index);

  std::unique_ptr<Index> index_;
};

}  // namespace frontline::gazetteer

#endif  // FRONTLINE_LIBS_GAZETTEER_GAZETTEER_H_
