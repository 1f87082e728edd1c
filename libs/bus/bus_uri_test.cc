#include "libs/bus/bus_uri.h"

#include "gtest/gtest.h"
#include "libs/bus/bus.h"

namespace frontline::bus {
namespace {

TEST(BusUriTest, ParsesKafkaBrokerLists) {
  auto uri = ParseBusUri("kafka://127.0.0.1:9092,kafka-1.svc:19092");
  ASSERT_TRUE(uri.ok()) << uri.status();
  EXPECT_EQ(uri->engine, BusUri::Engine::kKafka);
  EXPECT_EQ(uri->brokers,
            (std::vector<std::string>{"127.0.0.1:9092", "kafka-1.svc:19092"}));
}

TEST(BusUriTest, ParsesLocalDirectories) {
  auto uri = ParseBusUri("local:./var/frontline");
  ASSERT_TRUE(uri.ok()) << uri.status();
  EXPECT_EQ(uri->engine, BusUri::Engine::kLocal);
  EXPECT_EQ(uri->directory, "./var/frontline");
  EXPECT_EQ(ParseBusUri("local:///tmp/x")->directory, "/tmp/x");
}

TEST(BusUriTest, RejectsMalformedUrisWithAReason) {
  for (const char* bad :
       {"", "kafak://host:1", "kafka://", "kafka://host", "kafka://host:0",
        "kafka://host:70000", "kafka://host:12,", "kafka://ho st:1",
        "kafka://:9092", "local:", "redis://x:1", "/var/frontline"}) {
    auto uri = ParseBusUri(bad);
    EXPECT_EQ(uri.status().code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_NE(uri.status().message().find("bus URI"), std::string::npos) << bad;
  }
}

TEST(BusUriTest, OpenRejectsMalformedUriWithoutSideEffects) {
  auto bus = Bus::Open("kafka://nohost");
  EXPECT_EQ(bus.status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace frontline::bus
