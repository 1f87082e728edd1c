#include "libs/text/html_to_text.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/text/test_util.h"

namespace frontline::text {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

ExtractedText Extract(absl::string_view html,
                      const HtmlToTextOptions& options = {}) {
  const TextResources& shipped = testing::Shipped::Get();
  HtmlToText extractor(shipped.normalizer, shipped.boilerplate);
  absl::StatusOr<ExtractedText> out = extractor.Extract(html, options);
  EXPECT_TRUE(out.ok()) << out.status();
  return out.ok() ? *out : ExtractedText();
}

TEST(HtmlToTextTest, EnglishArticleKeepsTheReportOnly) {
  const ExtractedText out = Extract(testing::Fixture("english_article.html"));
  EXPECT_EQ(out.title,
            "Ukraine renews push in Kursk as Russia claims Kurakhove");
  EXPECT_THAT(out.text,
              ::testing::StartsWith(
                  "KYIV - Ukrainian troops launched a fresh assault in "
                  "Russia's Kursk region on Sunday"));
  EXPECT_THAT(out.text, HasSubstr("were \"getting what they deserve\" in"));
  EXPECT_THAT(out.text, HasSubstr("By Monday evening, Russian military"));
  EXPECT_THAT(out.text, HasSubstr("northeast of Sudzha,\nincluding near"));
  EXPECT_THAT(out.text, HasSubstr("Russia says it has retaken roughly half of "
                                  "the territory it lost - about 500"));
  EXPECT_THAT(out.text, HasSubstr("\n\nWhat the two sides claim\n\n"
                                  "Russia's defence ministry: Kurakhove "
                                  "\"liberated\".\nUkraine's general staff"));
  for (const char* boilerplate :
       {"Olena Marchenko", "See also", "North Korean troops", "Oryol",
        "originally published", "Subscribe", "briefing", "donate", "cookie",
        "Share", "Tweet", "World", "Most read", "All rights", "dataLayer",
        "font-family", "Home", "January 6, 2025"}) {
    EXPECT_THAT(out.text, Not(HasSubstr(boilerplate))) << boilerplate;
  }
  EXPECT_GE(out.paragraphs_dropped, 4);
}

TEST(HtmlToTextTest, UkrainianArticleDropsItsBoilerplate) {
  const ExtractedText out = Extract(testing::Fixture("ukrainian_article.html"));
  EXPECT_EQ(out.title, "ЗСУ відновили наступ на Курщині");
  EXPECT_THAT(out.text,
              ::testing::StartsWith("Українські війська у неділю розпочали"));
  EXPECT_THAT(out.text, HasSubstr("взяли під контроль Курахове"));
  for (const char* boilerplate :
       {"Читайте також", "захоплення Курахового", "Підписуйтесь", "Поділитися",
        "Автор", "Головна", "При використанні"}) {
    EXPECT_THAT(out.text, Not(HasSubstr(boilerplate))) << boilerplate;
  }
}

TEST(HtmlToTextTest, RussianArticleDropsItsBoilerplate) {
  const ExtractedText out = Extract(testing::Fixture("russian_article.html"));
  EXPECT_EQ(out.title, "Бои в Курской области: что известно");
  EXPECT_THAT(out.text,
              ::testing::StartsWith("В воскресенье украинские подразделения"));
  EXPECT_THAT(out.text, HasSubstr("Эксперты считают"));
  for (const char* boilerplate :
       {"Читайте также", "Подписывайтесь", "Авторы", "Главная"}) {
    EXPECT_THAT(out.text, Not(HasSubstr(boilerplate))) << boilerplate;
  }
}

TEST(HtmlToTextTest, BlocksBecomeParagraphs) {
  const ExtractedText out = Extract(
      "<body><h2>Head</h2><div>one <b>bold</b>\n  text</div><p>two<br>lines"
      "</p><blockquote>quote</blockquote><ol><li>a</li><li>b</li></ol>"
      "<table><tr><td>x</td><td>y</td></tr><tr><td>z</td></tr></table>"
      "</body>");
  EXPECT_EQ(out.text,
            "Head\n\none bold text\n\ntwo\nlines\n\nquote\n\na\nb\n\nx y\nz");
}

TEST(HtmlToTextTest, TitleIsNotRepeatedInTheText) {
  const ExtractedText out = Extract(
      "<article><h1>Head line</h1><p>Body.</p><h2>Head line</h2>"
      "</article>");
  EXPECT_EQ(out.title, "Head line");
  EXPECT_EQ(out.text, "Body.\n\nHead line");
  EXPECT_EQ(Extract("<h1>Only</h1>").text, "");
}

TEST(HtmlToTextTest, DecodesEntities) {
  const ExtractedText out = Extract(
      "<p>&lt;tag&gt; &amp; &quot;q&quot; &#1050;&#x0443;&#x440;ськ "
      "&euro;5&nbsp;000</p>");
  EXPECT_EQ(out.text, "<tag> & \"q\" Курськ €5 000");
}

TEST(HtmlToTextTest, PrefersTheLargestArticle) {
  const ExtractedText out = Extract(
      "<body><p>outside text</p><article><p>short teaser</p></article>"
      "<article><p>the real article body, which is much longer than the "
      "teaser</p></article></body>");
  EXPECT_EQ(out.text,
            "the real article body, which is much longer than the teaser");
}

TEST(HtmlToTextTest, FallsBackToMainThenBody) {
  EXPECT_EQ(
      Extract("<body><p>out</p><div role=main><p>in</p></div></body>").text,
      "in");
  EXPECT_EQ(Extract("<p>just text</p>").text, "just text");
  HtmlToTextOptions whole;
  whole.prefer_main_content = false;
  EXPECT_EQ(Extract("<p>out</p><main><p>in</p></main>", whole).text,
            "out\n\nin");
}

TEST(HtmlToTextTest, SkipsHiddenAndNavigationLinks) {
  const ExtractedText out = Extract(
      "<p hidden>secret</p><p aria-hidden=true>aria</p>"
      "<div role=navigation>roles</div><p><a href=a>Europe</a> | "
      "<a href=b>World</a></p><p>A sentence with <a href=x>one link</a> "
      "stays.</p>");
  EXPECT_EQ(out.text, "A sentence with one link stays.");
}

TEST(HtmlToTextTest, PreKeepsLineBreaks) {
  EXPECT_EQ(Extract("<pre>a  b\nc</pre>").text, "a b\nc");
}

TEST(HtmlToTextTest, EmptyInputGivesEmptyText) {
  const ExtractedText out = Extract("");
  EXPECT_EQ(out.text, "");
  EXPECT_EQ(out.title, "");
}

}  // namespace
}  // namespace frontline::text
