// The byte encodings the dedup stores share: LEB128 varints and
// varint-length-prefixed strings. Readers consume what they decode from the
// front of `in` and return false on truncated input.
#ifndef FRONTLINE_LIBS_DEDUP_VARINT_H_
#define FRONTLINE_LIBS_DEDUP_VARINT_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace frontline::dedup {

void PutVarint(std::string& out, uint64_t v);
bool GetVarint(absl::string_view& in, uint64_t& v);

void PutLengthPrefixed(std::string& out, absl::string_view s);
bool GetLengthPrefixed(absl::string_view& in, std::string& s);

}  // namespace frontline::dedup

#endif  // FRONTLINE_LIBS_DEDUP_VARINT_H_
