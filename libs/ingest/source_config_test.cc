#include "libs/ingest/source_config.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "gtest/gtest.h"

namespace frontline::ingest {
namespace {

TEST(SourceConfigTest, ReadsEveryKindWithDefaults) {
  auto config = ParseIngestConfig(R"(
defaults: {interval: 15m, trust: 3}
telegram: {api_base: "http://127.0.0.1:1", bot_token_env: MY_TOKEN}
sources:
  - id: feed:kyivindependent
    url: https://kyivindependent.com/feed
    name: The Kyiv Independent
    affiliation: ukrainian_media
    trust: 4
    interval: 5m
    fetch_articles: true
  - {id: telegram:DeepStateUA, kind: telegram_preview, channel: DeepStateUA,
     affiliation: ukrainian_monitoring}
  - {id: telegram:bot, kind: telegram_bot, affiliation: independent}
  - {id: telegram:rybar-export, kind: telegram_export, path: rybar.json,
     affiliation: russian_milblogger}
)",
                                  "/etc/frontline");
  ASSERT_TRUE(config.ok()) << config.status();
  ASSERT_EQ(config->sources.size(), 4u);
  const SourceSpec& ki = config->sources[0];
  EXPECT_EQ(ki.kind, SourceKind::kFeed);
  EXPECT_EQ(ki.url, "https://kyivindependent.com/feed");
  EXPECT_EQ(ki.source.affiliation(), v1::AFFILIATION_UKRAINIAN_MEDIA);
  EXPECT_EQ(ki.source.trust_level(), 4);
  EXPECT_EQ(ki.interval, absl::Minutes(5));
  EXPECT_TRUE(ki.fetch_articles);
  const SourceSpec& ds = config->sources[1];
  EXPECT_EQ(ds.kind, SourceKind::kTelegramPreview);
  EXPECT_EQ(ds.channel, "DeepStateUA");
  EXPECT_EQ(ds.source.trust_level(), 3);  // default
  EXPECT_EQ(ds.interval, absl::Minutes(15));
  EXPECT_EQ(config->sources[3].path, "/etc/frontline/rybar.json");
  EXPECT_EQ(config->telegram.api_base, "http://127.0.0.1:1");
}

TEST(SourceConfigTest, NamesWhatIsWrong) {
  struct Case {
    const char* yaml;
    const char* expect;
  } cases[] = {
      {"sources: [{id: a, kind: fax}]", "unknown kind"},
      {"sources: [{id: a}]", "needs url or path"},
      {"sources: [{id: a, url: x, affiliation: martian}]",
       "unknown affiliation"},
      {"sources: [{id: a, url: x}, {id: a, url: y}]", "duplicate source id"},
      {"sources: [{id: a, url: x, interval: soon}]", "not a duration"},
      {"sources: [{id: a, kind: telegram_preview}]", "needs channel"},
      {"sources: [{url: x}]", "has no id"},
      {"sources: [{id: a, url: x, trust: 9}]", "trust must be"},
      {"sources: [{id: a, url: x\n", "line"},
  };
  for (const Case& c : cases) {
    auto config = ParseIngestConfig(c.yaml, "");
    ASSERT_FALSE(config.ok()) << c.yaml;
    EXPECT_EQ(config.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(config.status().message().find(c.expect), std::string::npos)
        << c.yaml << " -> " << config.status();
  }
}

TEST(SourceConfigTest, ImportsOpmlFeedLists) {
  const std::string dir = FRONTLINE_FEEDS_TESTDATA;
  auto config = ParseIngestConfig(
      "opml: [{path: subscriptions.opml, affiliation: international_press, "
      "trust: 3}]",
      dir);
  ASSERT_TRUE(config.ok()) << config.status();
  ASSERT_FALSE(config->sources.empty());
  for (const SourceSpec& s : config->sources) {
    EXPECT_EQ(s.kind, SourceKind::kFeed);
    EXPECT_FALSE(s.url.empty());
    EXPECT_EQ(s.source.affiliation(), v1::AFFILIATION_INTERNATIONAL_PRESS);
  }
}

TEST(SourceConfigTest, ReadsTheBotTokenFromEnvironmentOrFile) {
  TelegramSettings settings{.bot_token_env = "FRONTLINE_TEST_TOKEN_X"};
  unsetenv("FRONTLINE_TEST_TOKEN_X");
  EXPECT_EQ(ReadBotToken(settings).status().code(),
            absl::StatusCode::kNotFound);
  const auto file = std::filesystem::temp_directory_path() /
                    ("token-" + std::to_string(getpid()));
  std::ofstream(file) << "123:file-token\n";
  settings.bot_token_file = file.string();
  EXPECT_EQ(*ReadBotToken(settings), "123:file-token");
  setenv("FRONTLINE_TEST_TOKEN_X", "456:env-token", 1);
  EXPECT_EQ(*ReadBotToken(settings), "456:env-token");
  unsetenv("FRONTLINE_TEST_TOKEN_X");
  std::filesystem::remove(file);
}

}  // namespace
}  // namespace frontline::ingest
