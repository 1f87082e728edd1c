#include "libs/ingest_input/origin.h"

#include <filesystem>

#include "gtest/gtest.h"

namespace frontline::ingest_input {
namespace {

TEST(OriginTest, UrlHost) {
  EXPECT_EQ(UrlHost("https://www.Kyivindependent.com/feed/"),
            "kyivindependent.com");
  EXPECT_EQ(UrlHost("http://user:pw@127.0.0.1:8080/feed.xml?x=1"), "127.0.0.1");
  EXPECT_EQ(UrlHost("http://[::1]:80/"), "[::1]");
  EXPECT_EQ(UrlHost("t.me/s/DeepStateUA"), "");
}

TEST(OriginTest, IsUrl) {
  EXPECT_TRUE(IsUrl("https://t.me/s/x"));
  EXPECT_TRUE(IsUrl("HTTP://example.org"));
  EXPECT_FALSE(IsUrl("ftp://example.org"));
  EXPECT_FALSE(IsUrl("http.txt"));
}

TEST(OriginTest, FilesAreAbsoluteAndNamedByBaseName) {
  InputOrigin origin = FileOrigin("a/../b/./note.txt");
  EXPECT_EQ(origin.name, "a/../b/./note.txt");
  EXPECT_EQ(origin.path,
            (std::filesystem::current_path() / "b/note.txt").string());
  EXPECT_FALSE(origin.is_url);
  EXPECT_EQ(WholeInputSourceId(origin), "file:note.txt");
  EXPECT_EQ(WholeInputSourceId(UrlOrigin("https://www.isw.org/x")),
            "url:isw.org");
}

}  // namespace
}  // namespace frontline::ingest_input
