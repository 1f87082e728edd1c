#include "libs/dedup/deduplicator.h"

#include <algorithm>
#include <cstdlib>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "libs/dedup/minhash.h"
#include "libs/dedup/similarity.h"

namespace frontline::dedup {
namespace {

std::string Key64(uint64_t v) {
  return std::string(reinterpret_cast<const char*>(&v), sizeof v);
}

std::string ExternalKey(const std::string& source, const std::string& ext) {
  return absl::StrCat(source, std::string(1, '\0'), ext);
}

bool Earlier(int64_t t1, const std::string& id1, int64_t t2,
             const std::string& id2) {
  return std::tie(t1, id1) < std::tie(t2, id2);
}

}  // namespace

struct Deduplicator::Candidate {
  StoredDocument doc;
  v1::DuplicateKind kind = v1::DUPLICATE_KIND_UNSPECIFIED;
  double similarity = 0;
};

bool Deduplicator::CanParaphrase(const Anchors& anchors) const {
  return anchors.numbers.size() + anchors.quotes.size() >=
             static_cast<size_t>(options_.min_figures_and_quotes) &&
         anchors.names.size() >= static_cast<size_t>(options_.min_names);
}

absl::StatusOr<std::unique_ptr<Deduplicator>> Deduplicator::Open(
    const DedupOptions& options) {
  std::unique_ptr<Deduplicator> d(new Deduplicator(options));
  absl::StatusOr<std::unique_ptr<IndexStore>> store =
      IndexStore::Open(options.dir, options.window);
  if (!store.ok()) return store.status();
  d->store_ = *std::move(store);
  return d;
}

absl::StatusOr<std::optional<Deduplicator::Candidate>>
Deduplicator::FindOriginal(const v1::Document& doc, const Fingerprint& fp,
                           int64_t time) const {
  const int64_t window = absl::ToInt64Microseconds(options_.window);
  auto in_window = [&](const Posting& p) {
    return p.doc_id != doc.id() && std::llabs(p.time_micros - time) <= window;
  };
  auto load = [&](const std::string& id)
      -> absl::StatusOr<std::optional<StoredDocument>> {
    absl::StatusOr<std::optional<StoredDocument>> d = store_->GetDocument(id);
    if (d.ok() && d->has_value() && (*d)->source_id == doc.source().id() &&
        (*d)->external_id == doc.external_id()) {
      return std::nullopt;  // another version of this very document
    }
    return d;
  };
  // Earliest matching posting of an exact key.
  auto first_of =
      [&](PostingKind kind, const std::string& key,
          v1::DuplicateKind dk) -> absl::StatusOr<std::optional<Candidate>> {
    absl::StatusOr<std::vector<Posting>> ps = store_->Find(
        kind, key, time - window, time + window, options_.max_postings_per_key);
    if (!ps.ok()) return ps.status();
    for (const Posting& p : *ps) {
      if (!in_window(p)) continue;
      absl::StatusOr<std::optional<StoredDocument>> d = load(p.doc_id);
      if (!d.ok()) return d.status();
      if (!d->has_value()) continue;
      if (kind == PostingKind::kExact &&
          ((*d)->fingerprint.exact != fp.exact ||
           (*d)->fingerprint.words != fp.words)) {
        continue;
      }
      return Candidate{**std::move(d), dk, 1.0};
    }
    return std::nullopt;
  };

  if (!fp.forward_of.empty()) {
    auto c = first_of(PostingKind::kForward, fp.forward_of,
                      v1::DUPLICATE_KIND_FORWARD);
    if (!c.ok() || c->has_value()) return c;
  }
  if (fp.exact != 0) {
    auto c = first_of(PostingKind::kExact, Key64(fp.exact),
                      v1::DUPLICATE_KIND_EXACT);
    if (!c.ok() || c->has_value()) return c;
  }

  // LSH candidates, verified against stored fingerprints.
  // Documents sharing the most bands first, at most max_candidates of them.
  auto candidates = [&](PostingKind kind, const std::vector<uint32_t>& sig,
                        int rows) -> absl::StatusOr<std::vector<Posting>> {
    absl::flat_hash_map<std::string, size_t> index;
    std::vector<std::pair<int, Posting>> found;
    for (uint64_t band : BandKeys(sig, rows)) {
      absl::StatusOr<std::vector<Posting>> ps =
          store_->Find(kind, Key64(band), time - window, time + window,
                       options_.max_postings_per_key);
      if (!ps.ok()) return ps.status();
      for (Posting& p : *ps) {
        if (!in_window(p)) continue;
        auto [it, fresh] = index.try_emplace(p.doc_id, found.size());
        if (fresh) {
          found.emplace_back(1, std::move(p));
        } else {
          ++found[it->second].first;
        }
      }
    }
    std::stable_sort(
        found.begin(), found.end(),
        [](const auto& a, const auto& b) { return a.first > b.first; });
    if (found.size() > options_.max_candidates) {
      found.resize(options_.max_candidates);
    }
    std::vector<Posting> out;
    for (auto& [hits, p] : found) out.push_back(std::move(p));
    return out;
  };

  std::optional<Candidate> best;
  auto consider = [&](Candidate c) {
    if (!best.has_value() || c.similarity > best->similarity ||
        (c.similarity == best->similarity &&
         Earlier(c.doc.time_micros, c.doc.id, best->doc.time_micros,
                 best->doc.id))) {
      best = std::move(c);
    }
  };
  {
    auto ps = candidates(PostingKind::kBand, fp.minhash,
                         options_.fingerprint.band_rows);
    if (!ps.ok()) return ps.status();
    for (const Posting& p : *ps) {
      auto d = load(p.doc_id);
      if (!d.ok()) return d.status();
      if (!d->has_value()) continue;
      const double s = NearSimilarity(fp, (*d)->fingerprint);
      if (s >= options_.near_threshold) {
        consider(Candidate{**std::move(d), v1::DUPLICATE_KIND_NEAR, s});
      }
    }
    if (best.has_value()) return best;
  }
  if (CanParaphrase(fp.anchors)) {
    auto ps = candidates(PostingKind::kAnchorBand, fp.anchor_minhash,
                         options_.fingerprint.anchor_band_rows);
    if (!ps.ok()) return ps.status();
    for (const Posting& p : *ps) {
      auto d = load(p.doc_id);
      if (!d.ok()) return d.status();
      if (!d->has_value()) continue;
      const ParaphraseMatch m =
          ParaphraseScore(fp.anchors, (*d)->fingerprint.anchors);
      if (m.score >= options_.paraphrase_threshold &&
          m.figures_and_quotes >= options_.min_figures_and_quotes &&
          m.names >= options_.min_names) {
        consider(
            Candidate{**std::move(d), v1::DUPLICATE_KIND_PARAPHRASE, m.score});
      }
    }
  }
  return best;
}

absl::StatusOr<v1::DocumentVerdict> Deduplicator::Judge(
    const v1::Document& doc, std::vector<v1::DocumentVerdict>* revised) {
  if (doc.id().empty()) {
    return absl::InvalidArgumentError("dedup: document without id");
  }
  absl::MutexLock lock(&mu_);
  {
    auto stored = store_->GetVerdict(doc.id());
    if (!stored.ok()) return stored.status();
    if (stored->has_value()) {
      if (revised != nullptr) {
        auto earlier = store_->GetRevisions(doc.id());
        if (!earlier.ok()) return earlier.status();
        revised->insert(revised->end(), earlier->begin(), earlier->end());
      }
      return **stored;
    }
  }
  const int64_t time = DocumentTimeMicros(doc);
  const int64_t window = absl::ToInt64Microseconds(options_.window);
  const Fingerprint fp = ComputeFingerprint(doc, options_.fingerprint);

  v1::DocumentVerdict verdict;
  verdict.set_document_id(doc.id());
  verdict.set_revision(1);
  verdict.set_verdict(v1::VERDICT_NEW);
  IndexStore::Batch batch = store_->NewBatch();

  // An edit: another version of the same source's item.
  const std::string ext = ExternalKey(doc.source().id(), doc.external_id());
  bool is_edit = false;
  if (!doc.external_id().empty()) {
    auto ps = store_->Find(PostingKind::kExternal, ext, time - window,
                           time + window, options_.max_postings_per_key);
    if (!ps.ok()) return ps.status();
    const StoredDocument* latest = nullptr;
    std::vector<StoredDocument> versions;
    for (const Posting& p : *ps) {
      if (p.doc_id == doc.id() || std::llabs(p.time_micros - time) > window) {
        continue;
      }
      auto d = store_->GetDocument(p.doc_id);
      if (!d.ok()) return d.status();
      if (d->has_value() && (*d)->version != doc.version()) {
        versions.push_back(**d);
      }
    }
    // The highest earlier version; else (an older version arriving late)
    // the lowest later one.
    for (const StoredDocument& v : versions) {
      const bool before = v.version < doc.version();
      if (latest == nullptr) {
        latest = &v;
      } else if (before != (latest->version < doc.version())) {
        if (before) latest = &v;
      } else if (before ? v.version > latest->version
                        : v.version < latest->version) {
        latest = &v;
      }
    }
    if (latest != nullptr) {
      is_edit = true;
      verdict.set_verdict(v1::VERDICT_NEW_VERSION);
      verdict.set_duplicate_of(latest->id);
    }
  }

  if (!is_edit) {
    auto found = FindOriginal(doc, fp, time);
    if (!found.ok()) return found.status();
    if (found->has_value()) {
      const Candidate& c = **found;
      auto cv = store_->GetVerdict(c.doc.id);
      if (!cv.ok()) return cv.status();
      // The candidate's own original, when it is a copy itself.
      std::string root_id = c.doc.id;
      int64_t root_time = c.doc.time_micros;
      if (cv->has_value() && (*cv)->verdict() == v1::VERDICT_DUPLICATE) {
        auto root = store_->GetDocument((*cv)->duplicate_of());
        if (!root.ok()) return root.status();
        if (root->has_value()) {
          root_id = (*root)->id;
          root_time = (*root)->time_micros;
        }
      }
      if (Earlier(root_time, root_id, time, doc.id())) {
        verdict.set_verdict(v1::VERDICT_DUPLICATE);
        verdict.set_duplicate_of(root_id);
        verdict.set_kind(c.kind);
        verdict.set_similarity(c.similarity);
      } else if (cv->has_value()) {
        // This document is the earlier one: the candidate becomes its copy.
        v1::DocumentVerdict r = **cv;
        r.set_verdict(v1::VERDICT_DUPLICATE);
        r.set_duplicate_of(doc.id());
        r.set_kind(c.kind);
        r.set_similarity(c.similarity);
        r.set_revision(r.revision() + 1);
        batch.PutVerdict(c.doc.time_micros, r);
        batch.PutRevisions(time, doc.id(), {r});
        if (revised != nullptr) revised->push_back(r);
      }
    }
  }

  Put(batch, doc, fp, time, verdict);
  absl::Status s = store_->Commit(batch);
  if (!s.ok()) return s;
  return verdict;
}

void Deduplicator::Put(IndexStore::Batch& batch, const v1::Document& doc,
                       const Fingerprint& fp, int64_t time,
                       const v1::DocumentVerdict& verdict) const {
  const std::string ext = ExternalKey(doc.source().id(), doc.external_id());
  StoredDocument stored;
  stored.id = doc.id();
  stored.time_micros = time;
  stored.source_id = doc.source().id();
  stored.external_id = doc.external_id();
  stored.version = doc.version();
  stored.fingerprint = fp;
  batch.PutDocument(stored);
  batch.PutVerdict(time, verdict);
  if (!doc.external_id().empty()) {
    batch.AddPosting(PostingKind::kExternal, ext, time, doc.id());
  }
  if (fp.exact != 0) {
    batch.AddPosting(PostingKind::kExact, Key64(fp.exact), time, doc.id());
  }
  if (!fp.forward_key.empty()) {
    batch.AddPosting(PostingKind::kForward, fp.forward_key, time, doc.id());
  }
  for (uint64_t band : BandKeys(fp.minhash, options_.fingerprint.band_rows)) {
    batch.AddPosting(PostingKind::kBand, Key64(band), time, doc.id());
  }
  if (CanParaphrase(fp.anchors)) {
    for (uint64_t band :
         BandKeys(fp.anchor_minhash, options_.fingerprint.anchor_band_rows)) {
      batch.AddPosting(PostingKind::kAnchorBand, Key64(band), time, doc.id());
    }
  }
}

absl::Status Deduplicator::Load(const v1::Document& doc) {
  if (doc.id().empty()) {
    return absl::InvalidArgumentError("dedup: document without id");
  }
  absl::MutexLock lock(&mu_);
  v1::DocumentVerdict verdict;
  verdict.set_document_id(doc.id());
  verdict.set_revision(1);
  verdict.set_verdict(v1::VERDICT_NEW);
  IndexStore::Batch batch = store_->NewBatch();
  Put(batch, doc, ComputeFingerprint(doc, options_.fingerprint),
      DocumentTimeMicros(doc), verdict);
  return store_->Commit(batch);
}

absl::Status Deduplicator::Index(const v1::Document& doc) {
  return Judge(doc).status();
}

absl::StatusOr<std::optional<v1::DocumentVerdict>> Deduplicator::VerdictOf(
    const std::string& document_id) const {
  return store_->GetVerdict(document_id);
}

absl::Status Deduplicator::Compact() { return store_->Compact(); }

std::string DuplicateKindName(v1::DuplicateKind kind) {
  switch (kind) {
    case v1::DUPLICATE_KIND_EXACT:
      return "exact";
    case v1::DUPLICATE_KIND_NEAR:
      return "near";
    case v1::DUPLICATE_KIND_PARAPHRASE:
      return "paraphrase";
    case v1::DUPLICATE_KIND_FORWARD:
      return "forward";
    default:
      return "unspecified";
  }
}

}  // namespace frontline::dedup
