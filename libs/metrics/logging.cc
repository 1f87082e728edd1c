#include <chrono>
#include <exception>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "libs/metrics/metrics.h"
#include "spdlog/formatter.h"
#include "spdlog/sinks/stdout_sinks.h"
#include "spdlog/spdlog.h"

namespace frontline::metrics {
namespace {

void Append(spdlog::memory_buf_t& out, absl::string_view s) {
  out.append(s.data(), s.data() + s.size());
}

// Length of the valid UTF-8 sequence at s[i], or 0 when it is not one.
size_t Utf8Length(absl::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  size_t n;
  uint32_t min;
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) {
    n = 2;
    min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3;
    min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  uint32_t cp = c & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

void AppendJsonString(spdlog::memory_buf_t& out, absl::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
      ++i;
    } else if (c == '\n') {
      Append(out, "\\n");
      ++i;
    } else if (c == '\r') {
      Append(out, "\\r");
      ++i;
    } else if (c == '\t') {
      Append(out, "\\t");
      ++i;
    } else if (c < 0x20 || c == 0x7F) {
      const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
      out.append(escape, escape + sizeof(escape));
      ++i;
    } else if (size_t n = Utf8Length(s, i); n > 0) {
      out.append(s.data() + i, s.data() + i + n);
      i += n;
    } else {
      Append(out, "\\ufffd");
      ++i;
    }
  }
  out.push_back('"');
}

class JsonFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg,
              spdlog::memory_buf_t& dest) override {
    const std::string time =
        absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", absl::FromChrono(msg.time),
                         absl::UTCTimeZone());
    const auto level = spdlog::level::to_string_view(msg.level);
    Append(dest, "{\"time\":");
    AppendJsonString(dest, time);
    Append(dest, ",\"level\":");
    AppendJsonString(dest, absl::string_view(level.data(), level.size()));
    Append(dest, ",\"logger\":");
    AppendJsonString(dest, absl::string_view(msg.logger_name.data(),
                                             msg.logger_name.size()));
    Append(dest, ",\"message\":");
    AppendJsonString(dest,
                     absl::string_view(msg.payload.data(), msg.payload.size()));
    Append(dest, "}\n");
  }

  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<JsonFormatter>();
  }
};

}  // namespace

absl::StatusOr<LogFormat> ParseLogFormat(absl::string_view text) {
  if (text == "plain") return LogFormat::kPlain;
  if (text == "json") return LogFormat::kJson;
  return absl::InvalidArgumentError(
      absl::StrCat("log format \"", text, "\" is neither plain nor json"));
}

std::unique_ptr<spdlog::formatter> MakeJsonFormatter() {
  return std::make_unique<JsonFormatter>();
}

absl::Status ConfigureLogging(LogFormat format, absl::string_view level) {
  const std::string name(level.data(), level.size());
  const spdlog::level::level_enum parsed = spdlog::level::from_str(name);
  // from_str answers "off" for anything it does not know.
  if (parsed == spdlog::level::off && name != "off") {
    return absl::InvalidArgumentError(
        absl::StrCat("unknown log level \"", level, "\""));
  }
  try {
    auto logger = std::make_shared<spdlog::logger>(
        "frontline", std::make_shared<spdlog::sinks::stderr_sink_mt>());
    if (format == LogFormat::kJson) logger->set_formatter(MakeJsonFormatter());
    logger->set_level(parsed);
    spdlog::set_default_logger(std::move(logger));
  } catch (const std::exception& e) {
    return absl::InternalError(absl::StrCat("logging: ", e.what()));
  }
  return absl::OkStatus();
}

}  // namespace frontline::metrics
