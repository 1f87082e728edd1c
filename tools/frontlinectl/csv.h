// RFC 4180 CSV: fields holding a comma, a double quote, CR or LF are quoted,
// quotes doubled; records end in CRLF.
#ifndef FRONTLINE_TOOLS_FRONTLINECTL_CSV_H_
#define FRONTLINE_TOOLS_FRONTLINECTL_CSV_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace frontline::ctl {

std::string CsvField(absl::string_view field);
// The fields joined by commas, with the terminating CRLF.
std::string CsvRecord(const std::vector<std::string>& fields);

}  // namespace frontline::ctl

#endif  // FRONTLINE_TOOLS_FRONTLINECTL_CSV_H_
