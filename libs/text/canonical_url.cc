#include "libs/text/canonical_url.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "libs/text/line_reader.h"

namespace frontline::text {
namespace {

absl::Status Invalid(absl::string_view why, absl::string_view url) {
  return absl::InvalidArgumentError(
      absl::StrCat(why, ": \"", url.substr(0, 200), "\""));
}

std::string UpperPercentEscapes(absl::string_view s) {
  std::string out(s);
  for (size_t i = 0; i + 2 < out.size(); ++i) {
    if (out[i] == '%' &&
        absl::ascii_isxdigit(static_cast<unsigned char>(out[i + 1])) &&
        absl::ascii_isxdigit(static_cast<unsigned char>(out[i + 2]))) {
      out[i + 1] = absl::ascii_toupper(static_cast<unsigned char>(out[i + 1]));
      out[i + 2] = absl::ascii_toupper(static_cast<unsigned char>(out[i + 2]));
      i += 2;
    }
  }
  return out;
}

// RFC 3986 section 5.2.4: "." and ".." segments resolved.
std::string RemoveDotSegments(absl::string_view path) {
  std::vector<absl::string_view> out;
  std::vector<absl::string_view> segments = absl::StrSplit(path, '/');
  for (size_t i = 1; i < segments.size(); ++i) {
    const absl::string_view segment = segments[i];
    const bool last = i + 1 == segments.size();
    if (segment == ".") {
      if (last) out.push_back("");
    } else if (segment == "..") {
      if (!out.empty()) out.pop_back();
      if (last) out.push_back("");
    } else {
      out.push_back(segment);
    }
  }
  return absl::StrCat("/", absl::StrJoin(out, "/"));
}

bool IsTelegramHost(absl::string_view host) {
  return host == "t.me" || host == "www.t.me" || host == "telegram.me" ||
         host == "www.telegram.me";
}

// "/s/<channel>/<id>" or "/<channel>/<id>", id all digits.
bool TelegramPost(absl::string_view path, std::string& canonical) {
  std::vector<absl::string_view> parts =
      absl::StrSplit(path, '/', absl::SkipEmpty());
  if (parts.size() == 3 && parts[0] == "s") parts.erase(parts.begin());
  if (parts.size() != 2 || parts[1].empty()) return false;
  for (char c : parts[1]) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  for (char c : parts[0]) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '_') {
      return false;
    }
  }
  canonical = absl::StrCat("https://t.me/", absl::AsciiStrToLower(parts[0]),
                           "/", parts[1]);
  return true;
}

}  // namespace

absl::StatusOr<UrlCanonicalizer> UrlCanonicalizer::Load(
    const std::string& path) {
  absl::StatusOr<std::string> contents = internal::ReadFile(path);
  if (!contents.ok()) return contents.status();
  return Parse(*contents);
}

absl::StatusOr<UrlCanonicalizer> UrlCanonicalizer::Parse(
    absl::string_view contents) {
  absl::StatusOr<std::vector<internal::DataLine>> lines =
      internal::SplitDataLines(contents);
  if (!lines.ok()) return lines.status();
  UrlCanonicalizer canonicalizer;
  for (const internal::DataLine& line : *lines) {
    if (line.fields.size() != 1) {
      return absl::InvalidArgumentError(
          absl::StrCat("line ", line.number, ": expected one name"));
    }
    std::string name = absl::AsciiStrToLower(line.fields[0]);
    if (absl::EndsWith(name, "*")) {
      name.pop_back();
      canonicalizer.prefixes_.push_back(std::move(name));
    } else {
      canonicalizer.exact_.push_back(std::move(name));
    }
  }
  return canonicalizer;
}

bool UrlCanonicalizer::IsTracking(absl::string_view name) const {
  const std::string lower = absl::AsciiStrToLower(name);
  for (const std::string& exact : exact_) {
    if (lower == exact) return true;
  }
  for (const std::string& prefix : prefixes_) {
    if (absl::StartsWith(lower, prefix)) return true;
  }
  return false;
}

absl::StatusOr<std::string> UrlCanonicalizer::Canonicalize(
    absl::string_view url) const {
  const absl::string_view original = url;
  url = absl::StripAsciiWhitespace(url);
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) {
      return Invalid("URL holds white space or control characters", original);
    }
  }
  const size_t colon = url.find("://");
  if (colon == absl::string_view::npos) {
    return Invalid("not an absolute URL", original);
  }
  const std::string scheme = absl::AsciiStrToLower(url.substr(0, colon));
  if (scheme != "http" && scheme != "https") {
    return Invalid("not an http or https URL", original);
  }
  absl::string_view rest = url.substr(colon + 3);
  if (size_t hash = rest.find('#'); hash != absl::string_view::npos) {
    rest = rest.substr(0, hash);
  }
  const size_t authority_end = rest.find_first_of("/?");
  absl::string_view authority = rest.substr(0, authority_end);
  absl::string_view path_and_query = authority_end == absl::string_view::npos
                                         ? absl::string_view()
                                         : rest.substr(authority_end);
  std::string userinfo;
  if (size_t at = authority.rfind('@'); at != absl::string_view::npos) {
    userinfo = std::string(authority.substr(0, at + 1));
    authority = authority.substr(at + 1);
  }
  absl::string_view host = authority, port;
  const size_t port_colon = authority.rfind(':');
  if (port_colon != absl::string_view::npos &&
      authority.find(']', port_colon) == absl::string_view::npos) {
    host = authority.substr(0, port_colon);
    port = authority.substr(port_colon + 1);
    for (char c : port) {
      if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) {
        return Invalid("bad port", original);
      }
    }
  }
  std::string lower_host = absl::AsciiStrToLower(host);
  if (absl::EndsWith(lower_host, ".")) lower_host.pop_back();
  if (lower_host.empty()) return Invalid("URL has no host", original);
  if ((scheme == "http" && port == "80") ||
      (scheme == "https" && port == "443")) {
    port = absl::string_view();
  }

  absl::string_view path = path_and_query, query;
  if (size_t q = path_and_query.find('?'); q != absl::string_view::npos) {
    path = path_and_query.substr(0, q);
    query = path_and_query.substr(q + 1);
  }

  if (IsTelegramHost(lower_host) && userinfo.empty() && port.empty()) {
    std::string post;
    if (TelegramPost(path, post)) return post;
  }

  std::vector<std::pair<absl::string_view, absl::string_view>> params;
  for (absl::string_view param :
       absl::StrSplit(query, '&', absl::SkipEmpty())) {
    std::pair<absl::string_view, absl::string_view> kv =
        absl::StrSplit(param, absl::MaxSplits('=', 1));
    if (IsTracking(kv.first)) continue;
    params.emplace_back(param.substr(0, kv.first.size()),
                        param.substr(kv.first.size()));
  }
  std::sort(params.begin(), params.end());

  std::string out = absl::StrCat(scheme, "://", userinfo, lower_host);
  if (!port.empty()) absl::StrAppend(&out, ":", port);
  absl::StrAppend(
      &out, path.empty() ? "/" : UpperPercentEscapes(RemoveDotSegments(path)));
  if (!params.empty()) {
    out.push_back('?');
    for (size_t i = 0; i < params.size(); ++i) {
      if (i > 0) out.push_back('&');
      absl::StrAppend(&out, UpperPercentEscapes(params[i].first),
                      UpperPercentEscapes(params[i].second));
    }
  }
  return out;
}

}  // namespace frontline::text
