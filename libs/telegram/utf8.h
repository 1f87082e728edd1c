// Repair of untrusted bytes into valid UTF-8.
//
// Every ill-formed sequence becomes U+FFFD, one per maximal ill-formed
// subpart (the Unicode "substitution of maximal subparts" practice, as in
// WHATWG's decoder): overlongs, surrogates, code points past U+10FFFF, stray
// continuation bytes and truncated sequences. Valid input passes unchanged.
#ifndef FRONTLINE_LIBS_TELEGRAM_UTF8_H_
#define FRONTLINE_LIBS_TELEGRAM_UTF8_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace frontline::telegram {

// Incremental repair for input that arrives in chunks: a sequence split
// across two chunks is joined, not replaced. Not thread-safe.
class Utf8Repairer {
 public:
  // Appends the repaired form of `chunk` to `out`. An incomplete sequence at
  // the end of `chunk` is held back (at most 3 bytes) for the next call.
  void Append(absl::string_view chunk, std::string& out);
  // Ends the input: a held-back incomplete sequence becomes U+FFFD.
  void Finish(std::string& out);
  // U+FFFD characters written so far.
  int64_t replacements() const { return replacements_; }

 private:
  std::string pending_;
  int64_t replacements_ = 0;
};

// Repairs a complete string.
std::string RepairUtf8(absl::string_view bytes);

}  // namespace frontline::telegram

#endif  // FRONTLINE_LIBS_TELEGRAM_UTF8_H_
