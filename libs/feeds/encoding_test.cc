#include "libs/feeds/encoding.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace frontline::feeds {
namespace {

constexpr absl::string_view kFffd = "\xEF\xBF\xBD";

TEST(SanitizeUtf8Test, KeepsValidText) {
  std::string out;
  EXPECT_EQ(SanitizeUtf8("Курахове, Kurakhove, Курахово 🇺🇦", &out), 0u);
  EXPECT_EQ(out, "Курахове, Kurakhove, Курахово 🇺🇦");
}

TEST(SanitizeUtf8Test, ReplacesEachIllFormedSubpartOnce) {
  std::string out;
  EXPECT_EQ(SanitizeUtf8("a\xFF"
                         "b",
                         &out),
            1u);
  EXPECT_EQ(out, absl::StrCat("a", kFffd, "b"));
  EXPECT_EQ(SanitizeUtf8("\xD0", &out), 1u);  // truncated at the end
  EXPECT_EQ(out, kFffd);
  EXPECT_EQ(SanitizeUtf8("\xE2\x82x", &out), 1u);  // truncated 3-byte form
  EXPECT_EQ(out, absl::StrCat(kFffd, "x"));
  EXPECT_EQ(SanitizeUtf8("\xC0\xAF", &out), 2u);          // overlong '/'
  EXPECT_EQ(SanitizeUtf8("\xED\xA0\x80", &out), 3u);      // surrogate
  EXPECT_EQ(SanitizeUtf8("\xF4\x90\x80\x80", &out), 4u);  // past U+10FFFF
  EXPECT_EQ(SanitizeUtf8(absl::string_view("a\0b", 3), &out), 1u);
  EXPECT_EQ(out, absl::StrCat("a", kFffd, "b"));
}

TEST(DeclaredXmlEncodingTest, ReadsThePrologOnly) {
  EXPECT_EQ(
      DeclaredXmlEncoding("<?xml version=\"1.0\" encoding=\"KOI8-R\"?><a/>"),
      "KOI8-R");
  EXPECT_EQ(DeclaredXmlEncoding(
                "\xEF\xBB\xBF<?xml version='1.0' encoding='windows-1251'?>"),
            "windows-1251");
  EXPECT_EQ(DeclaredXmlEncoding("<?xml version=\"1.0\"?><a encoding=\"x\"/>"),
            "");
  EXPECT_EQ(DeclaredXmlEncoding("<rss/>"), "");
}

TEST(DecodeTest, ConvertsLegacyCyrillic) {
  // "Київ" in windows-1251 and "Москва" in KOI8-R.
  Utf8Text kyiv = DecodeAs("\xCA\xE8\xBF\xE2", "windows-1251");
  EXPECT_EQ(kyiv.text, "Київ");
  EXPECT_EQ(kyiv.source_encoding, "WINDOWS-1251");
  EXPECT_EQ(DecodeAs("\xED\xCF\xD3\xCB\xD7\xC1", "koi8-r").text, "Москва");
}

TEST(DecodeTest, BytesTheEncodingLacksBecomeReplacementCharacters) {
  Utf8Text text = DecodeAs("\xCA\x98\xE2", "windows-1251");  // 0x98 undefined
  EXPECT_EQ(text.text, absl::StrCat("К", kFffd, "в"));
  EXPECT_EQ(text.replaced, 1u);
}

TEST(DecodeTest, UnknownEncodingIsReadAsUtf8WithAProblem) {
  Utf8Text text =
      DecodeXml("<?xml version=\"1.0\" encoding=\"x-martian\"?><a>ok</a>");
  EXPECT_EQ(text.problem.code(), absl::StatusCode::kUnimplemented);
  EXPECT_EQ(text.source_encoding, "UTF-8");
  EXPECT_NE(text.text.find("<a>ok</a>"), std::string::npos);
}

TEST(DecodeTest, Utf16WithBomIsConverted) {
  const std::string utf16le("\xFF\xFE<\0a\0/\0>\0", 10);
  Utf8Text text = DecodeXml(utf16le);
  EXPECT_EQ(text.text, "<a/>");
  EXPECT_EQ(text.source_encoding, "UTF-16LE");
}

}  // namespace
}  // namespace frontline::feeds
