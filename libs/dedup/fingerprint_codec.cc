// Encoding of Fingerprint: little-endian fixed-width fields, each vector
// prefixed by its length (uint32), strings likewise.
#include <cstring>

#include "absl/status/status.h"
#include "libs/dedup/fingerprint.h"

namespace frontline::dedup {
namespace {

constexpr uint8_t kFormat = 1;

template <typename T>
void Put(std::string& out, T v) {
  char buf[sizeof(T)];
  std::memcpy(buf, &v, sizeof(T));
  out.append(buf, sizeof(T));
}

template <typename T>
void PutVec(std::string& out, const std::vector<T>& v) {
  Put<uint32_t>(out, static_cast<uint32_t>(v.size()));
  for (T x : v) Put<T>(out, x);
}

void PutStr(std::string& out, const std::string& s) {
  Put<uint32_t>(out, static_cast<uint32_t>(s.size()));
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
  template <typename T>
  bool GetVec(std::vector<T>& v) {
    uint32_t n = 0;
    if (!Get(n) || in_.size() / sizeof(T) < n) return false;
    v.resize(n);
    for (T& x : v) Get(x);
    return true;
  }
  bool GetStr(std::string& s) {
    uint32_t n = 0;
    if (!Get(n) || in_.size() < n) return false;
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
  Put<uint32_t>(out, fp.words);
  PutVec(out, fp.minhash);
  PutVec(out, fp.anchor_minhash);
  PutVec(out, fp.anchors.numbers);
  PutVec(out, fp.anchors.names);
  Put<uint32_t>(out, static_cast<uint32_t>(fp.anchors.quotes.size()));
  for (const auto& q : fp.anchors.quotes) PutVec(out, q);
  PutStr(out, fp.forward_of);
  PutStr(out, fp.forward_key);
  return out;
}

absl::StatusOr<Fingerprint> DecodeFingerprint(absl::string_view bytes) {
  Reader r(bytes);
  Fingerprint fp;
  uint8_t format = 0;
  uint32_t quotes = 0;
  bool ok = r.Get(format) && format == kFormat && r.Get(fp.exact) &&
            r.Get(fp.words) && r.GetVec(fp.minhash) &&
            r.GetVec(fp.anchor_minhash) && r.GetVec(fp.anchors.numbers) &&
            r.GetVec(fp.anchors.names) && r.Get(quotes);
  if (ok && quotes > bytes.size()) ok = false;
  for (uint32_t i = 0; ok && i < quotes; ++i) {
    std::vector<uint64_t> q;
    ok = r.GetVec(q);
    fp.anchors.quotes.push_back(std::move(q));
  }
  ok = ok && r.GetStr(fp.forward_of) && r.GetStr(fp.forward_key) && r.done();
  if (!ok) return absl::DataLossError("fingerprint: malformed encoding");
  return fp;
}

}  // namespace frontline::dedup
