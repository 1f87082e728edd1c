#include "libs/telegram/utf8.h"

#include <cstddef>

namespace frontline::telegram {
namespace {

constexpr absl::string_view kReplacement = "\xEF\xBF\xBD";

// Length of the well-formed sequence at `p` (1..4); or, negated, the length
// of its maximal ill-formed subpart (at least 1); or 0 when the bytes so far
// are a valid but incomplete prefix that reaches the end of the input.
int ClassifySequence(const unsigned char* p, size_t n) {
  const unsigned char b = p[0];
  if (b < 0x80) return 1;
  int length;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b >= 0xC2 && b <= 0xDF) {
    length = 2;
  } else if (b >= 0xE0 && b <= 0xEF) {
    length = 3;
    if (b == 0xE0) lo = 0xA0;
    if (b == 0xED) hi = 0x9F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    length = 4;
    if (b == 0xF0) lo = 0x90;
    if (b == 0xF4) hi = 0x8F;
  } else {
    return -1;
  }
  for (int i = 1; i < length; ++i) {
    if (static_cast<size_t>(i) >= n) return 0;
    const unsigned char c = p[i];
    const unsigned char min = i == 1 ? lo : 0x80;
    const unsigned char max = i == 1 ? hi : 0xBF;
    if (c < min || c > max) return -i;
  }
  return length;
}

// Repairs the longest prefix of [data, data+n) that can be judged now and
// returns its length; the rest is an incomplete sequence, unless `final`.
size_t RepairPrefix(const char* data, size_t n, bool final, std::string& out,
                    int64_t& replacements) {
  const auto* p = reinterpret_cast<const unsigned char*>(data);
  size_t i = 0;
  size_t run_start = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    const int verdict = ClassifySequence(p + i, n - i);
    if (verdict > 0) {
      i += verdict;
      continue;
    }
    out.append(data + run_start, i - run_start);
    if (verdict == 0 && !final) return i;
    out.append(kReplacement.data(), kReplacement.size());
    ++replacements;
    i += verdict == 0 ? n - i : static_cast<size_t>(-verdict);
    run_start = i;
  }
  out.append(data + run_start, n - run_start);
  return n;
}

}  // namespace

void Utf8Repairer::Append(absl::string_view chunk, std::string& out) {
  if (pending_.empty()) {
    const size_t used =
        RepairPrefix(chunk.data(), chunk.size(), false, out, replacements_);
    pending_.assign(chunk.data() + used, chunk.size() - used);
    return;
  }
  std::string joined = pending_;
  joined.append(chunk.data(), chunk.size());
  const size_t used =
      RepairPrefix(joined.data(), joined.size(), false, out, replacements_);
  pending_ = joined.substr(used);
}

void Utf8Repairer::Finish(std::string& out) {
  RepairPrefix(pending_.data(), pending_.size(), true, out, replacements_);
  pending_.clear();
}

std::string RepairUtf8(absl::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  int64_t replacements = 0;
  RepairPrefix(bytes.data(), bytes.size(), true, out, replacements);
  return out;
}

}  // namespace frontline::telegram
