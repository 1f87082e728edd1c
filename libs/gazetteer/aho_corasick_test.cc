#include "libs/gazetteer/aho_corasick.h"

#include <tuple>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace frontline::gazetteer {
namespace {

using ::testing::ElementsAre;

std::vector<std::tuple<uint32_t, uint32_t, uint32_t>> Found(
    const AhoCorasick& automaton, absl::string_view text) {
  std::vector<std::tuple<uint32_t, uint32_t, uint32_t>> found;
  for (const auto& o : automaton.FindAll(text)) {
    found.emplace_back(o.pattern, o.begin, o.end);
  }
  return found;
}

TEST(GazetteerAhoCorasickTest, FindsOverlappingPatternsInOnePass) {
  AhoCorasick automaton({"he", "she", "his", "hers"});
  EXPECT_THAT(
      Found(automaton, "ushers"),
      ElementsAre(std::make_tuple(1u, 1u, 4u), std::make_tuple(0u, 2u, 4u),
                  std::make_tuple(3u, 2u, 6u)));
}

TEST(GazetteerAhoCorasickTest, FollowsFailureLinksAcrossPartialMatches) {
  AhoCorasick automaton({"abcd", "bce"});
  EXPECT_THAT(Found(automaton, "abce"),
              ElementsAre(std::make_tuple(1u, 1u, 4u)));
}

TEST(GazetteerAhoCorasickTest, ReportsRepeatedAndDuplicatePatterns) {
  AhoCorasick automaton({"aa", "aa", ""});
  EXPECT_THAT(
      Found(automaton, "aaa"),
      ElementsAre(std::make_tuple(0u, 0u, 2u), std::make_tuple(1u, 0u, 2u),
                  std::make_tuple(0u, 1u, 3u), std::make_tuple(1u, 1u, 3u)));
}

TEST(GazetteerAhoCorasickTest, MatchesMultiByteUtf8) {
  AhoCorasick automaton({"курахове", "ахове"});
  const std::string text = "у курахове";
  EXPECT_THAT(
      Found(automaton, text),
      ElementsAre(std::make_tuple(0u, 3u, 19u), std::make_tuple(1u, 9u, 19u)));
}

TEST(GazetteerAhoCorasickTest, EmptyAutomatonAndText) {
  AhoCorasick none({});
  EXPECT_TRUE(none.FindAll("anything").empty());
  AhoCorasick some({"a"});
  EXPECT_TRUE(some.FindAll("").empty());
}

}  // namespace
}  // namespace frontline::gazetteer
