#include "libs/pipeline/raw_documents.h"

#include "gtest/gtest.h"
#include "libs/bus/cloud_events.h"

namespace frontline::pipeline {
namespace {

v1::RawDocument Doc() {
  v1::RawDocument doc;
  doc.mutable_source()->set_id("telegram:DeepStateUA");
  doc.set_external_id("DeepStateUA/10452");
  doc.set_version(1);
  doc.set_body("Курахове");
  return doc;
}

TEST(RawDocumentIdTest, IsStablePerSourceItemAndVersion) {
  v1::RawDocument a = Doc(), b = Doc();
  b.set_body("other text, same item");
  EXPECT_EQ(RawDocumentId(a), RawDocumentId(b));
  EXPECT_EQ(RawDocumentId(a).size(), 16u);
  b.set_version(2);
  EXPECT_NE(RawDocumentId(a), RawDocumentId(b));
  b = Doc();
  b.mutable_source()->set_id("telegram:DeepStateU");
  b.set_external_id("ADeepStateUA/10452");
  EXPECT_NE(RawDocumentId(a), RawDocumentId(b));
}

TEST(ValidateRawDocumentTest, NamesWhatIsWrong) {
  EXPECT_TRUE(ValidateRawDocument(Doc(), 1000).ok());
  v1::RawDocument doc = Doc();
  doc.mutable_source()->clear_id();
  EXPECT_NE(ValidateRawDocument(doc, 1000).message().find("source.id"),
            std::string::npos);
  doc = Doc();
  EXPECT_NE(ValidateRawDocument(doc, 3).message().find("exceeds"),
            std::string::npos);
  doc.set_id("0000000000000000");
  EXPECT_EQ(ValidateRawDocument(doc, 1000).code(),
            absl::StatusCode::kInvalidArgument);
  doc.set_id(RawDocumentId(doc));
  EXPECT_TRUE(ValidateRawDocument(doc, 1000).ok());
}

TEST(RawDocumentMessageTest, CarriesCloudEventsHeadersAndTheDocument) {
  v1::RawDocument doc = Doc();
  doc.set_id(RawDocumentId(doc));
  bus::Message m = RawDocumentMessage(doc, "/frontline/test");
  EXPECT_EQ(m.topic, "raw");
  EXPECT_EQ(m.key, doc.id());
  auto event = bus::ParseCloudEventHeaders(m.headers);
  ASSERT_TRUE(event.ok()) << event.status();
  EXPECT_EQ(event->type, "frontline.v1.RawDocument");
  EXPECT_EQ(event->id, doc.id());
  v1::RawDocument back;
  ASSERT_TRUE(back.ParseFromString(m.value));
  EXPECT_EQ(back.external_id(), doc.external_id());
}

}  // namespace
}  // namespace frontline::pipeline
