#include "tools/frontlinectl/channel.h"

#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/api/server.h"

namespace frontline::ctl {

absl::StatusOr<api::ChannelOptions> ChannelOptionsFor(
    const GlobalFlags& global) {
  api::ChannelOptions options{.tls = global.tls,
                              .tls_ca_file = global.tls_ca,
                              .tls_cert_file = global.tls_cert,
                              .tls_key_file = global.tls_key};
  if (!global.token_file.empty()) {
    auto token = api::ReadTokenFile(global.token_file);
    if (!token.ok()) return token.status();
    options.bearer_token = *std::move(token);
  } else if (const char* token = std::getenv("FRONTLINE_API_TOKEN");
             token != nullptr) {
    options.bearer_token =
        std::string(absl::StripAsciiWhitespace(absl::string_view(token)));
  }
  return options;
}

absl::StatusOr<std::shared_ptr<grpc::Channel>> ConnectChannel(
    const GlobalFlags& global) {
  auto options = ChannelOptionsFor(global);
  if (!options.ok()) return options.status();
  auto channel = api::MakeChannel(global.server, *options);
  if (!channel.ok()) return channel.status();
  const absl::Duration timeout = absl::Seconds(global.timeout_seconds);
  if (!(*channel)->WaitForConnected(
          absl::ToChronoTime(absl::Now() + timeout))) {
    return absl::UnavailableError(
        absl::StrCat("cannot reach the server at ", global.server, " within ",
                     absl::FormatDuration(timeout),
                     options->tls ? " (or the TLS handshake failed)" : ""));
  }
  return *std::move(channel);
}

}  // namespace frontline::ctl
