#include "libs/text/canonical_url.h"

#include "gtest/gtest.h"
#include "libs/text/test_util.h"

namespace frontline::text {
namespace {

std::string Canonical(absl::string_view url) {
  absl::StatusOr<std::string> out =
      testing::Shipped::Get().urls.Canonicalize(url);
  EXPECT_TRUE(out.ok()) << url << ": " << out.status();
  return out.ok() ? *out : "";
}

TEST(CanonicalUrlTest, SchemeHostPortFragment) {
  EXPECT_EQ(Canonical("HTTPS://WWW.Example.COM:443/News/Story?b=2&a=1#top"),
            "https://www.example.com/News/Story?a=1&b=2");
  EXPECT_EQ(Canonical("http://example.com:80"), "http://example.com/");
  EXPECT_EQ(Canonical("http://example.com:8080/x"),
            "http://example.com:8080/x");
  EXPECT_EQ(Canonical("https://example.com./a%2fb"),
            "https://example.com/a%2Fb");
}

TEST(CanonicalUrlTest, DotSegments) {
  EXPECT_EQ(Canonical("https://example.com/a/./b/../c"),
            "https://example.com/a/c");
  EXPECT_EQ(Canonical("https://example.com/../a/.."), "https://example.com/");
  EXPECT_EQ(Canonical("https://example.com/a/b/"), "https://example.com/a/b/");
}

TEST(CanonicalUrlTest, TrackingParametersGo) {
  EXPECT_EQ(Canonical("https://example.com/a?utm_source=tg&utm_medium=x&id=7"
                      "&fbclid=abc&gclid=1&yclid=2&mc_cid=3&mc_eid=4&ref=tw"
                      "&igshid=5&si=6&_ga=7&UTM_Campaign=z"),
            "https://example.com/a?id=7");
  EXPECT_EQ(Canonical("https://example.com/a?utm_source=tg"),
            "https://example.com/a");
  EXPECT_EQ(Canonical("https://example.com/a?"), "https://example.com/a");
  EXPECT_EQ(Canonical("https://example.com/a?&&x=1&"),
            "https://example.com/a?x=1");
  EXPECT_EQ(Canonical("https://example.com/a?reference=1"),
            "https://example.com/a?reference=1");
}

TEST(CanonicalUrlTest, TelegramPostsHaveOneForm) {
  const std::string expected = "https://t.me/frontline_news/1234";
  EXPECT_EQ(Canonical("https://t.me/s/frontline_news/1234"), expected);
  EXPECT_EQ(Canonical("https://t.me/frontline_news/1234"), expected);
  EXPECT_EQ(Canonical("http://telegram.me/Frontline_News/1234?single"),
            expected);
  EXPECT_EQ(Canonical("https://www.t.me/s/frontline_news/1234?before=9#x"),
            expected);
  EXPECT_EQ(Canonical("https://t.me/frontline_news"),
            "https://t.me/frontline_news");
}

TEST(CanonicalUrlTest, RejectsWhatIsNotAWebUrl) {
  const UrlCanonicalizer& urls = testing::Shipped::Get().urls;
  for (const char* url :
       {"", "example.com/a", "ftp://example.com/", "https:///path",
        "https://exa mple.com/", "https://example.com:80x/"}) {
    EXPECT_FALSE(urls.Canonicalize(url).ok()) << url;
  }
}

}  // namespace
}  // namespace frontline::text
