#include "libs/fetch/host_gate.h"

#include "absl/strings/ascii.h"
#include "absl/time/clock.h"

namespace frontline::fetch {

HostGate::Permit::~Permit() {
  if (gate_ != nullptr) gate_->Release(host_);
}

HostGate::Permit HostGate::Acquire(absl::string_view host) {
  const std::string key(host);
  absl::MutexLock lock(&mu_);
  while (true) {
    HostState& state = hosts_[key];
    const absl::Time now = absl::Now();
    if (state.active < options_.max_concurrent && now >= state.next_start) {
      ++state.active;
      state.next_start = now + options_.min_interval;
      return Permit(this, key);
    }
    // Woken by a release, or when the interval has passed.
    const absl::Time wake = state.active < options_.max_concurrent
                                ? state.next_start
                                : absl::InfiniteFuture();
    const uint64_t seen = releases_;
    auto released = [this, seen]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
      return releases_ != seen;
    };
    mu_.AwaitWithDeadline(absl::Condition(&released), wake);
  }
}

void HostGate::Release(const std::string& host) {
  absl::MutexLock lock(&mu_);
  --hosts_[host].active;
  ++releases_;
}

std::string HostGate::HostOf(absl::string_view url) {
  size_t start = url.find("://");
  start = start == absl::string_view::npos ? 0 : start + 3;
  size_t end = url.find_first_of("/?#", start);
  absl::string_view authority = url.substr(start, end - start);
  if (size_t at = authority.rfind('@'); at != absl::string_view::npos) {
    authority.remove_prefix(at + 1);
  }
  return absl::AsciiStrToLower(authority);
}

}  // namespace frontline::fetch
