#include "libs/ingest_input/input_format.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace frontline::ingest_input {
namespace {

using ::testing::HasSubstr;

TEST(InputFormatTest, NamesRoundTrip) {
  for (InputFormat format :
       {InputFormat::kTelegramExport, InputFormat::kBotApi, InputFormat::kRss,
        InputFormat::kAtom, InputFormat::kRdf, InputFormat::kJsonFeed,
        InputFormat::kPreview, InputFormat::kHtml, InputFormat::kText}) {
    absl::StatusOr<InputFormat> parsed = ParseFormatName(FormatName(format));
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    EXPECT_EQ(*parsed, format);
  }
  EXPECT_EQ(FormatName(InputFormat::kUnknown), "unknown");
}

TEST(InputFormatTest, UnknownNameListsTheValidOnes) {
  absl::StatusOr<InputFormat> parsed = ParseFormatName("unknown");
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(parsed.status().message()),
              HasSubstr("telegram-export, bot-api"));
}

TEST(InputFormatTest, AffiliationSpellings) {
  for (const char* name :
       {"ukrainian-monitoring", "UKRAINIAN_MONITORING",
        "affiliation_ukrainian_monitoring", "Ukrainian_Monitoring"}) {
    absl::StatusOr<v1::Affiliation> parsed = ParseAffiliation(name);
    ASSERT_TRUE(parsed.ok()) << name << ": " << parsed.status();
    EXPECT_EQ(*parsed, v1::AFFILIATION_UKRAINIAN_MONITORING);
  }
  absl::StatusOr<v1::Affiliation> bad = ParseAffiliation("unspecified");
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(bad.status().message()),
              HasSubstr("russian-state, russian-milblogger"));
}

}  // namespace
}  // namespace frontline::ingest_input
