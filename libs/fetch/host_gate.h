// Politeness per host: at most `max_concurrent` requests to one host at a
// time, and at least `min_interval` between the starts of two requests to it.
// Thread-safe.
#ifndef FRONTLINE_LIBS_FETCH_HOST_GATE_H_
#define FRONTLINE_LIBS_FETCH_HOST_GATE_H_

#include <map>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace frontline::fetch {

struct PolitenessOptions {
  int max_concurrent = 2;
  absl::Duration min_interval = absl::Seconds(1);
};

class HostGate {
 public:
  explicit HostGate(PolitenessOptions options) : options_(options) {}

  // Held for the duration of one request.
  class Permit {
   public:
    Permit(Permit&& other) noexcept
        : gate_(other.gate_), host_(std::move(other.host_)) {
      other.gate_ = nullptr;
    }
    ~Permit();

   private:
    friend class HostGate;
    Permit(HostGate* gate, std::string host)
        : gate_(gate), host_(std::move(host)) {}
    HostGate* gate_;
    std::string host_;
  };

  // Blocks until a request to `host` may start.
  Permit Acquire(absl::string_view host);

  // The host part of an http(s) URL, lower-cased; the URL itself if none.
  static std::string HostOf(absl::string_view url);

 private:
  struct HostState {
    int active = 0;
    absl::Time next_start = absl::InfinitePast();
  };
  void Release(const std::string& host);

  const PolitenessOptions options_;
  absl::Mutex mu_;
  std::map<std::string, HostState, std::less<>> hosts_ ABSL_GUARDED_BY(mu_);
  uint64_t releases_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace frontline::fetch

#endif  // FRONTLINE_LIBS_FETCH_HOST_GATE_H_
