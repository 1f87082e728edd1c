// Untrusted text: ill-formed UTF-8, no sentence breaks, megabytes at once.
#include <chrono>
#include <string>

#include "gtest/gtest.h"
#include "libs/extract/test_util.h"

namespace frontline::extract {
namespace {

TEST(HostileInputTest, InvalidUtf8YieldsSerializableClaims) {
  const std::string text =
      "Russian forces \xff\xfe captured Kurakhove \xc3 \xe2\x82 today.";
  const auto claims = ShippedExtractor().Extract(text, absl::UnixEpoch(), "en");
  ASSERT_EQ(claims.size(), 1u);
  std::string wire;
  EXPECT_TRUE(claims[0].SerializeToString(&wire));
  v1::Claim back;
  EXPECT_TRUE(back.ParseFromString(wire));
  EXPECT_EQ(back.place_id(), "ua.donetsk.kurakhove");
}

TEST(HostileInputTest, TenMegabytesWithoutSentenceBreaks) {
  std::string text;
  const std::string chunk =
      "Russian forces captured Kurakhove and Ukrainian forces repelled "
      "attacks near Pokrovsk with 150 square miles held ";
  while (text.size() < 10 * 1024 * 1024) text += chunk;
  const auto start = std::chrono::steady_clock::now();
  const auto claims = ShippedExtractor().Extract(text, absl::UnixEpoch(), "en");
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  EXPECT_LT(seconds, 120);
  // One claim per distinct key however often the text repeats it.
  EXPECT_LE(claims.size(), 10u);
  EXPECT_GE(claims.size(), 1u);
}

TEST(HostileInputTest, TenMegabytesOfOneWord) {
  const std::string text(10 * 1024 * 1024, 'x');
  EXPECT_TRUE(
      ShippedExtractor().Extract(text, absl::UnixEpoch(), "en").empty());
}

TEST(HostileInputTest, EmptyAndBinary) {
  EXPECT_TRUE(ShippedExtractor().Extract("", absl::UnixEpoch(), "en").empty());
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary.push_back(static_cast<char>(i * 37));
  ShippedExtractor().Extract(binary, absl::UnixEpoch(), "und");
}

}  // namespace
}  // namespace frontline::extract
