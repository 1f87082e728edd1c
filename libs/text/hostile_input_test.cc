// Input built to hurt: ill-formed UTF-8, NUL bytes, absurd nesting, huge
// bodies. Every case either yields text or a clean kResourceExhausted.
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/text/html_to_text.h"
#include "libs/text/language_id.h"
#include "libs/text/plain_text.h"
#include "libs/text/test_util.h"
#include "libs/text/utf8.h"

namespace frontline::text {
namespace {

using ::testing::HasSubstr;

HtmlToText Extractor() {
  const TextResources& shipped = testing::Shipped::Get();
  return HtmlToText(shipped.normalizer, shipped.boilerplate);
}

TEST(HostileInputTest, InvalidUtf8BecomesReplacementCharacters) {
  absl::StatusOr<ExtractedText> out =
      Extractor().Extract("<p>Kursk \xFF\xFE region \xD0</p><p>\xC3\x28</p>");
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_TRUE(IsValidUtf8(out->text));
  EXPECT_THAT(out->text, HasSubstr("Kursk \xEF\xBF\xBD\xEF\xBF\xBD region"));
  const TextResources& shipped = testing::Shipped::Get();
  EXPECT_TRUE(IsValidUtf8(shipped.normalizer.Key("\x80\x81 abc \xF5")));
  EXPECT_EQ(shipped.languages.Identify("\xFF\xFE\xFD").code, "und");
}

TEST(HostileInputTest, NulBytesAreDropped) {
  const std::string html("<p>Ku\0rsk</p>\0<p>re\0gion</p>", 28);
  absl::StatusOr<ExtractedText> out = Extractor().Extract(html);
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(out->text.find('\0'), std::string::npos);
  EXPECT_THAT(out->text, HasSubstr("rsk"));
  const TextResources& shipped = testing::Shipped::Get();
  PlainTextCleaner cleaner(shipped.normalizer, shipped.boilerplate);
  EXPECT_EQ(cleaner.Clean(std::string("a\0b", 3)), "ab");
}

TEST(HostileInputTest, DeepNestingIsRefusedBeforeParsing) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "deep";
  absl::StatusOr<ExtractedText> out = Extractor().Extract(html);
  EXPECT_EQ(out.status().code(), absl::StatusCode::kResourceExhausted);

  std::string spans;
  for (int i = 0; i < 100000; ++i) spans += "<span><b>";
  EXPECT_EQ(Extractor().Extract(spans).status().code(),
            absl::StatusCode::kResourceExhausted);
}

TEST(HostileInputTest, NestingWithinTheLimitIsRead) {
  std::string html;
  for (int i = 0; i < 400; ++i) html += "<div>";
  html += "deep text";
  for (int i = 0; i < 400; ++i) html += "</div>";
  absl::StatusOr<ExtractedText> out = Extractor().Extract(html);
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(out->text, "deep text");
}

TEST(HostileInputTest, UnclosedParagraphsAndItemsAreNotNesting) {
  std::string html = "<ul>";
  for (int i = 0; i < 20000; ++i) html += "<li>item<p>para";
  absl::StatusOr<ExtractedText> out = Extractor().Extract(html);
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_THAT(out->text, HasSubstr("para"));
}

TEST(HostileInputTest, FiftyMegabyteBodyIsRefusedByTheSizeLimit) {
  std::string html = "<html><body>";
  const std::string paragraph =
      "<p>Ukrainian forces renewed their push in the Kursk region.</p>";
  while (html.size() < 50u << 20) html += paragraph;
  absl::StatusOr<ExtractedText> out = Extractor().Extract(html);
  EXPECT_EQ(out.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(out.status().message(), HasSubstr("exceeds the limit"));
}

TEST(HostileInputTest, BodyJustUnderTheLimitIsRead) {
  std::string html = "<html><body>";
  const std::string paragraph =
      "<p>Ukrainian forces renewed their push in the Kursk region.</p>";
  HtmlToTextOptions options;
  options.max_input_bytes = 2 << 20;
  while (html.size() + paragraph.size() < options.max_input_bytes) {
    html += paragraph;
  }
  absl::StatusOr<ExtractedText> out = Extractor().Extract(html, options);
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_GT(out->text.size(), 1u << 20);
}

TEST(HostileInputTest, UnterminatedMarkupDoesNotHang) {
  for (const char* html :
       {"<", "<!--", "<script>", "<p", "<a href=\"", "&#", "&#x110000;",
        "<![CDATA[", "<style>body{", "</p></p></div>", "<textarea>"}) {
    absl::StatusOr<ExtractedText> out = Extractor().Extract(html);
    EXPECT_TRUE(out.ok()) << html;
  }
}

}  // namespace
}  // namespace frontline::text
