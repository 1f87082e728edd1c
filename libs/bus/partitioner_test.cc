#include "libs/bus/partitioner.h"

#include "gtest/gtest.h"

namespace frontline::bus {
namespace {

// Reference values from the Java client's Utils.murmur2 test vectors
// (org.apache.kafka.common.utils.UtilsTest), as signed 32-bit ints.
TEST(Murmur2Test, MatchesKafkaJavaClient) {
  EXPECT_EQ(static_cast<int32_t>(Murmur2("21")), -973932308);
  EXPECT_EQ(static_cast<int32_t>(Murmur2("foobar")), -790332482);
  EXPECT_EQ(static_cast<int32_t>(Murmur2("a-little-bit-long-string")),
            -985981536);
  EXPECT_EQ(static_cast<int32_t>(Murmur2("a-little-bit-longer-string")),
            -1486304829);
  EXPECT_EQ(static_cast<int32_t>(
                Murmur2("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8")),
            -58897971);
  EXPECT_EQ(static_cast<int32_t>(Murmur2(absl::string_view("abc", 3))),
            479470107);
}

TEST(PartitionForKeyTest, StaysInRangeAndIsStable) {
  for (int n : {1, 3, 6, 64}) {
    for (int i = 0; i < 1000; ++i) {
      std::string key = "doc-" + std::to_string(i);
      int32_t p = PartitionForKey(key, n);
      EXPECT_GE(p, 0);
      EXPECT_LT(p, n);
      EXPECT_EQ(p, PartitionForKey(key, n));
    }
  }
}

}  // namespace
}  // namespace frontline::bus
