// Internal to frontline_text: reading the line-oriented data files in data/
// (format in data/README.md). Not a public header.
#ifndef FRONTLINE_LIBS_TEXT_LINE_READER_H_
#define FRONTLINE_LIBS_TEXT_LINE_READER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace frontline::text::internal {

// One meaningful line of a data file: its 1-based number and its
// tab-separated fields, each trimmed of spaces.
struct DataLine {
  int number = 0;
  std::vector<std::string> fields;
};

// The whole file's bytes; kNotFound or kPermissionDenied with the path.
absl::StatusOr<std::string> ReadFile(const std::string& path);

// Lines of `contents` that are neither blank nor comments ('#' first),
// split on tabs. Fails (kInvalidArgument) on ill-formed UTF-8.
absl::StatusOr<std::vector<DataLine>> SplitDataLines(
    absl::string_view contents);

}  // namespace frontline::text::internal

#endif  // FRONTLINE_LIBS_TEXT_LINE_READER_H_
