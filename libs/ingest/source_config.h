// The sources to ingest, from one YAML file:
//
//   telegram:
//     bot_token_env: FRONTLINE_TELEGRAM_TOKEN   # or bot_token_file: PATH
//     api_base: https://api.telegram.org         # overridable for tests
//     preview_base: https://t.me
//   defaults: {interval: 10m, trust: 3}
//   sources:
//     - id: feed:kyivindependent                 # unique, stable
//       kind: feed            # feed | telegram_bot | telegram_preview |
//                             # telegram_export
//       url: https://kyivindependent.com/feed
//       name: The Kyiv Independent
//       affiliation: ukrainian_media   # see Affiliation in source.proto
//       trust: 4                       # 1..5
//       language: en
//       interval: 5m
//       fetch_articles: false          # fetch item pages for summary feeds
//     - {id: feed:examples, path: examples/feed.xml}  # a feed file, re-read
//     - {id: telegram:DeepStateUA, kind: telegram_preview, channel:
//     DeepStateUA,
//        affiliation: ukrainian_monitoring}
//     - {id: telegram:export-rybar, kind: telegram_export, path: rybar.json}
//   opml:                                # feed lists to import
//     - {path: feeds.opml, affiliation: international_press, trust: 3}
//
// Relative paths are resolved against the config file's directory.
#ifndef FRONTLINE_LIBS_INGEST_SOURCE_CONFIG_H_
#define FRONTLINE_LIBS_INGEST_SOURCE_CONFIG_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "frontline/v1/source.pb.h"

namespace frontline::ingest {

enum class SourceKind {
  kFeed,
  kTelegramBot,
  kTelegramPreview,
  kTelegramExport
};

struct SourceSpec {
  v1::Source source;  // id, kind, name, url, affiliation, trust, language
  SourceKind kind = SourceKind::kFeed;
  std::string url;      // feed URL
  std::string channel;  // Telegram channel username
  std::string path;     // Telegram export file, or a feed file
  absl::Duration interval = absl::Minutes(10);
  bool fetch_articles = false;
};

struct TelegramSettings {
  std::string bot_token_env = "FRONTLINE_TELEGRAM_TOKEN";
  std::string bot_token_file;
  std::string api_base = "https://api.telegram.org";
  std::string preview_base = "https://t.me";
};

struct IngestConfig {
  std::vector<SourceSpec> sources;
  TelegramSettings telegram;
};

// kInvalidArgument naming the source and field for anything malformed:
// unknown kind or affiliation, duplicate id, a feed without url or path, a
// channel
// source without channel, an unreadable interval.
absl::StatusOr<IngestConfig> ParseIngestConfig(absl::string_view yaml,
                                               absl::string_view base_dir);
absl::StatusOr<IngestConfig> LoadIngestConfig(const std::string& path);

// The bot token: from the environment variable, else the file (trimmed).
// kNotFound when neither has one. Never logged by anything in Frontline.
absl::StatusOr<std::string> ReadBotToken(const TelegramSettings& settings);

}  // namespace frontline::ingest

#endif  // FRONTLINE_LIBS_INGEST_SOURCE_CONFIG_H_
