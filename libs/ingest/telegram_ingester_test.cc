// The Telegram ingester against a real HTTP server on 127.0.0.1 standing in
// for t.me and the Bot API, on both bus engines.
#include "libs/ingest/telegram_ingester.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/synchronization/mutex.h"
#include "gtest/gtest.h"
#include "libs/bus/testing/test_bus.h"
#include "libs/fetch/testing/test_http_server.h"
#include "libs/ingest/ingester_test_base.h"
#include "libs/pipeline/raw_documents.h"
#include "libs/pipeline/topics.h"
#include "libs/telegram/export_reader.h"
#include "libs/telegram/preview_page.h"

namespace frontline::ingest {
namespace {

using bus::testing::Engine;
using bus::testing::TestBus;

constexpr char kToken[] = "123456:SECRET-bot-token";

std::string Fixture(const std::string& name) {
  return ReadFixture(FRONTLINE_TELEGRAM_TESTDATA, name);
}

// t.me preview pages and the Bot API, as the test sets them.
class TelegramServer {
 public:
  TelegramServer() {
    httplib::Server& server = http_.server();
    server.Get("/s/DeepStateUA",
               [this](const httplib::Request& req, httplib::Response& res) {
                 absl::MutexLock lock(&mu_);
                 if (req.has_param("before")) {
                   befores_.push_back(req.get_param_value("before"));
                   res.set_content(older_, "text/html; charset=utf-8");
                 } else {
                   res.set_content(newest_, "text/html; charset=utf-8");
                 }
               });
    server.Get(absl::StrCat("/bot", kToken, "/getUpdates"),
               [this](const httplib::Request& req, httplib::Response& res) {
                 absl::MutexLock lock(&mu_);
                 offsets_.push_back(req.get_param_value("offset"));
                 int64_t offset = 0;
                 absl::SimpleAtoi(req.get_param_value("offset"), &offset);
                 res.set_content(
                     offset == 0 ? updates_ : R"({"ok":true,"result":[]})",
                     "application/json");
               });
    http_.Start();
  }
  void ServePreview(std::string newest, std::string older = "") {
    absl::MutexLock lock(&mu_);
    newest_ = std::move(newest);
    older_ = std::move(older);
  }
  void ServeUpdates(std::string updates) {
    absl::MutexLock lock(&mu_);
    updates_ = std::move(updates);
  }
  std::vector<std::string> befores() {
    absl::MutexLock lock(&mu_);
    return befores_;
  }
  std::vector<std::string> offsets() {
    absl::MutexLock lock(&mu_);
    return offsets_;
  }
  std::string base() const { return http_.Url(""); }

 private:
  absl::Mutex mu_;
  std::string newest_ ABSL_GUARDED_BY(mu_), older_ ABSL_GUARDED_BY(mu_);
  std::string updates_ ABSL_GUARDED_BY(mu_);
  std::vector<std::string> befores_ ABSL_GUARDED_BY(mu_);
  std::vector<std::string> offsets_ ABSL_GUARDED_BY(mu_);
  fetch::testing::TestHttpServer http_;  // stops first
};

class TelegramIngesterTest : public IngesterTestBase {
 protected:
  void SetUp() override {
    IngesterTestBase::SetUp();
    settings_.api_base = server_.base();
    settings_.preview_base = server_.base();
    Open();
    preview_.kind = SourceKind::kTelegramPreview;
    preview_.channel = "DeepStateUA";
    preview_.source.set_id("telegram:deepstateua");
    preview_.source.set_affiliation(v1::AFFILIATION_UKRAINIAN_MONITORING);
  }
  void TearDown() override {
    ingester_.reset();
    IngesterTestBase::TearDown();
  }
  void Open() {
    ingester_.reset();
    OpenState();
    ingester_ = std::make_unique<TelegramIngester>(bus_->bus(), *state_, gate_,
                                                   settings_);
  }

  TelegramServer server_;
  TelegramSettings settings_;
  std::unique_ptr<TelegramIngester> ingester_;
  SourceSpec preview_;
};

TEST_P(TelegramIngesterTest, PreviewPagesBackToWhatItSawAndCountsGaps) {
  const std::string page = Fixture("preview_deepstate.html");
  auto parsed = telegram::ParsePreviewPage(page);
  ASSERT_TRUE(parsed.ok());
  const size_t per_page = parsed->posts.size();
  ASSERT_GT(per_page, 1u);

  server_.ServePreview(page);
  auto first = ingester_->PollPreview(preview_);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->emitted, per_page);
  auto again = ingester_->PollPreview(preview_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->emitted, 0u);
  EXPECT_EQ(again->unchanged, per_page);
  EXPECT_TRUE(server_.befores().empty()) << "nothing new: no paging back";

  // Newer posts arrive: the newest page is all new, so it pages back.
  const std::string newer =
      absl::StrReplaceAll(page, {{"DeepStateUA/2074", "DeepStateUA/2075"}});
  server_.ServePreview(newer, page);
  auto second = ingester_->PollPreview(preview_);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->emitted, per_page);
  EXPECT_EQ(server_.befores().size(), 1u);

