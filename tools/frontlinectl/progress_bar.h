// A one-line progress display on stderr for long ingests (bytes read of the
// total, documents sent and acknowledged, the rate) and replays (records
// applied of the total). Shown only when
// stderr is a terminal and the work has run for a moment, so short runs and
// redirected output stay clean. Not thread-safe: one thread updates it.
#ifndef FRONTLINE_TOOLS_FRONTLINECTL_PROGRESS_BAR_H_
#define FRONTLINE_TOOLS_FRONTLINECTL_PROGRESS_BAR_H_

#include <cstdint>
#include <string>

#include "absl/time/time.h"

namespace frontline::ctl {

struct ProgressState {
  int64_t bytes_read = 0;
  int64_t bytes_total = -1;  // unknown when negative
  int64_t sent = 0;
  int64_t acknowledged = 0;
  absl::Duration elapsed;
};

// The line shown for `state`, without control characters.
std::string FormatProgress(const ProgressState& state);

// A replay: records applied of those behind the end of the topic when it
// started.
struct ReplayProgressState {
  int64_t applied = 0;
  int64_t total = 0;
  absl::Duration elapsed;
};
std::string FormatReplayProgress(const ReplayProgressState& state);

class ProgressBar {
 public:
  // `enabled` false makes every call a no-op.
  explicit ProgressBar(bool enabled);
  // Redraws at most ten times a second.
  void Update(const ProgressState& state);
  // Shows `line` (made by one of the Format functions) for work running
  // `elapsed`, with the same limits as Update.
  void Draw(absl::Duration elapsed, const std::string& line);
  // Erases the line, if one was drawn.
  void Clear();

 private:
  bool enabled_;
  bool drawn_ = false;
  absl::Time last_draw_ = absl::InfinitePast();
};

// True when file descriptor 2 is a terminal.
bool StderrIsTerminal();

}  // namespace frontline::ctl

#endif  // FRONTLINE_TOOLS_FRONTLINECTL_PROGRESS_BAR_H_
