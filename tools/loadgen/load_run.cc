#include "tools/loadgen/load_run.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <functional>
#include <mutex>
#include <random>
#include <thread>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "frontline/v1/conflict_state.grpc.pb.h"
#include "frontline/v1/ingest.grpc.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "libs/pipeline/raw_documents.h"

namespace frontline::loadgen {
namespace {

constexpr int64_t kNever = -1;

struct DocState {
  int64_t scheduled_ns = 0;
  int64_t queryable_ns = kNever;
  int64_t next_poll_ns = 0;
  int64_t poll_interval_ns = 0;
  bool submitted = false;
  bool acknowledged = false;
  bool rejected = false;
  bool via_poll = false;
};

struct QueryRecord {
  int64_t start_ns;
  float latency_ms;
  bool ok;
};

int64_t NowNs() { return absl::ToUnixNanos(absl::Now()); }

// Nearest-rank quantile of sorted `v`.
double Quantile(const std::vector<double>& v, double q) {
  if (v.empty()) return 0;
  const size_t i = static_cast<size_t>(q * v.size());
  return v[std::min(i, v.size() - 1)];
}

class Run {
 public:
  Run(const std::string& target, const Corpus& corpus,
      const LoadOptions& options, System* system)
      : corpus_(corpus), options_(options), system_(system) {
    grpc::ChannelArguments args;
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    auto channel = [&] {
      return grpc::CreateCustomChannel(
          target, grpc::InsecureChannelCredentials(), args);
    };
    ingest_ = v1::Ingest::NewStub(channel());
    watch_ = v1::ConflictState::NewStub(channel());
    poll_ = v1::ConflictState::NewStub(channel());
    // Queries and the echo baseline share one connection.
    auto query_channel = channel();
    query_ = v1::ConflictState::NewStub(query_channel);
    echo_ = grpc::health::v1::Health::NewStub(query_channel);
    total_ = options.documents > 0
                 ? options.documents
                 : static_cast<int64_t>(std::ceil(
                       options.rate * absl::ToDoubleSeconds(options.duration)));
    docs_.resize(total_);
    index_.reserve(total_);
    report_.target = target;
    report_.rate = options.rate;
  }

  // One document through the whole pipeline before the clock starts: the
  // consumers have joined and the first batches are behind.
  absl::Status WarmUp() {
    v1::RawDocument doc = corpus_.Document(0);
    doc.set_external_id(doc.external_id() + "-warm-up");
    doc.set_id(pipeline::RawDocumentId(doc));
    grpc::ClientContext context;
    auto stream = ingest_->SubmitDocuments(&context);
    v1::SubmitDocumentsRequest request;
    *request.mutable_document() = doc;
    v1::SubmitDocumentsResponse ack;
    if (!stream->Write(request) || !stream->WritesDone() ||
        !stream->Read(&ack) || ack.code() != 0) {
      return absl::UnavailableError(
          absl::StrCat("warm-up document not accepted: ", ack.message()));
    }
    stream->Finish();
    const absl::Time deadline = absl::Now() + absl::Seconds(120);
    while (absl::Now() < deadline) {
      grpc::ClientContext get;
      v1::GetDocumentRequest by_id;
      by_id.set_id(doc.id());
      v1::DocumentVerdict verdict;
      if (poll_->GetDocument(&get, by_id, &verdict).ok()) {
        return absl::OkStatus();
      }
      absl::SleepFor(absl::Milliseconds(100));
    }
    return absl::DeadlineExceededError(
        "the warm-up document was not queryable within 120 s");
  }

  LoadReport Go() {
    start_ns_ = NowNs();
    std::thread watcher([this] { Watch(); });
    // The watch is registered once the server has the call.
    absl::SleepFor(absl::Milliseconds(300));
    start_ns_ = NowNs();
    std::thread submitter([this] { Submit(); });
    std::thread poller([this] { Poll(); });
    std::vector<std::thread> queriers;
    query_records_.resize(options_.query_threads);
    echo_records_.resize(options_.query_threads);
    for (int t = 0; t < options_.query_threads; ++t) {
      queriers.emplace_back([this, t] { Query(t); });
      queriers.emplace_back([this, t] { Echo(t); });
    }
    Monitor();
    done_ = true;
    watch_context_.TryCancel();
    submitter.join();
    poller.join();
    for (auto& q : queriers) q.join();
    watcher.join();
    Summarize();
    return report_;
  }