  auto stats = ingester_->Stats("DeepStateUA");
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->seen, int64_t(2 * per_page));
  EXPECT_EQ(stats->gaps, stats->last_id - 20743 + 1 - stats->seen);
  EXPECT_GT(stats->gaps, 0);

  // Restart everything; then an edit on the page is a new version.
  bus_->Reopen();
  Open();
  auto after = ingester_->PollPreview(preview_);
  ASSERT_TRUE(after.ok()) << after.status();
  EXPECT_EQ(after->emitted, 0u);
  const size_t cut = newer.find("tgme_widget_message_text");
  ASSERT_NE(cut, std::string::npos);
  const size_t text = newer.find('>', cut) + 1;
  std::string edited = newer;
  edited.insert(text, "UPDATE: ");
  server_.ServePreview(edited, page);
  auto edit = ingester_->PollPreview(preview_);
  ASSERT_TRUE(edit.ok()) << edit.status();
  EXPECT_EQ(edit->emitted, 1u);

  auto docs = RawDocs(2 * per_page + 1);
  ASSERT_EQ(docs.size(), 2 * per_page + 1);
  std::map<std::string, std::set<uint32_t>> versions;
  for (const v1::RawDocument& d : docs) {
    versions[d.external_id()].insert(d.version());
    EXPECT_EQ(d.source().id(), "telegram:deepstateua");
    EXPECT_EQ(d.source().affiliation(), v1::AFFILIATION_UKRAINIAN_MONITORING);
    EXPECT_EQ(d.format(), v1::RAW_FORMAT_TELEGRAM_PREVIEW_POST);
  }
  EXPECT_EQ(versions.size(), 2 * per_page);
  size_t edited_posts = 0;
  for (const auto& [id, v] : versions) {
    if (v == std::set<uint32_t>{1, 2}) ++edited_posts;
  }
  EXPECT_EQ(edited_posts, 1u);
}

TEST_P(TelegramIngesterTest, BotApiKeepsItsOffsetAndNeverShowsTheToken) {
  server_.ServeUpdates(Fixture("bot_updates.json"));
  SourceSpec bot;
  bot.kind = SourceKind::kTelegramBot;
  bot.source.set_id("telegram:bot");
  bot.source.set_affiliation(v1::AFFILIATION_INDEPENDENT);
  auto first = ingester_->PollBot(bot, kToken);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_GT(first->emitted, 0u);
  auto second = ingester_->PollBot(bot, kToken);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->emitted, 0u);
  const auto offsets = server_.offsets();
  ASSERT_EQ(offsets.size(), 2u);
  EXPECT_EQ(offsets[0], "0");
  EXPECT_EQ(offsets[1], "804113209");  // the largest update_id + 1

  // Restart: the offset survives.
  Open();
  ASSERT_TRUE(ingester_->PollBot(bot, kToken).ok());
  EXPECT_EQ(server_.offsets().back(), "804113209");

  for (const v1::RawDocument& d : RawDocs(first->emitted)) {
    EXPECT_EQ(d.format(), v1::RAW_FORMAT_TELEGRAM_BOT_API_MESSAGE);
    EXPECT_EQ(d.provenance().fetch_url().find(kToken), std::string::npos);
    EXPECT_NE(d.source().id(), "telegram:bot");  // per channel
  }

  // An unreachable API: the error names the endpoint, not the token.
  settings_.api_base = "http://127.0.0.1:1";
  Open();
  auto down = ingester_->PollBot(bot, kToken);
  ASSERT_FALSE(down.ok());
  EXPECT_EQ(std::string(down.status().message()).find(kToken),
            std::string::npos)
      << down.status();
  EXPECT_NE(down.status().message().find("<token>"), std::string::npos)
      << down.status();
}

// An import that broke off (a truncated file) keeps what it read; the full
// import afterwards adds only the rest, and a third adds nothing.
TEST_P(TelegramIngesterTest, ExportImportIsResumable) {
  SourceSpec spec;
  spec.kind = SourceKind::kTelegramExport;
  spec.channel = "DeepStateUA";
  spec.source.set_affiliation(v1::AFFILIATION_UKRAINIAN_MONITORING);
  const std::string dir = FRONTLINE_TELEGRAM_TESTDATA;
  spec.path = dir + "/export_truncated.json";
  auto broken = ingester_->ImportExport(spec);
  EXPECT_EQ(broken.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(broken.status().message().find("export_truncated.json"),
            std::string::npos);
  const size_t kept = RawDocs(1).size();
  EXPECT_GT(kept, 0u) << "posts before the break are kept";

  spec.path = dir + "/export_deepstate.json";
  int64_t last_progress = 0;
  auto full = ingester_->ImportExport(
      spec, [&](int64_t bytes) { last_progress = bytes; });
  ASSERT_TRUE(full.ok()) << full.status();
  EXPECT_EQ(full->unchanged, kept);
  EXPECT_GT(full->emitted, 0u);
  EXPECT_EQ(last_progress, int64_t(std::filesystem::file_size(spec.path)));

  Open();  // a restart
  auto again = ingester_->ImportExport(spec);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->emitted, 0u);
  EXPECT_EQ(again->unchanged, kept + full->emitted);

  auto docs = RawDocs(kept + full->emitted);
  EXPECT_EQ(docs.size(), kept + full->emitted);
  std::set<std::string> ids;
  for (const v1::RawDocument& d : docs) {
    ids.insert(d.id());
    EXPECT_EQ(d.source().id(), "telegram:deepstateua");
    EXPECT_EQ(d.source().affiliation(), v1::AFFILIATION_UKRAINIAN_MONITORING);
    EXPECT_FALSE(d.provenance().import_file().empty());
  }
  EXPECT_EQ(ids.size(), docs.size()) << "nothing emitted twice";
}

INSTANTIATE_TEST_SUITE_P(Engines, TelegramIngesterTest,
                         testing::Values(Engine::kLocal, Engine::kKafka),
                         [](const auto& info) {
                           return bus::testing::EngineName(info.param);
                         });

}  // namespace
}  // namespace frontline::ingest
