#include "tools/frontlinectl/text_table.h"

#include "gtest/gtest.h"

namespace frontline::ctl {
namespace {

TEST(TextTableTest, WidthCountsWhatATerminalShows) {
  EXPECT_EQ(DisplayWidth("Kurakhove"), 9u);
  EXPECT_EQ(DisplayWidth("Курахове"), 8u);
  EXPECT_EQ(DisplayWidth("e\xCC\x81"), 1u);  // e + combining acute
  EXPECT_EQ(DisplayWidth("東京"), 4u);
  EXPECT_EQ(DisplayWidth("\xFF"), 1u);  // an invalid byte
}

TEST(TextTableTest, TruncatesByColumnsWithAnEllipsis) {
  EXPECT_EQ(TruncateToWidth("Курахове", 8), "Курахове");
  EXPECT_EQ(TruncateToWidth("Курахове", 5), "Кура…");
  EXPECT_EQ(TruncateToWidth("abc", 0), "");
}

TEST(TextTableTest, AlignsCyrillicByColumnsNotBytes) {
  TextTable table({"PLACE", "SIDE"});
  table.AddRow({"Курахове", "russia"});
  table.AddRow({"Sudzha", "ukraine"});
  EXPECT_EQ(table.rows(), 2u);
  EXPECT_EQ(table.Render(),
            "PLACE     SIDE\n"
            "Курахове  russia\n"
            "Sudzha    ukraine\n");
}

TEST(TextTableTest, IndentsPadsMissingCellsAndTrimsTrailingBlanks) {
  TextTable table({"A", "B", "C"});
  table.AddRow({"x"});
  EXPECT_EQ(table.Render(2), "  A  B  C\n  x\n");
}

}  // namespace
}  // namespace frontline::ctl
