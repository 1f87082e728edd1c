#include "libs/ingest_input/whole_document.h"

#include "gtest/gtest.h"
#include "libs/pipeline/raw_documents.h"

namespace frontline::ingest_input {
namespace {

TEST(WholeDocumentTest, FileAsPlainText) {
  DocumentStamp stamp;
  stamp.fetcher = "frontlinectl/test";
  stamp.fetched_time = absl::FromUnixSeconds(1736150400);
  v1::RawDocument doc = MakeWholeDocument(
      "Курахове", InputFormat::kText, FileOrigin("/data/notes/k.txt"), stamp);
  EXPECT_EQ(doc.source().id(), "file:k.txt");
  EXPECT_EQ(doc.source().kind(), v1::SOURCE_KIND_UPLOAD);
  EXPECT_EQ(doc.external_id(), "/data/notes/k.txt");
  EXPECT_EQ(doc.format(), v1::RAW_FORMAT_PLAIN_TEXT);
  EXPECT_EQ(doc.content_type(), "text/plain; charset=utf-8");
  EXPECT_EQ(doc.body(), "Курахове");
  EXPECT_EQ(doc.version(), 1u);
  EXPECT_EQ(doc.provenance().import_file(), "/data/notes/k.txt");
  EXPECT_EQ(doc.provenance().fetcher(), "frontlinectl/test");
  EXPECT_EQ(doc.fetched_time().seconds(), 1736150400);
  EXPECT_EQ(doc.id(), pipeline::RawDocumentId(doc));
  EXPECT_TRUE(pipeline::ValidateRawDocument(doc, 1000).ok());
}

TEST(WholeDocumentTest, UrlAsHtmlWithTitleAndServerContentType) {
  InputOrigin origin = UrlOrigin("http://www.example.org/a");
  origin.final_url = "https://example.org/a/";
  origin.content_type = "text/html; charset=windows-1251";
  DocumentStamp stamp;
  stamp.source_id = "web:example";
  stamp.affiliation = v1::AFFILIATION_INDEPENDENT;
  v1::RawDocument doc =
      MakeWholeDocument("<html><head><TITLE>\n Kursk </title></head></html>",
                        InputFormat::kHtml, origin, stamp);
  EXPECT_EQ(doc.source().id(), "web:example");
  EXPECT_EQ(doc.source().kind(), v1::SOURCE_KIND_WEB);
  EXPECT_EQ(doc.source().affiliation(), v1::AFFILIATION_INDEPENDENT);
  EXPECT_EQ(doc.external_id(), "http://www.example.org/a");
  EXPECT_EQ(doc.url(), "https://example.org/a/");
  EXPECT_EQ(doc.provenance().fetch_url(), "https://example.org/a/");
  EXPECT_EQ(doc.format(), v1::RAW_FORMAT_HTML);
  EXPECT_EQ(doc.content_type(), "text/html; charset=windows-1251");
  EXPECT_EQ(doc.title(), "Kursk");
  EXPECT_EQ(doc.id(), pipeline::RawDocumentId(doc));
}

TEST(WholeDocumentTest, InvalidUtf8ClaimsNoCharset) {
  v1::RawDocument doc = MakeWholeDocument("\xC0\xAF", InputFormat::kText,
                                          FileOrigin("/x"), DocumentStamp{});
  EXPECT_EQ(doc.content_type(), "text/plain");
}

TEST(WholeDocumentTest, IdDependsOnSourceAndPathNotOnContentOrTime) {
  const InputOrigin origin = FileOrigin("/data/a.txt");
  DocumentStamp early, late;
  late.fetched_time = absl::Now();
  EXPECT_EQ(MakeWholeDocument("a", InputFormat::kText, origin, early).id(),
            MakeWholeDocument("b", InputFormat::kText, origin, late).id());
}

}  // namespace
}  // namespace frontline::ingest_input
