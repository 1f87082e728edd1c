// Aligned plain-text tables for the human output of queries. Column widths
// count what a terminal shows, not bytes: a UTF-8 code point is one column,
// a combining mark none, an East Asian wide character two.
#ifndef FRONTLINE_TOOLS_FRONTLINECTL_TEXT_TABLE_H_
#define FRONTLINE_TOOLS_FRONTLINECTL_TEXT_TABLE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace frontline::ctl {

// Terminal columns `text` takes (invalid UTF-8 bytes count one each).
size_t DisplayWidth(absl::string_view text);

// `text` cut to at most `width` columns, ending in "…" when cut.
std::string TruncateToWidth(absl::string_view text, size_t width);

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> headers);
  // Missing cells are empty; extra ones are dropped.
  void AddRow(std::vector<std::string> cells);
  size_t rows() const { return rows_.size(); }
  // Header and rows, columns separated by two spaces, every line ending in
  // '\n' and without trailing blanks; `indent` spaces before each line.
  std::string Render(size_t indent = 0) const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace frontline::ctl

#endif  // FRONTLINE_TOOLS_FRONTLINECTL_TEXT_TABLE_H_
