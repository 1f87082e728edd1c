// The normalize stage on both engines: raw documents in every body format
// become Documents with text, language, places and claims; poison goes to
// the dead-letter topic and the stream goes on.
#include "libs/normalize/normalize_stage.h"

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "libs/bus/cloud_events.h"
#include "libs/bus/testing/test_bus.h"
#include "libs/pipeline/raw_documents.h"
#include "libs/pipeline/topics.h"

namespace frontline::normalize {
namespace {

using bus::testing::Engine;
using bus::testing::TestBus;

NormalizerData Data() {
  const std::string root = FRONTLINE_SOURCE_DIR;
  return {.places_tsv = root + "/libs/gazetteer/data/places.tsv",
          .extract_dir = root + "/libs/extract/data",
          .text_dir = root + "/libs/text/data"};
}

v1::RawDocument Raw(const std::string& external_id, v1::RawFormat format,
                    const std::string& content_type, const std::string& body) {
  v1::RawDocument raw;
  raw.mutable_source()->set_id("test:" + external_id);
  raw.set_external_id(external_id);
  raw.set_version(1);
  raw.set_format(format);
  raw.set_content_type(content_type);
  raw.set_body(body);
  raw.set_url("https://example.org/" + external_id + "?utm_source=x#top");
  raw.mutable_published_time()->set_seconds(1736121600);  // 2025-01-06
  raw.set_id(pipeline::RawDocumentId(raw));
  return raw;
}

class NormalizeStageTest : public testing::TestWithParam<Engine> {
 protected:
  static void SetUpTestSuite() {
    auto n = Normalizer::Load(Data());
    ASSERT_TRUE(n.ok()) << n.status();
    normalizer_ = n->release();
  }
  void SetUp() override {
    bus_ = std::make_unique<TestBus>(GetParam());
    for (const auto& spec : pipeline::PipelineTopics(2)) {
      ASSERT_TRUE(bus_->CreateTopic(spec).ok());
    }
  }
  void Send(const v1::RawDocument& raw) {
    auto r = bus_->bus().ProduceSync(pipeline::RawDocumentMessage(raw, "/test"),
                                     absl::Seconds(30));
    ASSERT_TRUE(r.ok() && r->status.ok());
  }
  static Normalizer* normalizer_;
  std::unique_ptr<TestBus> bus_;
};
Normalizer* NormalizeStageTest::normalizer_ = nullptr;

TEST_P(NormalizeStageTest, NormalizesEveryFormatAndParksPoison) {
  Send(Raw("article", v1::RAW_FORMAT_HTML, "text/html; charset=utf-8",
           "<html><body><nav>Home | World | Subscribe</nav><article>"
           "<h1>Russia claims Kurakhove</h1><p>By Jane Doe</p>"
           "<p>The Russian Ministry of Defense claimed on Monday that its "
           "forces had seized control of Kurakhove.</p>"
           "<p>Ukraine's military did not comment.</p></article>"
           "<footer>Subscribe to our newsletter</footer></body></html>"));
  Send(Raw("post", v1::RAW_FORMAT_TELEGRAM_PREVIEW_POST,
           "text/plain; charset=utf-8",
           "Ворог продовжує штурмувати Курахове. Бої тривають на околицях "
           "міста.\n\n#DeepState 👉 @DeepStateUA"));
  Send(Raw("plain", v1::RAW_FORMAT_PLAIN_TEXT, "text/plain",
           "Ukrainian forces launched a renewed offensive in the Kursk region "
           "near Sudzha, officials said."));
  Send(Raw("empty", v1::RAW_FORMAT_HTML, "text/html",
           "<html><body><nav>Home</nav></body></html>"));
  bus::Message poison = pipeline::RawDocumentMessage(
      Raw("poison", v1::RAW_FORMAT_PLAIN_TEXT, "text/plain", "x"), "/test");
  poison.value = "\x0a\xff\xff\xff garbage";
  ASSERT_TRUE(bus_->bus().ProduceSync(poison, absl::Seconds(30)).ok());

  uint64_t durable = 0;
  auto stage = NormalizeStage::Create(
      bus_->bus(), *normalizer_,
      {.on_output = [&durable](uint64_t n) { durable += n; }});
  ASSERT_TRUE(stage.ok()) << stage.status();
  const absl::Time deadline = absl::Now() + absl::Seconds(60);
  while ((*stage)->counters().handled + (*stage)->counters().dead_lettered <
             5 &&
         absl::Now() < deadline) {
    ASSERT_TRUE((*stage)->RunOnce().ok());
  }
  EXPECT_EQ((*stage)->counters().handled, 3u);
  EXPECT_EQ((*stage)->counters().dead_lettered, 2u);
  EXPECT_EQ(durable, 3u);

  std::map<std::string, v1::Document> docs;
  for (const bus::Record& r : bus_->ReadAll(pipeline::kDocsTopic, 3)) {
    v1::Document doc;
    ASSERT_TRUE(doc.ParseFromString(r.value));
    EXPECT_EQ(bus::FindHeader(r.headers, bus::kCeType),
              "frontline.v1.Document");
    docs[doc.external_id()] = doc;
  }
  ASSERT_EQ(docs.size(), 3u);
  const v1::Document& article = docs["article"];
  EXPECT_EQ(article.title(), "Russia claims Kurakhove");
  EXPECT_EQ(article.text().find("Subscribe"), std::string::npos);
  EXPECT_EQ(article.text().find("Jane Doe"), std::string::npos);
  EXPECT_EQ(article.language(), "en");
  EXPECT_EQ(article.canonical_url(), "https://example.org/article");
  ASSERT_FALSE(article.places().empty());
  EXPECT_EQ(article.places(0).place_id(), "ua.donetsk.kurakhove");
  ASSERT_FALSE(article.claims().empty());
  const v1::Claim& claim = article.claims(0);
  EXPECT_EQ(claim.type(), v1::CLAIM_TYPE_CAPTURE);
  EXPECT_EQ(claim.place_id(), "ua.donetsk.kurakhove");
  EXPECT_EQ(claim.side(), v1::SIDE_RUSSIA);
  EXPECT_EQ(claim.document_id(), article.id());
  EXPECT_EQ(claim.id(), article.id() + "/0");

  const v1::Document& post = docs["post"];
  EXPECT_EQ(post.language(), "uk");
  EXPECT_EQ(post.text().find("@DeepStateUA"), std::string::npos);
  ASSERT_FALSE(post.places().empty());
  EXPECT_EQ(post.places(0).place_id(), "ua.donetsk.kurakhove");
  EXPECT_FALSE(docs["plain"].content_hash().empty());

  auto letters = bus_->ReadAll(pipeline::kDeadLetterTopic, 2);
  ASSERT_EQ(letters.size(), 2u);
  for (const bus::Record& letter : letters) {
    EXPECT_EQ(bus::FindHeader(letter.headers, bus::kDlqStage), "normalize");
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, NormalizeStageTest,
                         testing::Values(Engine::kLocal, Engine::kKafka),
                         [](const auto& info) {
                           return bus::testing::EngineName(info.param);
                         });

}  // namespace
}  // namespace frontline::normalize
