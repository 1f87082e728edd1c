#include "libs/text/unicode_normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/utf8.h>

#include <cstdint>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "libs/text/char_fold.h"
#include "libs/text/utf8.h"

namespace frontline::text {
namespace {

void AppendUtf8(UChar32 c, std::string& out) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
    return;
  }
  char buf[U8_MAX_LENGTH];
  int32_t len = 0;
  U8_APPEND_UNSAFE(buf, len, c);
  out.append(buf, len);
}

// UnifyChar over valid UTF-8; CRLF becomes one '\n'. With `fold_yo`, ё and Ё
// become е (for keys, after case folding).
std::string UnifyChars(absl::string_view utf8, bool fold_yo) {
  std::string out;
  out.reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < n) {
    UChar32 c;
    if (s[i] < 0x80) {
      c = s[i++];
      if (c == '\r' && i < n && s[i] == '\n') continue;
    } else {
      U8_NEXT(s, i, n, c);
      if (c < 0) c = 0xFFFD;
    }
    if (fold_yo && (c == 0x0451 || c == 0x0401)) c = 0x0435;
    const int32_t mapped = UnifyChar(c);
    if (mapped == kDropChar) continue;
    AppendUtf8(mapped, out);
  }
  return out;
}

bool IsAscii(absl::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// `normalizer` applied; ASCII input is taken as already normal, so this is
// only for NFC (Key lower-cases ASCII itself).
std::string Normalize(const icu::Normalizer2& normalizer, std::string in) {
  if (IsAscii(in)) return in;
  UErrorCode status = U_ZERO_ERROR;
  const icu::StringPiece piece(in.data(), static_cast<int32_t>(in.size()));
  if (normalizer.isNormalizedUTF8(piece, status) && U_SUCCESS(status)) {
    return in;
  }
  status = U_ZERO_ERROR;
  std::string out;
  out.reserve(in.size());
  icu::StringByteSink<std::string> sink(&out);
  normalizer.normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) return in;
  return out;
}

// Spaces collapsed, lines trimmed, blank-line runs reduced per `layout`.
// Input holds only ' ' and '\n' as white space (UnifyChars made it so).
std::string LayOut(absl::string_view in, Layout layout) {
  std::string out;
  out.reserve(in.size());
  int pending_newlines = 0;
  bool pending_space = false;
  for (char c : in) {
    if (c == ' ') {
      pending_space = true;
      continue;
    }
    if (c == '\n') {
      ++pending_newlines;
      pending_space = false;
      continue;
    }
    if (!out.empty()) {
      if (pending_newlines > 0) {
        if (layout == Layout::kSingleLine) {
          out.push_back(' ');
        } else {
          out.append(pending_newlines >= 2 ? "\n\n" : "\n");
        }
      } else if (pending_space) {
        out.push_back(' ');
      }
    }
    pending_newlines = 0;
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace

absl::StatusOr<UnicodeNormalizer> UnicodeNormalizer::Create() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || nfc == nullptr) {
    return absl::InternalError(
        absl::StrCat("ICU NFC data unavailable: ", u_errorName(status)));
  }
  const icu::Normalizer2* casefold =
      icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status) || casefold == nullptr) {
    return absl::InternalError(absl::StrCat(
        "ICU NFKC_Casefold data unavailable: ", u_errorName(status)));
  }
  return UnicodeNormalizer(nfc, casefold);
}

std::string UnicodeNormalizer::Clean(absl::string_view bytes,
                                     Layout layout) const {
  std::string unified = IsValidUtf8(bytes)
                            ? UnifyChars(bytes, /*fold_yo=*/false)
                            : UnifyChars(RepairUtf8(bytes), false);
  return LayOut(Normalize(*nfc_, std::move(unified)), layout);
}

std::string UnicodeNormalizer::Key(absl::string_view bytes) const {
  std::string clean = Clean(bytes, Layout::kSingleLine);
  std::string folded = IsAscii(clean) ? absl::AsciiStrToLower(clean)
                                      : Normalize(*nfkc_casefold_, clean);
  return LayOut(UnifyChars(folded, /*fold_yo=*/true), Layout::kSingleLine);
}

}  // namespace frontline::text
