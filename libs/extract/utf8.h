// Minimal UTF-8 helpers for the coder's own scans.
#ifndef FRONTLINE_LIBS_EXTRACT_UTF8_H_
#define FRONTLINE_LIBS_EXTRACT_UTF8_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace frontline::extract {

// The code point starting at text[i] and its byte length (*length >= 1).
// An ill-formed or truncated sequence yields U+FFFD with *length 1.
int32_t DecodeUtf8(absl::string_view text, size_t i, size_t* length);

// `text` with every ill-formed byte replaced by U+FFFD: safe for a protobuf
// string field.
std::string ValidUtf8(absl::string_view text);

// Upper-case letters of the Latin and Cyrillic scripts (what starts a
// sentence or an initial in the languages the coder reads).
bool IsUpperLetter(int32_t code_point);

}  // namespace frontline::extract

#endif  // FRONTLINE_LIBS_EXTRACT_UTF8_H_
