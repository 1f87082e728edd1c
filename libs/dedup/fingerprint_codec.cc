// Encoding of Fingerprint, format 2: counts and lengths as varints, hashes
// little-endian fixed width, 16 bits kept of each MinHash value (the
// anchor signature is not stored: it only makes index keys).
#include <cstring>

#include "absl/status/status.h"
#include "libs/dedup/fingerprint.h"
#include "libs/dedup/varint.h"

namespace frontline::dedup {
namespace {

constexpr uint8_t kFormat = 2;

template <typename T>
void Put(std::string& out, T v) {
  char buf[sizeof(T)];
  std::memcpy(buf, &v, sizeof(T));
  out.append(buf, sizeof(T));
}

void PutHashes(std::string& out, const std::vector<uint64_t>& v) {
  PutVarint(out, v.size());
  for (uint64_t x : v) Put<uint64_t>(out, x);
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
  bool GetVarint(uint64_t& v) { return dedup::GetVarint(in_, v); }
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
  bool GetStr(std::string& s) { return GetLengthPrefixed(in_, s); }
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
  PutLengthPrefixed(out, fp.forward_of);
  PutLengthPrefixed(out, fp.forward_key);
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
