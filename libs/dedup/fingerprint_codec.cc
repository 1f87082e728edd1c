// Encoding of Fingerprint, format 2: counts and lengths as varints, hashes
// little-endian fixed width, 16 bits kept of each MinHash value (the
// anchor signature is not stored: it only makes index keys).
#include <cstring>

#include "absl/status/status.h"
#include "libs/dedup/fingerprint.h"

namespace frontline::dedup {
namespace {

constexpr uint8_t kFormat = 2;

template <typename T>
void Put(std::string& out, T v) {
  char buf[sizeof(T)];
  std::memcpy(buf, &v, sizeof(T));
  out.append(buf, sizeof(T));
}

void PutVarint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

void PutHashes(std::string& out, const std::vector<uint64_t>& v) {
  PutVarint(out, v.size());
  for (uint64_t x : v) Put<uint64_t>(out, x);
}

void PutStr(std::string& out, const std::string& s) {
  PutVarint(out, s.size());
  out.append(s);
}

class Reader {
 public:
  explicit Reader(absl::string_view in) : in_(in) {}
  template <typename T>
  bool Get(T& v) {
    if (in_.size() < sizeof(T)) return false;
    std::memcpy(&v, in_.data(), sizeof(T));
    in_.remove_prefix(sizeof(T));
    return true;
  }
  bool GetVarint(uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64 && !in_.empty(); shift += 7) {
      const auto b = static_cast<uint8_t>(in_.front());
      in_.remove_prefix(1);
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (b < 0x80) return true;
    }
    return false;
  }
  // A count of items of `width` bytes that the rest can hold.
  bool GetCount(size_t width, uint64_t& n) {
    return GetVarint(n) && n <= in_.size() / width;
  }
  bool GetHashes(std::vector<uint64_t>& v) {
    uint64_t n = 0;
    if (!GetCount(8, n)) return false;
    v.resize(n);
    for (uint64_t& x : v) Get(x);
    return true;
  }
  bool GetMinHash(std::vector<uint32_t>& v) {
    uint64_t n = 0;
    if (!GetCount(2, n)) return false;
    v.resize(n);
    for (uint32_t& x : v) {
      uint16_t low = 0;
      Get(low);
      x = low;
    }
    return true;
  }
  bool GetStr(std::string& s) {
    uint64_t n = 0;
    if (!GetCount(1, n)) return false;
    s.assign(in_.data(), n);
    in_.remove_prefix(n);
    return true;
  }
  bool done() const { return in_.empty(); }

 private:
  absl::string_view in_;
};

}  // namespace

std::string EncodeFingerprint(const Fingerprint& fp) {
  std::string out;
  Put<uint8_t>(out, kFormat);
  Put<uint64_t>(out, fp.exact);
  PutVarint(out, fp.words);
  PutVarint(out, fp.minhash.size());
  for (uint32_t v : fp.minhash) Put<uint16_t>(out, static_cast<uint16_t>(v));
  PutHashes(out, fp.anchors.numbers);
  PutHashes(out, fp.anchors.names);
  PutVarint(out, fp.anchors.quotes.size());
  for (const auto& q : fp.anchors.quotes) PutHashes(out, q);
  PutStr(out, fp.forward_of);
  PutStr(out, fp.forward_key);
  return out;
}

absl::StatusOr<Fingerprint> DecodeFingerprint(absl::string_view bytes) {
  Reader r(bytes);
  Fingerprint fp;
  uint8_t format = 0;
  uint64_t words = 0;
  uint64_t quotes = 0;
  bool ok = r.Get(format) && format == kFormat && r.Get(fp.exact) &&
            r.GetVarint(words) && words <= UINT32_MAX &&
            r.GetMinHash(fp.minhash) && r.GetHashes(fp.anchors.numbers) &&
            r.GetHashes(fp.anchors.names) && r.GetCount(1, quotes);
  fp.words = static_cast<uint32_t>(words);
  for (uint64_t i = 0; ok && i < quotes; ++i) {
    ok = r.GetHashes(fp.anchors.quotes.emplace_back());
  }
  ok = ok && r.GetStr(fp.forward_of) && r.GetStr(fp.forward_key) && r.done();
  if (!ok) return absl::DataLossError("fingerprint: malformed encoding");
  return fp;
}

}  // namespace frontline::dedup
