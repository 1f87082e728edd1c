#include "libs/ingest/source_config.h"

#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "libs/feeds/opml.h"

namespace frontline::ingest {
namespace {

std::string Resolve(absl::string_view base_dir, const std::string& path) {
  std::filesystem::path p(path);
  if (p.is_absolute() || base_dir.empty()) return path;
  return (std::filesystem::path(std::string(base_dir)) / p).string();
}

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Applies the fields every source may carry; `where` names it in errors.
absl::Status ReadCommon(const YAML::Node& node, const std::string& where,
                        const YAML::Node& defaults, SourceSpec& spec) {
  auto field = [&](const char* name) {
    return node[name] ? node[name] : defaults[name];
  };
  if (auto v = field("name")) spec.source.set_name(v.as<std::string>());
  if (auto v = field("language")) spec.source.set_language(v.as<std::string>());
  if (auto v = field("trust")) {
    int trust = v.as<int>();
    if (trust < 0 || trust > 5) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": trust must be 0..5, not ", trust));
    }
    spec.source.set_trust_level(trust);
  }
  if (auto v = field("affiliation")) {
    std::string name = absl::StrCat("AFFILIATION_",
                                    absl::AsciiStrToUpper(v.as<std::string>()));
    v1::Affiliation affiliation;
    if (!v1::Affiliation_Parse(name, &affiliation)) {
      return absl::InvalidArgumentError(absl::StrCat(
          where, ": unknown affiliation \"", v.as<std::string>(), "\""));
    }
    spec.source.set_affiliation(affiliation);
  }
  if (auto v = field("interval")) {
    absl::Duration interval;
    if (!absl::ParseDuration(v.as<std::string>(), &interval) ||
        interval <= absl::ZeroDuration()) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": interval \"", v.as<std::string>(),
                       "\" is not a duration such as 30s, 5m or 1h"));
    }
    spec.interval = interval;
  }
  if (auto v = field("fetch_articles")) spec.fetch_articles = v.as<bool>();
  return absl::OkStatus();
}

