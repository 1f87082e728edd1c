// Test support: scrape a metrics endpoint on 127.0.0.1 and read the
// Prometheus text exposition format (0.0.4) back into samples.
#ifndef FRONTLINE_LIBS_METRICS_TESTING_SCRAPE_H_
#define FRONTLINE_LIBS_METRICS_TESTING_SCRAPE_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace frontline::metrics::testing {

struct Sample {
  std::string name;
  std::map<std::string, std::string> labels;
  double value = 0;
};

// Comments skipped, label values unescaped (\\, \", \n), a trailing
// timestamp ignored. kInvalidArgument naming the first malformed line.
absl::StatusOr<std::vector<Sample>> ParseExposition(absl::string_view text);

// The value of the one sample with this name and exactly these labels.
std::optional<double> FindSample(
    const std::vector<Sample>& samples, const std::string& name,
    const std::map<std::string, std::string>& labels);

// The sum over every sample with this name whose labels include `labels`.
double SumSamples(const std::vector<Sample>& samples, const std::string& name,
                  const std::map<std::string, std::string>& labels = {});

struct HttpResponse {
  int status = 0;
  std::string body;
};

// GET http://127.0.0.1:port/path; kUnavailable when nothing answers.
absl::StatusOr<HttpResponse> HttpGet(int port, const std::string& path);

}  // namespace frontline::metrics::testing

#endif  // FRONTLINE_LIBS_METRICS_TESTING_SCRAPE_H_
