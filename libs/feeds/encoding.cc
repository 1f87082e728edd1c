#include "libs/feeds/encoding.h"

#include <errno.h>
#include <iconv.h>

#include <cstdint>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace frontline::feeds {
namespace {

constexpr absl::string_view kReplacement = "\xEF\xBF\xBD";
constexpr absl::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Length of the well-formed UTF-8 sequence at the start of `s`, or 0 with
// `*bad` set to the length of the maximal ill-formed subpart (Unicode 15,
// section 3.9, table 3-7).
size_t SequenceLength(absl::string_view s, size_t* bad) {
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(s[i]); };
  const uint8_t lead = byte(0);
  size_t length;
  uint8_t low = 0x80;
  uint8_t high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    *bad = 1;
    return 0;
  }
  for (size_t i = 1; i < length; ++i) {
    if (i >= s.size()) {
      *bad = i;
      return 0;
    }
    const uint8_t lo = i == 1 ? low : 0x80;
    const uint8_t hi = i == 1 ? high : 0xBF;
    if (byte(i) < lo || byte(i) > hi) {
      *bad = i;
      return 0;
    }
  }
  return length;
}

std::string CanonicalName(absl::string_view name) {
  std::string upper = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(name));
  if (upper == "UTF8") return "UTF-8";
  return upper;
}

bool IsUtf8Compatible(absl::string_view canonical) {
  return canonical.empty() || canonical == "UTF-8" || canonical == "US-ASCII" ||
         canonical == "ASCII";
}

}  // namespace

std::size_t SanitizeUtf8(absl::string_view in, std::string* out) {
  out->clear();
  out->reserve(in.size());
  size_t replaced = 0;
  size_t i = 0;
  size_t clean_from = 0;
  while (i < in.size()) {
    const uint8_t c = static_cast<uint8_t>(in[i]);
    if (c >= 0x01 && c < 0x80) {
      ++i;
      continue;
    }
    size_t bad = 0;
    size_t length = c == 0 ? 0 : SequenceLength(in.substr(i), &bad);
    if (c == 0) bad = 1;
    if (length > 0) {
      i += length;
      continue;
    }
    out->append(in.data() + clean_from, i - clean_from);
    out->append(kReplacement.data(), kReplacement.size());
    ++replaced;
    i += bad;
    clean_from = i;
  }
  out->append(in.data() + clean_from, in.size() - clean_from);
  return replaced;
}

std::string DeclaredXmlEncoding(absl::string_view bytes) {
  if (absl::StartsWith(bytes, kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
  if (!absl::StartsWith(bytes, "<?xml")) return "";
  const size_t end = bytes.find("?>");
  if (end == absl::string_view::npos || end > 512) return "";
  absl::string_view decl = bytes.substr(0, end);
  size_t at = decl.find("encoding");
  if (at == absl::string_view::npos) return "";
  at = decl.find_first_of("\"'", at);
  if (at == absl::string_view::npos) return "";
  const size_t close = decl.find(decl[at], at + 1);
  if (close == absl::string_view::npos) return "";
  return std::string(decl.substr(at + 1, close - at - 1));
}

Utf8Text DecodeAs(absl::string_view bytes, absl::string_view encoding) {
  Utf8Text result;
  const std::string name = CanonicalName(encoding);
  if (IsUtf8Compatible(name)) {
    if (absl::StartsWith(bytes, kUtf8Bom)) {
      bytes.remove_prefix(kUtf8Bom.size());
    }
    result.source_encoding = "UTF-8";
    result.replaced = SanitizeUtf8(bytes, &result.text);
    return result;
  }
  iconv_t cd = iconv_open("UTF-8", name.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    result = DecodeAs(bytes, "UTF-8");
    result.problem = absl::UnimplementedError(absl::StrCat(
        "unsupported encoding \"", name.substr(0, 40), "\"; read as UTF-8"));
    return result;
  }
  result.source_encoding = name;
  std::string& out = result.text;
  out.resize(bytes.size() * 2 + 16);
  char* in_ptr = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  size_t written = 0;
  while (in_left > 0) {
    char* out_ptr = out.data() + written;
    size_t out_left = out.size() - written;
    const size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    written = out.size() - out_left;
    if (rc != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    if (out.size() - written < kReplacement.size()) {
      out.resize(out.size() * 2);
    }
    out.replace(written, kReplacement.size(), kReplacement.data(),
                kReplacement.size());
    written += kReplacement.size();
    ++result.replaced;
    if (errno == EILSEQ) {
      ++in_ptr;
      --in_left;
    } else {  // EINVAL: a sequence cut off by the end of input
      in_left = 0;
    }
  }
  iconv_close(cd);
  out.resize(written);
  if (absl::StartsWith(out, kUtf8Bom)) out.erase(0, kUtf8Bom.size());
  return result;
}

Utf8Text DecodeXml(absl::string_view bytes) {
  if (absl::StartsWith(bytes, "\xFF\xFE") ||
      absl::StartsWith(bytes, absl::string_view("<\0?\0", 4))) {
    return DecodeAs(bytes, "UTF-16LE");
  }
  if (absl::StartsWith(bytes, "\xFE\xFF") ||
      absl::StartsWith(bytes, absl::string_view("\0<\0?", 4))) {
    return DecodeAs(bytes, "UTF-16BE");
  }
  std::string declared = CanonicalName(DeclaredXmlEncoding(bytes));
  // A UTF-16 declaration readable as ASCII is a mislabelled 8-bit document.
  if (absl::StartsWith(declared, "UTF-16") ||
      absl::StartsWith(declared, "UCS")) {
    declared = "UTF-8";
  }
  return DecodeAs(bytes, declared);
}

}  // namespace frontline::feeds