absl::StatusOr<IngestConfig> Parse(const YAML::Node& root,
                                   absl::string_view base_dir) {
  IngestConfig config;
  if (!root.IsMap()) {
    return absl::InvalidArgumentError("ingest config: expected a mapping");
  }
  const YAML::Node defaults =
      root["defaults"] ? root["defaults"] : YAML::Node(YAML::NodeType::Map);
  if (const YAML::Node t = root["telegram"]) {
    TelegramSettings& s = config.telegram;
    if (t["bot_token_env"])
      s.bot_token_env = t["bot_token_env"].as<std::string>();
    if (t["bot_token_file"]) {
      s.bot_token_file =
          Resolve(base_dir, t["bot_token_file"].as<std::string>());
    }
    if (t["api_base"]) s.api_base = t["api_base"].as<std::string>();
    if (t["preview_base"]) s.preview_base = t["preview_base"].as<std::string>();
  }
  std::set<std::string> ids;
  auto add = [&](SourceSpec spec) -> absl::Status {
    if (!ids.insert(spec.source.id()).second) {
      return absl::InvalidArgumentError(absl::StrCat(
          "ingest config: duplicate source id ", spec.source.id()));
    }
    config.sources.push_back(std::move(spec));
    return absl::OkStatus();
  };
  const YAML::Node sources = root["sources"];
  for (size_t i = 0; sources && i < sources.size(); ++i) {
    const YAML::Node node = sources[i];
    SourceSpec spec;
    if (!node["id"]) {
      return absl::InvalidArgumentError(
          absl::StrCat("ingest config: source #", i + 1, " has no id"));
    }
    spec.source.set_id(node["id"].as<std::string>());
    const std::string where = absl::StrCat("source ", spec.source.id());
    const std::string kind =
        node["kind"] ? node["kind"].as<std::string>() : "feed";
    if (kind == "feed") {
      spec.kind = SourceKind::kFeed;
      spec.source.set_kind(v1::SOURCE_KIND_FEED);
      if (node["url"]) {
        spec.url = node["url"].as<std::string>();
      } else if (node["path"]) {
        spec.path = Resolve(base_dir, node["path"].as<std::string>());
      } else {
        return absl::InvalidArgumentError(
            absl::StrCat(where, ": needs url or path"));
      }
    } else if (kind == "telegram_bot" || kind == "telegram_preview") {
      spec.kind = kind == "telegram_bot" ? SourceKind::kTelegramBot
                                         : SourceKind::kTelegramPreview;
      spec.source.set_kind(v1::SOURCE_KIND_TELEGRAM);
      if (node["channel"]) spec.channel = node["channel"].as<std::string>();
      if (spec.kind == SourceKind::kTelegramPreview && spec.channel.empty()) {
        return absl::InvalidArgumentError(
            absl::StrCat(where, ": needs channel"));
      }
    } else if (kind == "telegram_export") {
      spec.kind = SourceKind::kTelegramExport;
      spec.source.set_kind(v1::SOURCE_KIND_TELEGRAM);
      if (!node["path"]) {
        return absl::InvalidArgumentError(absl::StrCat(where, ": needs path"));
      }
      spec.path = Resolve(base_dir, node["path"].as<std::string>());
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": unknown kind \"", kind, "\""));
    }
    if (node["url"]) spec.source.set_url(node["url"].as<std::string>());
    if (absl::Status s = ReadCommon(node, where, defaults, spec); !s.ok()) {
      return s;
    }
    // getUpdates waits on the server side itself: poll again at once.
    if (spec.kind == SourceKind::kTelegramBot && !node["interval"]) {
      spec.interval = absl::Seconds(1);
    }
    if (absl::Status s = add(std::move(spec)); !s.ok()) return s;
  }
  const YAML::Node opml = root["opml"];
  for (size_t i = 0; opml && i < opml.size(); ++i) {
    const YAML::Node node = opml[i];
    if (!node["path"]) {
      return absl::InvalidArgumentError(
          absl::StrCat("ingest config: opml #", i + 1, " has no path"));
    }
    const std::string path = Resolve(base_dir, node["path"].as<std::string>());
    auto bytes = ReadFile(path);
    if (!bytes.ok()) return bytes.status();
    auto doc = feeds::ParseOpml(*bytes);
    if (!doc.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("opml ", path, ": ", doc.status().message()));
    }
    for (const feeds::FeedSubscription& feed : doc->feeds) {
      SourceSpec spec;
      spec.source = feeds::ToSource(feed);
      spec.kind = SourceKind::kFeed;
      spec.url = feed.xml_url;
      if (absl::Status s = ReadCommon(
              node, absl::StrCat("opml ", path, " feed ", feed.xml_url),
              defaults, spec);
          !s.ok()) {
        return s;
      }
      if (absl::Status s = add(std::move(spec)); !s.ok()) return s;
    }
  }
  return config;
}

}  // namespace

absl::StatusOr<IngestConfig> ParseIngestConfig(absl::string_view yaml,
                                               absl::string_view base_dir) {
  try {
    return Parse(YAML::Load(std::string(yaml)), base_dir);
  } catch (const YAML::Exception& e) {
    return absl::InvalidArgumentError(
        absl::StrCat("ingest config: line ", e.mark.line + 1, ": ", e.msg));
  }
}

absl::StatusOr<IngestConfig> LoadIngestConfig(const std::string& path) {
  auto yaml = ReadFile(path);
  if (!yaml.ok()) return yaml.status();
  auto config = ParseIngestConfig(
      *yaml, std::filesystem::path(path).parent_path().string());
  if (!config.ok()) {
    return absl::Status(config.status().code(),
                        absl::StrCat(path, ": ", config.status().message()));
  }
  return config;
}

absl::StatusOr<std::string> ReadBotToken(const TelegramSettings& settings) {
  if (!settings.bot_token_env.empty()) {
    if (const char* token = std::getenv(settings.bot_token_env.c_str());
        token != nullptr && *token != '\0') {
      return std::string(absl::StripAsciiWhitespace(token));
    }
  }
  if (!settings.bot_token_file.empty()) {
    auto token = ReadFile(settings.bot_token_file);
    if (token.ok()) {
      std::string trimmed(absl::StripAsciiWhitespace(*token));
      if (!trimmed.empty()) return trimmed;
    }
  }
  return absl::NotFoundError(absl::StrCat(
      "no Telegram bot token: set $", settings.bot_token_env,
      settings.bot_token_file.empty()
          ? ""
          : absl::StrCat(" or write it to ", settings.bot_token_file)));
}

}  // namespace frontline::ingest
