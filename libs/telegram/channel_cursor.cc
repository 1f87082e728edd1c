#include "libs/telegram/channel_cursor.h"

#include <iterator>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace frontline::telegram {

void ChannelCursor::Observe(int64_t id) {
  if (id <= 0) return;
  auto next = seen_.upper_bound(id);
  if (next != seen_.begin()) {
    auto run = std::prev(next);
    if (id <= run->second) return;
    if (id == run->second + 1) {
      run->second = id;
      ++seen_count_;
      if (next != seen_.end() && next->first == id + 1) {
        run->second = next->second;
        seen_.erase(next);
      }
      return;
    }
  }
  ++seen_count_;
  if (next != seen_.end() && next->first == id + 1) {
    const int64_t last = next->second;
    seen_.erase(next);
    seen_.emplace(id, last);
    return;
  }
  seen_.emplace(id, id);
}

int64_t ChannelCursor::last_id() const {
  return seen_.empty() ? 0 : seen_.rbegin()->second;
}

int64_t ChannelCursor::first_id() const {
  return seen_.empty() ? 0 : seen_.begin()->first;
}

int64_t ChannelCursor::gap_count() const {
  if (seen_.empty()) return 0;
  return last_id() - first_id() + 1 - seen_count_;
}

std::vector<IdRange> ChannelCursor::gaps() const {
  std::vector<IdRange> result;
  for (auto it = seen_.begin(); it != seen_.end(); ++it) {
    auto next = std::next(it);
    if (next == seen_.end()) break;
    result.push_back({it->second + 1, next->first - 1});
  }
  return result;
}

std::vector<int64_t> ChannelCursor::MissingIds(size_t limit) const {
  std::vector<int64_t> ids;
  for (const IdRange& gap : gaps()) {
    for (int64_t id = gap.first; id <= gap.last; ++id) {
      if (ids.size() >= limit) return ids;
      ids.push_back(id);
    }
  }
  return ids;
}

std::string ChannelCursor::Encode() const {
  std::string out;
  for (const auto& [first, last] : seen_) {
    if (!out.empty()) out.push_back(',');
    absl::StrAppend(&out, first, "-", last);
  }
  return out;
}

absl::StatusOr<ChannelCursor> ChannelCursor::Decode(absl::string_view encoded) {
  ChannelCursor cursor;
  if (encoded.empty()) return cursor;
  int64_t previous_last = 0;
  for (absl::string_view run : absl::StrSplit(encoded, ',')) {
    std::pair<absl::string_view, absl::string_view> ends =
        absl::StrSplit(run, absl::MaxSplits('-', 1));
    int64_t first = 0, last = 0;
    if (!absl::SimpleAtoi(ends.first, &first) ||
        !absl::SimpleAtoi(ends.second, &last) || first <= previous_last ||
        last < first) {
      return absl::DataLossError(
          absl::StrCat("channel cursor: bad run \"", run, "\""));
    }
    cursor.seen_.emplace(first, last);
    cursor.seen_count_ += last - first + 1;
    previous_last = last + 1;
  }
  return cursor;
}

}  // namespace frontline::telegram
