#include "libs/bus/cloud_events.h"

#include "gtest/gtest.h"

namespace frontline::bus {
namespace {

TEST(CloudEventsTest, RoundTripsThroughHeaders) {
  CloudEvent event{.id = "doc-1",
                   .source = "/frontline/normalize",
                   .type = "frontline.v1.Document",
                   .time = absl::FromUnixMillis(1736121600123)};
  Headers headers;
  AppendCloudEventHeaders(event, headers);
  EXPECT_EQ(FindHeader(headers, kCeTime), "2025-01-06T00:00:00.123Z");
  auto parsed = ParseCloudEventHeaders(headers);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->id, "doc-1");
  EXPECT_EQ(parsed->source, "/frontline/normalize");
  EXPECT_EQ(parsed->type, "frontline.v1.Document");
  EXPECT_EQ(parsed->time, event.time);
  EXPECT_EQ(parsed->content_type, kProtobufContentType);
}

TEST(CloudEventsTest, RejectsMissingOrUnknownAttributes) {
  Headers headers = {{kCeSpecVersion, "1.0"}, {kCeId, "x"}, {kCeType, "t"}};
  auto parsed = ParseCloudEventHeaders(headers);
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.status().message().find("ce_source"), std::string::npos);

  headers = {{kCeSpecVersion, "0.3"}};
  EXPECT_EQ(ParseCloudEventHeaders(headers).status().code(),
            absl::StatusCode::kInvalidArgument);

  headers = {{kCeSpecVersion, "1.0"},
             {kCeId, "x"},
             {kCeSource, "s"},
             {kCeType, "t"},
             {kCeTime, "yesterday"}};
  EXPECT_EQ(ParseCloudEventHeaders(headers).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace frontline::bus
