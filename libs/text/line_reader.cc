#include "libs/text/line_reader.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "libs/text/utf8.h"

namespace frontline::text::internal {

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int err = errno;
    const std::string message =
        absl::StrCat("cannot read ", path, ": ", std::strerror(err));
    if (err == EACCES) return absl::PermissionDeniedError(message);
    return absl::NotFoundError(message);
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

absl::StatusOr<std::vector<DataLine>> SplitDataLines(
    absl::string_view contents) {
  if (!IsValidUtf8(contents)) {
    return absl::InvalidArgumentError("data file is not valid UTF-8");
  }
  std::vector<DataLine> lines;
  int number = 0;
  for (absl::string_view line : absl::StrSplit(contents, '\n')) {
    ++number;
    absl::string_view trimmed = absl::StripAsciiWhitespace(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    DataLine data_line;
    data_line.number = number;
    for (absl::string_view field : absl::StrSplit(trimmed, '\t')) {
      data_line.fields.emplace_back(absl::StripAsciiWhitespace(field));
    }
    lines.push_back(std::move(data_line));
  }
  return lines;
}

}  // namespace frontline::text::internal
