#include "libs/ingest_input/origin.h"

#include <filesystem>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace frontline::ingest_input {

bool IsUrl(absl::string_view input) {
  return absl::StartsWithIgnoreCase(input, "http://") ||
         absl::StartsWithIgnoreCase(input, "https://");
}

std::string UrlHost(absl::string_view url) {
  const size_t scheme_end = url.find("://");
  if (scheme_end == absl::string_view::npos) return "";
  absl::string_view authority = url.substr(scheme_end + 3);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  if (const size_t at = authority.rfind('@'); at != absl::string_view::npos) {
    authority.remove_prefix(at + 1);
  }
  if (absl::StartsWith(authority, "[")) {
    authority = authority.substr(0, authority.find(']') + 1);
  } else {
    authority = authority.substr(0, authority.find(':'));
  }
  std::string host = absl::AsciiStrToLower(authority);
  if (absl::StartsWith(host, "www.")) host.erase(0, 4);
  return host;
}

InputOrigin FileOrigin(absl::string_view path) {
  InputOrigin origin;
  origin.name = std::string(path);
  std::error_code error;
  std::filesystem::path absolute =
      std::filesystem::absolute(std::filesystem::path(origin.name), error);
  origin.path = (error ? std::filesystem::path(origin.name) : absolute)
                    .lexically_normal()
                    .string();
  return origin;
}

InputOrigin UrlOrigin(absl::string_view url) {
  InputOrigin origin;
  origin.name = std::string(url);
  origin.is_url = true;
  origin.url = origin.name;
  origin.final_url = origin.name;
  return origin;
}

std::string WholeInputSourceId(const InputOrigin& origin) {
  if (origin.is_url) return absl::StrCat("url:", UrlHost(origin.url));
  return absl::StrCat("file:",
                      std::filesystem::path(origin.path).filename().string());
}

}  // namespace frontline::ingest_input
