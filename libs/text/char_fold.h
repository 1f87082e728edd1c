// The character-level unifications every Frontline text form applies: quote,
// apostrophe, dash and white-space variants, and characters that carry no
// text. One table, so stored text, matching keys and the gazetteer's fold
// agree on what counts as "the same character".
#ifndef FRONTLINE_LIBS_TEXT_CHAR_FOLD_H_
#define FRONTLINE_LIBS_TEXT_CHAR_FOLD_H_

#include <cstdint>

namespace frontline::text {

// What UnifyChar returns for characters that are dropped.
inline constexpr int32_t kDropChar = -1;

// Maps one code point:
//   - double quotes “ ” „ ‟ « » ″ ＂ and ASCII " -> '"';
//   - single quotes and apostrophes ‘ ’ ‚ ‛ ʼ ʹ ′ ` ´ ＇ -> '\'';
//   - dashes ‐ ‑ ‒ – — ― ﹘ ﹣ － and the minus sign − -> '-' (ASCII
//     hyphen-minus is also the minus sign, so "−5" and "-5" stay the same
//     number and "5–10" becomes "5-10");
//   - white space: NBSP, the U+2000..U+200A spaces, narrow NBSP, medium
//     mathematical space, ideographic space, ogham space, tab, form feed,
//     vertical tab -> ' '; line separators (CR, NEL, U+2028, U+2029) -> '\n';
//   - dropped (kDropChar): NUL and the other C0/C1 controls, zero-width
//     space/joiners (U+200B..U+200D), word joiner U+2060, BOM/ZWNBSP U+FEFF,
//     soft hyphen U+00AD, bidi marks and embeddings (U+200E, U+200F,
//     U+202A..U+202E, U+2066..U+2069);
//   - everything else unchanged.
int32_t UnifyChar(int32_t code_point);

}  // namespace frontline::text

#endif  // FRONTLINE_LIBS_TEXT_CHAR_FOLD_H_
