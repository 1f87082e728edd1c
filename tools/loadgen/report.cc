#include "tools/loadgen/report.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "nlohmann/json.hpp"

namespace frontline::loadgen {
namespace {

double Mb(int64_t bytes) { return bytes / 1048576.0; }

double Ratio(double a, double b) { return b > 0 ? a / b : 0; }

}  // namespace

std::string FormatTable(const LoadReport& r) {
  std::string out = absl::StrFormat(
      "loadgen: engine %s at %s, %.0f docs/s offered: %d submitted, %d "
      "acknowledged, %d rejected, %d queryable (%d by WatchEvents, %d by "
      "GetDocument) in %.1f s\n",
      r.engine, r.target, r.rate, r.submitted, r.acknowledged, r.rejected,
      r.queryable, r.via_watch, r.via_poll, r.elapsed_s);
  absl::StrAppendFormat(
      &out,
      "sustained %.1f docs/s; ingest->queryable p50 %.0f ms, p99 %.0f ms, max "
      "%.0f ms; p50 second tenth %.0f ms, last tenth %.0f ms: %s\n",
      r.sustained_docs_per_s, r.latency_p50_ms, r.latency_p99_ms,
      r.latency_max_ms, r.early_p50_ms, r.late_p50_ms,
      r.bounded ? "bounded" : "NOT bounded");
  absl::StrAppendFormat(
      &out, "queries %d (%d errors): p50 %.1f ms, p99 %.1f ms\n", r.queries,
      r.query_errors, r.query_p50_ms, r.query_p99_ms);
  absl::StrAppendFormat(
      &out,
      "baseline: empty RPC (health Check, same server, same rate) %d (%d "
      "errors): p50 %.2f ms, p99 %.2f ms; queries / empty RPC: p50 %.2f, p99 "
      "%.2f\n",
      r.echoes, r.echo_errors, r.echo_p50_ms, r.echo_p99_ms,
      Ratio(r.query_p50_ms, r.echo_p50_ms),
      Ratio(r.query_p99_ms, r.echo_p99_ms));
  if (r.raw_records > 0) {
    absl::StrAppendFormat(
        &out,
        "baseline: %d of these documents (%.0f bytes mean) through %s, "
        "median of %d rounds: %.0f docs/s (write %.0f/s, read %.0f/s); "
        "sustained / raw: %.3g\n",
        r.raw_records, r.raw_record_bytes, r.raw_engine, r.raw_rounds,
        r.raw_docs_per_s, r.raw_write_per_s, r.raw_read_per_s,
        Ratio(r.sustained_docs_per_s, r.raw_docs_per_s));
  } else {
    absl::StrAppend(&out, "baseline: no raw record baseline in this run\n");
  }
  if (!r.first_query_error.empty()) {
    absl::StrAppend(&out, "first query error: ", r.first_query_error, "\n");
  }
  if (!r.exited.empty()) {
    absl::StrAppend(&out, "processes exited during the run: ",
                    absl::StrJoin(r.exited, ", "), "\n");
  }
  absl::StrAppendFormat(&out, "\n%9s %8s %8s %9s %9s %9s %9s %9s %10s  %s\n",
                        "corpus", "at s", "docs/s", "docs", "p50 ms", "p99 ms",
                        "q p50 ms", "q p99 ms", "RSS MB",
                        "peak RSS per process (MB)");
  for (const Band& b : r.bands) {
    std::vector<std::string> per;
    for (const ProcessMemory& m : b.memory) {
      per.push_back(absl::StrFormat("%s %.0f", m.name, Mb(m.peak_rss)));
    }
    absl::StrAppendFormat(
        &out, "%9d %8.1f %8.1f %9d %9.0f %9.0f %9.1f %9.1f %10.0f  %s\n",
        b.corpus, b.elapsed_s, b.docs_per_s, b.documents, b.latency_p50_ms,
        b.latency_p99_ms, b.query_p50_ms, b.query_p99_ms, Mb(b.peak_rss_total),
        absl::StrJoin(per, ", "));
  }
  return out;
}

std::string FormatSweep(const std::vector<LoadReport>& reports) {
  std::string out = absl::StrFormat(
      "%8s %9s %9s %10s %9s %9s %9s %9s %9s %8s %10s %9s %9s\n", "offered",
      "queryable", "submitted", "sustained", "p50 ms", "p99 ms", "q p50 ms",
      "q p99 ms", "RSS MB", "bounded", "raw doc/s", "sust/raw", "q50/empty");
  for (const LoadReport& r : reports) {
    const int64_t rss = r.bands.empty() ? 0 : r.bands.back().peak_rss_total;
    absl::StrAppendFormat(
        &out,
        "%8.0f %9d %9d %10.1f %9.0f %9.0f %9.1f %9.1f %9.0f %8s %10.0f %9.3g "
        "%9.2f\n",
        r.rate, r.queryable, r.submitted, r.sustained_docs_per_s,
        r.latency_p50_ms, r.latency_p99_ms, r.query_p50_ms, r.query_p99_ms,
        Mb(rss), r.bounded ? "yes" : "no", r.raw_docs_per_s,
        Ratio(r.sustained_docs_per_s, r.raw_docs_per_s),
        Ratio(r.query_p50_ms, r.echo_p50_ms));
  }
  return out;
}

std::string ToJson(const std::vector<LoadReport>& reports) {
  nlohmann::json runs = nlohmann::json::array();
  for (const LoadReport& r : reports) {
    nlohmann::json bands = nlohmann::json::array();
    for (const Band& b : r.bands) {
      nlohmann::json memory = nlohmann::json::object();
      for (const ProcessMemory& m : b.memory) memory[m.name] = m.peak_rss;
      bands.push_back({{"corpus", b.corpus},
                       {"elapsed_s", b.elapsed_s},
                       {"docs_per_s", b.docs_per_s},
                       {"documents", b.documents},
                       {"latency_p50_ms", b.latency_p50_ms},
                       {"latency_p99_ms", b.latency_p99_ms},
                       {"latency_max_ms", b.latency_max_ms},
                       {"queries", b.queries},
                       {"query_errors", b.query_errors},
                       {"query_p50_ms", b.query_p50_ms},
                       {"query_p99_ms", b.query_p99_ms},
                       {"echo_p50_ms", b.echo_p50_ms},
                       {"echo_p99_ms", b.echo_p99_ms},
                       {"peak_rss", memory},
                       {"peak_rss_total", b.peak_rss_total}});
    }
    runs.push_back(
        {{"engine", r.engine},
         {"target", r.target},
         {"rate", r.rate},
         {"submitted", r.submitted},
         {"acknowledged", r.acknowledged},
         {"rejected", r.rejected},
         {"queryable", r.queryable},
         {"via_watch", r.via_watch},
         {"via_poll", r.via_poll},
         {"elapsed_s", r.elapsed_s},
         {"sustained_docs_per_s", r.sustained_docs_per_s},
         {"latency_p50_ms", r.latency_p50_ms},
         {"latency_p99_ms", r.latency_p99_ms},
         {"latency_max_ms", r.latency_max_ms},
         {"early_p50_ms", r.early_p50_ms},
         {"late_p50_ms", r.late_p50_ms},
         {"bounded", r.bounded},
         {"queries", r.queries},
         {"query_errors", r.query_errors},
         {"query_p50_ms", r.query_p50_ms},
         {"query_p99_ms", r.query_p99_ms},
         {"echoes", r.echoes},
         {"echo_errors", r.echo_errors},
         {"echo_p50_ms", r.echo_p50_ms},
         {"echo_p99_ms", r.echo_p99_ms},
         {"query_echo_p50_ratio", Ratio(r.query_p50_ms, r.echo_p50_ms)},
         {"query_echo_p99_ratio", Ratio(r.query_p99_ms, r.echo_p99_ms)},
         {"raw_engine", r.raw_engine},
         {"raw_records", r.raw_records},
         {"raw_rounds", r.raw_rounds},
         {"raw_record_bytes", r.raw_record_bytes},
         {"raw_docs_per_s", r.raw_docs_per_s},
         {"raw_write_per_s", r.raw_write_per_s},
         {"raw_read_per_s", r.raw_read_per_s},
         {"sustained_raw_ratio",
          Ratio(r.sustained_docs_per_s, r.raw_docs_per_s)},
         {"first_query_error", r.first_query_error},
         {"exited", r.exited},
         {"bands", bands}});
  }
  return nlohmann::json{{"runs", runs}}.dump(2);
}

}  // namespace frontline::loadgen
