#include "libs/extract/utf8.h"

namespace frontline::extract {

int32_t DecodeUtf8(absl::string_view text, size_t i, size_t* length) {
  const auto byte = [&](size_t k) { return static_cast<uint8_t>(text[k]); };
  const uint8_t b0 = byte(i);
  *length = 1;
  if (b0 < 0x80) return b0;
  size_t n = 0;
  int32_t cp = 0;
  int32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    n = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    n = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    n = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    return 0xFFFD;
  }
  if (i + n > text.size()) return 0xFFFD;
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0xFFFD;
  }
  *length = n;
  return cp;
}

std::string ValidUtf8(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t length = 0;
    const int32_t cp = DecodeUtf8(text, i, &length);
    if (cp == 0xFFFD && length == 1 && text.substr(i, 3) != "\xEF\xBF\xBD") {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(text.data() + i, length);
    }
    i += length;
  }
  return out;
}

bool IsUpperLetter(int32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || (cp >= 0x0400 && cp <= 0x042F) ||
         cp == 0x0490;
}

}  // namespace frontline::extract
