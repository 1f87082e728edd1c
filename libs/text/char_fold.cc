#include "libs/text/char_fold.h"

namespace frontline::text {

int32_t UnifyChar(int32_t c) {
  if (c >= 0x20 && c < 0x7F) return c == '`' ? '\'' : c;
  switch (c) {
    case '\n':
      return '\n';
    case '\r':
    case 0x0085:
    case 0x2028:
    case 0x2029:
      return '\n';
    case '\t':
    case '\v':
    case '\f':
    case 0x00A0:
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return ' ';
    case 0x00AB:  // «
    case 0x00BB:  // »
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0x201E:  // „
    case 0x201F:  // ‟
    case 0x2033:  // ″
    case 0xFF02:  // ＂
      return '"';
    case 0x00B4:  // ´
    case 0x02B9:  // ʹ
    case 0x02BC:  // ʼ
    case 0x2018:  // ‘
    case 0x2019:  // ’
    case 0x201A:  // ‚
    case 0x201B:  // ‛
    case 0x2032:  // ′
    case 0xFF07:  // ＇
      return '\'';
    case 0x2010:  // ‐
    case 0x2011:  // ‑
    case 0x2012:  // ‒
    case 0x2013:  // –
    case 0x2014:  // —
    case 0x2015:  // ―
    case 0x2212:  // −
    case 0xFE58:  // ﹘
    case 0xFE63:  // ﹣
    case 0xFF0D:  // －
      return '-';
    case 0x00AD:
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x200E:
    case 0x200F:
    case 0x2060:
    case 0xFEFF:
      return kDropChar;
    default:
      break;
  }
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return kDropChar;
  if (c >= 0x2000 && c <= 0x200A) return ' ';
  if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
    return kDropChar;
  }
  return c;
}

}  // namespace frontline::text
