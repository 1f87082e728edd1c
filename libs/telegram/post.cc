#include "libs/telegram/post.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace frontline::telegram {

std::string ChannelKey(const Post& post) {
  if (!post.channel_username.empty()) {
    return absl::AsciiStrToLower(post.channel_username);
  }
  if (post.channel_id != 0) return absl::StrCat(post.channel_id);
  return "";
}

std::string ExternalId(const Post& post) {
  return absl::StrCat(ChannelKey(post), "/", post.message_id);
}

int64_t BareChannelId(int64_t chat_id) {
  constexpr int64_t kChannelBase = 1'000'000'000'000;
  if (chat_id <= -kChannelBase) return -chat_id - kChannelBase;
  return chat_id;
}

void AppendUnique(std::vector<std::string>& list, std::string item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) {
    list.push_back(std::move(item));
  }
}

}  // namespace frontline::telegram
