// Turning feed bytes in any declared encoding into valid UTF-8.
#ifndef FRONTLINE_LIBS_FEEDS_ENCODING_H_
#define FRONTLINE_LIBS_FEEDS_ENCODING_H_

#include <cstddef>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace frontline::feeds {

// Copies `in` to `out` (replacing its contents), turning every maximal
// ill-formed subsequence (stray continuation bytes, truncated sequences,
// overlong forms, surrogates, code points past U+10FFFF) and every NUL byte
// into U+FFFD. Returns how many replacements were made. `out` is valid UTF-8.
std::size_t SanitizeUtf8(absl::string_view in, std::string* out);

// The value of encoding="..." in an XML declaration at the very start of
// `bytes` (after an optional UTF-8 BOM), or "" when there is none.
std::string DeclaredXmlEncoding(absl::string_view bytes);

struct Utf8Text {
  std::string text;  // valid UTF-8, no BOM
  // What the bytes were read as, e.g. "UTF-8", "WINDOWS-1251", "UTF-16LE".
  std::string source_encoding;
  std::size_t replaced = 0;  // U+FFFD substituted for bad input
  // Unimplemented when the declared encoding is unknown to iconv (the bytes
  // are then read as UTF-8); OK otherwise.
  absl::Status problem;
};

// Decodes an XML document: a UTF-16 BOM (or UTF-16 "<?" without one) wins,
// then the prolog's encoding declaration, then UTF-8. Conversion is glibc
// iconv; bytes the source encoding does not define become U+FFFD.
Utf8Text DecodeXml(absl::string_view bytes);

// Decodes bytes in the named encoding (any name iconv knows) to UTF-8.
Utf8Text DecodeAs(absl::string_view bytes, absl::string_view encoding);

}  // namespace frontline::feeds

#endif  // FRONTLINE_LIBS_FEEDS_ENCODING_H_
