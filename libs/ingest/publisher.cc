#include "libs/ingest/publisher.h"

#include <memory>

#include "absl/base/thread_annotations.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "libs/pipeline/raw_documents.h"

namespace frontline::ingest {
namespace {

struct Outstanding {
  absl::Mutex mu;
  size_t pending ABSL_GUARDED_BY(mu) = 0;
  absl::Status first_error ABSL_GUARDED_BY(mu);
};

}  // namespace

absl::Status PublishRawDocuments(bus::Bus& bus,
                                 const std::vector<v1::RawDocument>& docs,
                                 absl::string_view producer,
                                 absl::Duration timeout) {
  // Shared with callbacks that may outlive a timed-out wait.
  auto state = std::make_shared<Outstanding>();
  for (const v1::RawDocument& doc : docs) {
    {
      absl::MutexLock lock(&state->mu);
      ++state->pending;
    }
    absl::Status s =
        bus.Produce(pipeline::RawDocumentMessage(doc, producer),
                    [state](const bus::DeliveryReport& report) {
                      absl::MutexLock lock(&state->mu);
                      --state->pending;
                      if (!report.status.ok() && state->first_error.ok()) {
                        state->first_error = report.status;
                      }
                    });
    if (!s.ok()) {
      absl::MutexLock lock(&state->mu);
      --state->pending;
      if (state->first_error.ok()) {
        state->first_error = absl::Status(
            s.code(), absl::StrCat("document ", doc.id(), ": ", s.message()));
      }
    }
  }
  absl::MutexLock lock(&state->mu);
  auto done = [&state]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(state->mu) {
    return state->pending == 0;
  };
  if (!state->mu.AwaitWithTimeout(absl::Condition(&done), timeout)) {
    return absl::DeadlineExceededError(absl::StrCat(
        state->pending, " of ", docs.size(), " documents not durable within ",
        absl::FormatDuration(timeout)));
  }
  return state->first_error;
}

}  // namespace frontline::ingest
