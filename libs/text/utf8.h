// Repair of untrusted bytes into valid UTF-8.
#ifndef FRONTLINE_LIBS_TEXT_UTF8_H_
#define FRONTLINE_LIBS_TEXT_UTF8_H_

#include <string>

#include "absl/strings/string_view.h"

namespace frontline::text {

// Valid input is returned unchanged. Every ill-formed sequence (stray
// continuation bytes, overlongs, surrogates, code points past U+10FFFF,
// truncated sequences) becomes U+FFFD, one per maximal ill-formed subpart, as
// the WHATWG decoder does. NUL and other control bytes are valid UTF-8 and
// are kept; UnicodeNormalizer removes them.
std::string RepairUtf8(absl::string_view bytes);

// True when `bytes` is well-formed UTF-8.
bool IsValidUtf8(absl::string_view bytes);

}  // namespace frontline::text

#endif  // FRONTLINE_LIBS_TEXT_UTF8_H_