 private:
  void MarkQueryable(int64_t i, int64_t now, bool via_poll) {
    DocState& d = docs_[i];
    if (d.queryable_ns != kNever) return;
    d.queryable_ns = now;
    d.via_poll = via_poll;
    ++queryable_;
    if (!via_poll) {
      // Moving estimate of the watched latency, for when to start polling.
      const double ms = (now - d.scheduled_ns) / 1e6;
      watched_ms_ = watched_ms_ == 0 ? ms : 0.98 * watched_ms_ + 0.02 * ms;
    }
  }

  void Submit() {
    grpc::ClientContext context;
    auto stream = ingest_->SubmitDocuments(&context);
    std::thread acks([&] {
      v1::SubmitDocumentsResponse response;
      while (stream->Read(&response)) {
        std::lock_guard<std::mutex> lock(mu_);
        auto it = index_.find(response.document_id());
        if (it == index_.end()) continue;
        DocState& d = docs_[it->second];
        d.acknowledged = true;
        ++acknowledged_;
        if (response.code() != 0) {
          d.rejected = true;
          ++rejected_;
          if (first_rejection_.empty()) first_rejection_ = response.message();
        }
      }
    });
    const double interval_ns = 1e9 / options_.rate;
    for (int64_t i = 0; i < total_ && !done_; ++i) {
      const int64_t scheduled =
          start_ns_ + static_cast<int64_t>(i * interval_ns);
      const int64_t wait = scheduled - NowNs();
      if (wait > 0) absl::SleepFor(absl::Nanoseconds(wait));
      v1::SubmitDocumentsRequest request;
      *request.mutable_document() = corpus_.Document(i);
      {
        std::lock_guard<std::mutex> lock(mu_);
        index_[request.document().id()] = i;
        docs_[i].scheduled_ns = scheduled;
        docs_[i].submitted = true;
      }
      if (!stream->Write(request)) {
        std::lock_guard<std::mutex> lock(mu_);
        docs_[i].submitted = false;
        stream_error_ = "ingest stream broken";
        break;
      }
      submitted_ = i + 1;
    }
    stream->WritesDone();
    last_submit_ns_ = NowNs();
    submitting_ = false;
    acks.join();
    grpc::Status status = stream->Finish();
    if (!status.ok() && stream_error_.empty()) {
      stream_error_ = status.error_message();
    }
  }

  void Watch() {
    std::string resume;
    while (!done_) {
      v1::WatchEventsRequest request;
      request.set_resume_token(resume);
      auto reader = watch_->WatchEvents(&watch_context_, request);
      v1::WatchEventsResponse response;
      while (reader->Read(&response)) {
        resume = response.resume_token();
        const int64_t now = NowNs();
        std::lock_guard<std::mutex> lock(mu_);
        for (const auto& source : response.event().sources()) {
          auto it = index_.find(source.document_id());
          if (it != index_.end()) MarkQueryable(it->second, now, false);
        }
      }
      reader->Finish();
      return;  // cancelled at the end, or the server went away
    }
  }

