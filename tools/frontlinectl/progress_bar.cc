#include "tools/frontlinectl/progress_bar.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"

namespace frontline::ctl {
namespace {

constexpr int kBarWidth = 24;
constexpr absl::Duration kRedrawInterval = absl::Milliseconds(100);
// Runs shorter than this never show a bar.
constexpr absl::Duration kShowAfter = absl::Milliseconds(500);

std::string Mebibytes(int64_t bytes) {
  return absl::StrFormat("%.1f MiB", static_cast<double>(bytes) / (1 << 20));
}

}  // namespace

std::string FormatProgress(const ProgressState& state) {
  std::string line;
  if (state.bytes_total > 0) {
    const double fraction = std::clamp(
        static_cast<double>(state.bytes_read) / state.bytes_total, 0.0, 1.0);
    const int filled = static_cast<int>(fraction * kBarWidth);
    absl::StrAppend(&line, "[", std::string(filled, '#'),
                    std::string(kBarWidth - filled, '.'), "] ",
                    absl::StrFormat("%3d%%", static_cast<int>(fraction * 100)),
                    "  ", Mebibytes(state.bytes_read), " / ",
                    Mebibytes(state.bytes_total));
  } else {
    absl::StrAppend(&line, Mebibytes(state.bytes_read));
  }
  const double seconds = absl::ToDoubleSeconds(state.elapsed);
  absl::StrAppend(&line, "  ", state.sent, " sent  ", state.acknowledged,
                  " acked");
  if (seconds > 0) {
    absl::StrAppend(
        &line, absl::StrFormat("  %.0f docs/s", state.acknowledged / seconds));
  }
  return line;
}

ProgressBar::ProgressBar(bool enabled) : enabled_(enabled) {}

std::string FormatReplayProgress(const ReplayProgressState& state) {
  const double fraction =
      state.total > 0
          ? std::clamp(static_cast<double>(state.applied) / state.total, 0.0,
                       1.0)
          : 1.0;
  const int filled = static_cast<int>(fraction * kBarWidth);
  std::string line = absl::StrCat(
      "[", std::string(filled, '#'), std::string(kBarWidth - filled, '.'), "] ",
      absl::StrFormat("%3d%%", static_cast<int>(fraction * 100)), "  ",
      state.applied, " / ", state.total, " records");
  const double seconds = absl::ToDoubleSeconds(state.elapsed);
  if (seconds > 0) {
    absl::StrAppend(
        &line, absl::StrFormat("  %.0f records/s", state.applied / seconds));
  }
  return line;
}

void ProgressBar::Update(const ProgressState& state) {
  if (!enabled_ || state.elapsed < kShowAfter) return;
  Draw(state.elapsed, FormatProgress(state));
}

void ProgressBar::Draw(absl::Duration elapsed, const std::string& line) {
  if (!enabled_ || elapsed < kShowAfter) return;
  const absl::Time now = absl::Now();
  if (now - last_draw_ < kRedrawInterval) return;
  last_draw_ = now;
  std::fprintf(stderr, "\r\033[K%s", line.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::Clear() {
  if (!drawn_) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
  drawn_ = false;
}

bool StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

}  // namespace frontline::ctl
