#include "tools/frontlinectl/csv.h"

#include "gtest/gtest.h"

namespace frontline::ctl {
namespace {

TEST(CsvTest, PlainFieldsStayBare) {
  EXPECT_EQ(CsvField("Kurakhove"), "Kurakhove");
  EXPECT_EQ(CsvField("Курахове"), "Курахове");
  EXPECT_EQ(CsvField(""), "");
}

TEST(CsvTest, SeparatorsQuotesAndLineBreaksAreQuoted) {
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("he said \"taken\""), "\"he said \"\"taken\"\"\"");
  EXPECT_EQ(CsvField("one\ntwo"), "\"one\ntwo\"");
  EXPECT_EQ(CsvField("one\rtwo"), "\"one\rtwo\"");
}

TEST(CsvTest, RecordsEndInCrlf) {
  EXPECT_EQ(CsvRecord({"a", "b,c", ""}), "a,\"b,c\",\r\n");
}

}  // namespace
}  // namespace frontline::ctl
