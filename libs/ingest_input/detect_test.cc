#include "libs/ingest_input/detect.h"

#include <string>

#include "gtest/gtest.h"
#include "libs/ingest_input/test_util.h"

namespace frontline::ingest_input {
namespace {

struct FixtureCase {
  std::string path;
  InputFormat expected;
};

TEST(DetectTest, EveryFixtureIsRecognized) {
  const FixtureCase cases[] = {
      {TelegramFixture("export_deepstate.json"), InputFormat::kTelegramExport},
      {TelegramFixture("export_truncated.json"), InputFormat::kTelegramExport},
      {TelegramFixture("bot_updates.json"), InputFormat::kBotApi},
      {TelegramFixture("preview_deepstate.html"), InputFormat::kPreview},
      {FeedsFixture("kyiv_independent_rss.xml"), InputFormat::kRss},
      {FeedsFixture("meduza_atom.xml"), InputFormat::kAtom},
      {FeedsFixture("isw_rdf.xml"), InputFormat::kRdf},
      {FeedsFixture("tass_feed.json"), InputFormat::kJsonFeed},
      {FeedsFixture("ukrinform_windows1251.xml"), InputFormat::kRss},
      {FeedsFixture("ria_koi8r.xml"), InputFormat::kRss},
      {FeedsFixture("truncated_rss.xml"), InputFormat::kRss},
      {OwnFixture("kursk_page.html"), InputFormat::kHtml},
      {OwnFixture("kurakhove_note.txt"), InputFormat::kText},
      {OwnFixture("not_an_input.json"), InputFormat::kUnknown},
      {FeedsFixture("subscriptions.opml"), InputFormat::kUnknown},
  };
  for (const FixtureCase& c : cases) {
    EXPECT_EQ(DetectFormat(ReadFile(c.path), c.path), c.expected)
        << c.path << " detected as "
        << FormatName(DetectFormat(ReadFile(c.path), c.path));
  }
}

TEST(DetectTest, ContentDecidesNotTheFileName) {
  const std::string rss = ReadFile(FeedsFixture("kyiv_independent_rss.xml"));
  EXPECT_EQ(DetectFormat(rss, "feed.txt"), InputFormat::kRss);
  EXPECT_EQ(DetectFormat(rss, "page.html"), InputFormat::kRss);
  EXPECT_EQ(DetectFormat("Kurakhove is contested.", "notes.json"),
            InputFormat::kText);
}

TEST(DetectTest, HtmlNameTipsAmbiguousMarkup) {
  EXPECT_EQ(DetectFormat("<report>Kursk</report>", "a.html"),
            InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("<report>Kursk</report>", "a.xml"),
            InputFormat::kUnknown);
  EXPECT_EQ(DetectFormat("Report: <b>Kursk</b> <p>x</p>", "a.HTM"),
            InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("Report: <b>Kursk</b> <p>x</p>", "a.txt"),
            InputFormat::kText);
}

TEST(DetectTest, HtmlIsKnownByItsFirstElement) {
  EXPECT_EQ(DetectFormat("<!-- saved --><p>Kursk</p>"), InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("<?xml version=\"1.0\"?><html><body/></html>"),
            InputFormat::kHtml);
  EXPECT_EQ(
      DetectFormat("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">"),
      InputFormat::kHtml);
  // OPML has <head> and <body> too, but below <opml>.
  EXPECT_EQ(DetectFormat("<opml><head><title>x</title></head><body/></opml>"),
            InputFormat::kUnknown);
}

TEST(DetectTest, JsonShapes) {
  EXPECT_EQ(DetectFormat(R"({"name":"DeepState","type":"public_channel",)"
                         R"("id":1,"messages":[{"id":1,)"),
            InputFormat::kTelegramExport);
  EXPECT_EQ(DetectFormat(R"({"messages": {"a": 1}, "name": "x"})"),
            InputFormat::kUnknown);
  EXPECT_EQ(DetectFormat(R"({"ok":true,"result":[]})"), InputFormat::kBotApi);
  EXPECT_EQ(DetectFormat(R"({"ok":true,"result":{"id":1}})"),
            InputFormat::kUnknown);
  EXPECT_EQ(DetectFormat(
                R"({"version":"https://jsonfeed.org/version/1","items":[]})"),
            InputFormat::kJsonFeed);
  EXPECT_EQ(DetectFormat(R"({"version":"https://jsonfeed.org/version/2"})"),
            InputFormat::kUnknown);
  // Keys nested below the top level do not count.
  EXPECT_EQ(DetectFormat(R"({"x":{"messages":[],"name":"y"}})"),
            InputFormat::kUnknown);
  // Quotes and brackets inside strings do not confuse the scan.
  EXPECT_EQ(DetectFormat(R"({"name":"a \"}]{\" b","messages":[)"),
            InputFormat::kTelegramExport);
  EXPECT_EQ(DetectFormat("[1, 2]"), InputFormat::kUnknown);
}

TEST(DetectTest, ByteOrderMarksAndWhitespaceAreSkipped) {
  EXPECT_EQ(DetectFormat("\xEF\xBB\xBF \n{\"ok\":true,\"result\":[]}"),
            InputFormat::kBotApi);
  EXPECT_EQ(DetectFormat("\xEF\xBB\xBF\n<rss version=\"2.0\"><channel>"),
            InputFormat::kRss);
}

TEST(DetectTest, EmptyBlankAndBinaryAreUnknown) {
  EXPECT_EQ(DetectFormat(""), InputFormat::kUnknown);
  EXPECT_EQ(DetectFormat(" \n\t "), InputFormat::kUnknown);
  EXPECT_EQ(DetectFormat(std::string("PK\x03\x04\0\0abc", 9)),
            InputFormat::kUnknown);
}

TEST(DetectTest, CutOffHeadsStillDecide) {
  const std::string rss = ReadFile(FeedsFixture("kyiv_independent_rss.xml"));
  EXPECT_EQ(DetectFormat(rss.substr(0, 120)), InputFormat::kRss);
  const std::string preview =
      ReadFile(TelegramFixture("preview_deepstate.html"));
  // Before its first post widget a preview page is just HTML.
  EXPECT_EQ(DetectFormat(preview.substr(0, 60)), InputFormat::kHtml);
}

}  // namespace
}  // namespace frontline::ingest_input
