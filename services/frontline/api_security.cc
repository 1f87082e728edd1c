#include <cstdlib>

#include "absl/strings/ascii.h"
#include "services/frontline/commands.h"

namespace frontline {

api::ServerOptions ServerOptionsFor(const std::string& listen,
                                    const ApiSecurityFlags& security) {
  api::ServerOptions options{.listen = listen,
                             .tls_cert_file = security.tls_cert,
                             .tls_key_file = security.tls_key,
                             .tls_client_ca_file = security.tls_client_ca,
                             .bearer_token_file = security.token_file};
  if (security.token_file.empty()) {
    if (const char* token = std::getenv("FRONTLINE_API_TOKEN");
        token != nullptr) {
      options.bearer_token =
          std::string(absl::StripAsciiWhitespace(absl::string_view(token)));
    }
  }
  return options;
}

}  // namespace frontline