  // GetDocument for documents no event has listed yet, oldest first.
  void Poll() {
    int64_t oldest = 0;
    while (!done_) {
      std::vector<int64_t> due;
      const int64_t now = NowNs();
      {
        std::lock_guard<std::mutex> lock(mu_);
        const int64_t wait_ns =
            static_cast<int64_t>(std::max(100.0, 2 * watched_ms_) * 1e6);
        const int64_t submitted = submitted_.load();
        while (oldest < submitted && (docs_[oldest].queryable_ns != kNever ||
                                      docs_[oldest].rejected)) {
          ++oldest;
        }
        for (int64_t i = oldest; i < submitted && due.size() < 200; ++i) {
          DocState& d = docs_[i];
          if (d.queryable_ns != kNever || d.rejected) continue;
          if (now - d.scheduled_ns < wait_ns) break;
          if (d.next_poll_ns > now) continue;
          d.poll_interval_ns = std::min<int64_t>(
              std::max<int64_t>(d.poll_interval_ns * 2, 50'000'000),
              1'000'000'000);
          d.next_poll_ns = now + d.poll_interval_ns;
          due.push_back(i);
        }
      }
      for (int64_t i : due) {
        const std::string id = corpus_.Document(i).id();
        grpc::ClientContext context;
        context.set_deadline(std::chrono::system_clock::now() +
                             std::chrono::seconds(5));
        v1::GetDocumentRequest request;
        request.set_id(id);
        v1::DocumentVerdict verdict;
        if (poll_->GetDocument(&context, request, &verdict).ok()) {
          const int64_t seen = NowNs();
          std::lock_guard<std::mutex> lock(mu_);
          MarkQueryable(i, seen, true);
        }
      }
      absl::SleepFor(absl::Milliseconds(due.empty() ? 50 : 5));
    }
  }

  // Calls `call` (given the call's number) on `thread`'s share of the query
  // rate until the run is done, `offset` of an interval after the thread's
  // slot, each call recorded in `records`; the first error, after `label`,
  // is reported.
  void Paced(int thread, double offset, const char* label,
             std::vector<QueryRecord>& records,
             const std::function<grpc::Status(int64_t n)>& call) {
    const double per_thread = options_.query_rate / options_.query_threads;
    if (per_thread <= 0) return;
    const int64_t interval_ns = static_cast<int64_t>(1e9 / per_thread);
    int64_t next = start_ns_ + interval_ns * thread / options_.query_threads +
                   static_cast<int64_t>(offset * interval_ns);
    for (int64_t n = 0; !done_; ++n) {
      const int64_t wait = next - NowNs();
      if (wait > 0) absl::SleepFor(absl::Nanoseconds(wait));
      next += interval_ns;
      if (done_) break;
      const int64_t begin = NowNs();
      const grpc::Status status = call(n);
      const int64_t end = NowNs();
      records.push_back(
          {begin, static_cast<float>((end - begin) / 1e6), status.ok()});
      if (!status.ok()) {
        std::lock_guard<std::mutex> lock(mu_);
        if (first_query_error_.empty()) {
          first_query_error_ =
              absl::StrCat(label, static_cast<int>(status.error_code()), ": ",
                           status.error_message());
        }
      }
    }
  }

  void Query(int thread) {
    std::mt19937_64 gen(thread + 1);
    const auto& places = corpus_.places();
    Paced(thread, 0, "", query_records_[thread], [&](int64_t n) {
      const auto& place = places[gen() % places.size()];
      grpc::ClientContext context;
      context.set_deadline(std::chrono::system_clock::now() +
                           std::chrono::seconds(10));
      if (n % 2 == 0) {
        v1::GetPlaceRequest request;
        request.set_name(place.name);
        v1::PlaceState response;
        grpc::Status status = query_->GetPlace(&context, request, &response);
        // A place nothing was reported about yet is an answer too.
        if (status.error_code() == grpc::StatusCode::NOT_FOUND) {
          status = grpc::Status::OK;
        }
        return status;
      }
      v1::ListEventsRequest request;
      request.mutable_filter()->set_place(place.id);
      request.set_page_size(50);
      v1::ListEventsResponse response;
      return query_->ListEvents(&context, request, &response);
    });
  }

  // The baseline for the queries: the empty RPC (grpc.health.v1 Check) on
  // the same server and connection, at the same rate, half an interval
  // after each query.
  void Echo(int thread) {
    Paced(thread, 0.5, "echo: ", echo_records_[thread], [&](int64_t) {
      grpc::ClientContext context;
      context.set_deadline(std::chrono::system_clock::now() +
                           std::chrono::seconds(10));
      grpc::health::v1::HealthCheckRequest request;
      grpc::health::v1::HealthCheckResponse response;
      return echo_->Check(&context, request, &response);
    });
  }

  void RecordMemory(Band& band) {
    if (system_ == nullptr) return;
    for (const auto& p : system_->processes()) {
      auto memory = ReadMemory(p->pid());
      if (!memory.ok()) continue;
      band.memory.push_back({p->name(), memory->peak_rss});
      band.peak_rss_total += memory->peak_rss;
    }
  }

  void Monitor() {
    size_t next_checkpoint = 0;
    int64_t last_progress = NowNs();
    while (true) {
      absl::SleepFor(absl::Milliseconds(100));
      const int64_t now = NowNs();
      const int64_t count = queryable_.load();
      while (next_checkpoint < options_.checkpoints.size() &&
             count >= options_.checkpoints[next_checkpoint]) {
        Band band;
        band.corpus = options_.checkpoints[next_checkpoint++];
        RecordMemory(band);
        report_.bands.push_back(std::move(band));
      }
      if (options_.progress > absl::ZeroDuration() &&
          now - last_progress > absl::ToInt64Nanoseconds(options_.progress)) {
        last_progress = now;
        std::fprintf(stderr,
                     "loadgen: %.0f s: %lld submitted, %lld acknowledged, "
                     "%lld queryable\n",
                     (now - start_ns_) / 1e9,
                     static_cast<long long>(submitted_.load()),
                     static_cast<long long>(acknowledged_.load()),
                     static_cast<long long>(count));
      }
      if (system_ != nullptr) {
        report_.exited = system_->Exited();
        if (!report_.exited.empty()) break;
      }
      if (submitting_) continue;
      if (count + rejected_.load() >= submitted_.load()) break;
      if (now - last_submit_ns_ > absl::ToInt64Nanoseconds(options_.drain)) {
        break;
      }
    }
    Band end;
    end.corpus = queryable_.load();
    if (!report_.bands.empty() && report_.bands.back().corpus == end.corpus) {
      return;
    }
    RecordMemory(end);
    report_.bands.push_back(std::move(end));
  }

  void Summarize() {
    std::lock_guard<std::mutex> lock(mu_);
    LoadReport& r = report_;
    r.submitted = submitted_;
    r.acknowledged = acknowledged_;
    r.rejected = rejected_;
    r.queryable = queryable_;
    std::vector<int64_t> seen_times;
    std::vector<double> all;
    for (int64_t i = 0; i < r.submitted; ++i) {
      const DocState& d = docs_[i];
      if (d.queryable_ns == kNever) continue;
      seen_times.push_back(d.queryable_ns);
      all.push_back((d.queryable_ns - d.scheduled_ns) / 1e6);
      (d.via_poll ? r.via_poll : r.via_watch)++;
    }
    std::sort(seen_times.begin(), seen_times.end());
    const int64_t last_seen =
        seen_times.empty() ? start_ns_ : seen_times.back();
    r.elapsed_s = (NowNs() - start_ns_) / 1e9;
    r.sustained_docs_per_s =
        seen_times.empty() ? 0 : r.queryable / ((last_seen - start_ns_) / 1e9);
    std::vector<double> sorted = all;
    std::sort(sorted.begin(), sorted.end());
    r.latency_p50_ms = Quantile(sorted, 0.5);
    r.latency_p99_ms = Quantile(sorted, 0.99);
    r.latency_max_ms = sorted.empty() ? 0 : sorted.back();
    // The second tenth (the first warms up) against the last.
    auto tenth = [&](int k) {
      const size_t n = all.size();
      std::vector<double> part(all.begin() + n * k / 10,
                               all.begin() + n * (k + 1) / 10);
      std::sort(part.begin(), part.end());
      return Quantile(part, 0.5);
    };
    r.early_p50_ms = tenth(1);
    r.late_p50_ms = tenth(9);
    r.bounded = r.queryable + r.rejected == r.submitted && r.exited.empty() &&
                r.late_p50_ms <= 2 * r.early_p50_ms + 1000;
    if (!first_rejection_.empty()) {
      std::fprintf(stderr, "loadgen: first rejection: %s\n",
                   first_rejection_.c_str());
    }
    if (!stream_error_.empty()) {
      std::fprintf(stderr, "loadgen: ingest stream: %s\n",
                   stream_error_.c_str());
    }
    r.first_query_error = first_query_error_;

    // Band k: documents [corpus_{k-1}, corpus_k) in submission order, and
    // queries issued between the moments the corpus reached those sizes.
    std::vector<QueryRecord> queries;
    for (const auto& v : query_records_) {
      queries.insert(queries.end(), v.begin(), v.end());
    }
    std::vector<double> all_queries;
    for (const QueryRecord& q : queries) {
      if (q.ok) all_queries.push_back(q.latency_ms);
      ++r.queries;
      r.query_errors += !q.ok;
    }
    std::sort(all_queries.begin(), all_queries.end());
    r.query_p50_ms = Quantile(all_queries, 0.5);
    r.query_p99_ms = Quantile(all_queries, 0.99);
    std::vector<QueryRecord> echoes;
    for (const auto& v : echo_records_) {
      echoes.insert(echoes.end(), v.begin(), v.end());
    }
    std::vector<double> all_echoes;
    for (const QueryRecord& e : echoes) {
      if (e.ok) all_echoes.push_back(e.latency_ms);
      ++r.echoes;
      r.echo_errors += !e.ok;
    }
    std::sort(all_echoes.begin(), all_echoes.end());
    r.echo_p50_ms = Quantile(all_echoes, 0.5);
    r.echo_p99_ms = Quantile(all_echoes, 0.99);
    int64_t from_doc = 0, from_corpus = 0, from_ns = start_ns_;
    for (Band& band : r.bands) {
      const int64_t to_doc = std::min(band.corpus, r.submitted);
      const int64_t to_ns =
          band.corpus > 0 && band.corpus <= int64_t(seen_times.size())
              ? seen_times[band.corpus - 1]
              : last_seen;
      std::vector<double> latency;
      for (int64_t i = from_doc; i < to_doc; ++i) {
        if (docs_[i].queryable_ns != kNever) {
          latency.push_back((docs_[i].queryable_ns - docs_[i].scheduled_ns) /
                            1e6);
        }
      }
      std::sort(latency.begin(), latency.end());
      band.documents = latency.size();
      band.latency_p50_ms = Quantile(latency, 0.5);
      band.latency_p99_ms = Quantile(latency, 0.99);
      band.latency_max_ms = latency.empty() ? 0 : latency.back();
      std::vector<double> q;
      for (const QueryRecord& rec : queries) {
        if (rec.start_ns < from_ns || rec.start_ns >= to_ns) continue;
        ++band.queries;
        if (rec.ok) {
          q.push_back(rec.latency_ms);
        } else {
          ++band.query_errors;
        }
      }
      std::sort(q.begin(), q.end());
      band.query_p50_ms = Quantile(q, 0.5);
      band.query_p99_ms = Quantile(q, 0.99);
      std::vector<double> e;
      for (const QueryRecord& rec : echoes) {
        if (rec.ok && rec.start_ns >= from_ns && rec.start_ns < to_ns) {
          e.push_back(rec.latency_ms);
        }
      }
      std::sort(e.begin(), e.end());
      band.echo_p50_ms = Quantile(e, 0.5);
      band.echo_p99_ms = Quantile(e, 0.99);
      band.elapsed_s = (to_ns - start_ns_) / 1e9;
      band.docs_per_s = to_ns > from_ns ? (band.corpus - from_corpus) /
                                              ((to_ns - from_ns) / 1e9)
                                        : 0;
      from_corpus = band.corpus;
      from_doc = to_doc;
      from_ns = to_ns;
    }
  }

  const Corpus& corpus_;
  const LoadOptions options_;
  System* system_;
  std::unique_ptr<v1::Ingest::Stub> ingest_;
  std::unique_ptr<v1::ConflictState::Stub> watch_, poll_, query_;
  std::unique_ptr<grpc::health::v1::Health::Stub> echo_;
  grpc::ClientContext watch_context_;
  int64_t total_ = 0;
  int64_t start_ns_ = 0;
  std::atomic<int64_t> last_submit_ns_{0};
  std::atomic<bool> done_{false};
  std::atomic<bool> submitting_{true};
  std::atomic<int64_t> submitted_{0};
  std::atomic<int64_t> acknowledged_{0};
  std::atomic<int64_t> rejected_{0};
  std::atomic<int64_t> queryable_{0};

  std::mutex mu_;  // guards what follows
  std::vector<DocState> docs_;
  absl::flat_hash_map<std::string, int64_t> index_;
  double watched_ms_ = 0;
  std::string first_rejection_;
  std::string stream_error_;
  std::string first_query_error_;

  std::vector<std::vector<QueryRecord>> query_records_;  // one per thread
  std::vector<std::vector<QueryRecord>> echo_records_;   // one per thread
  LoadReport report_;
};

}  // namespace

absl::StatusOr<LoadReport> RunLoad(const std::string& target,
                                   const Corpus& corpus,
                                   const LoadOptions& options, System* system) {
  if (options.rate <= 0) {
    return absl::InvalidArgumentError("the rate must be positive");
  }
  if (options.documents <= 0 && options.duration <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError(
        "give a number of documents or a duration");
  }
  auto channel =
      grpc::CreateChannel(target, grpc::InsecureChannelCredentials());
  if (!channel->WaitForConnected(std::chrono::system_clock::now() +
                                 std::chrono::seconds(10))) {
    return absl::UnavailableError(absl::StrCat("cannot connect to ", target));
  }
  Run run(target, corpus, options, system);
  if (absl::Status s = run.WarmUp(); !s.ok()) return s;
  return run.Go();
}

}  // namespace frontline::loadgen
