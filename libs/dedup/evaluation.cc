#include "libs/dedup/evaluation.h"

#include <algorithm>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "libs/dedup/deduplicator.h"

namespace frontline::dedup {
absl::StatusOr<EvalReport> Evaluate(std::vector<LabeledDocument> docs,
                                    const DedupOptions& options) {
  std::sort(
      docs.begin(), docs.end(),
      [](const LabeledDocument& a, const LabeledDocument& b) {
        return std::make_tuple(a.doc.published_time().seconds(), a.doc.id()) <
               std::make_tuple(b.doc.published_time().seconds(), b.doc.id());
      });
  absl::StatusOr<std::unique_ptr<Deduplicator>> dedup =
      Deduplicator::Open(options);
  if (!dedup.ok()) return dedup.status();
  absl::flat_hash_map<std::string, const LabeledDocument*> by_id;
  for (const LabeledDocument& d : docs) {
    by_id[d.doc.id()] = &d;
    absl::StatusOr<v1::DocumentVerdict> v = (*dedup)->Judge(d.doc);
    if (!v.ok()) return v.status();
  }
  EvalReport r;
  for (const char* k : {"exact", "near", "paraphrase", "forward", "all"}) {
    r.kinds[k];
  }
  for (size_t i = 0; i < docs.size(); ++i) {
    for (size_t j = i + 1; j < docs.size(); ++j) {
      if (docs[i].cluster != docs[j].cluster &&
          docs[i].group == docs[j].group) {
        ++r.hard_negative_pairs;
      }
    }
  }
  for (const LabeledDocument& d : docs) {
    absl::StatusOr<std::optional<v1::DocumentVerdict>> v =
        (*dedup)->VerdictOf(d.doc.id());
    if (!v.ok()) return v.status();
    if (!v->has_value()) return absl::InternalError("verdict missing");
    const v1::DocumentVerdict& verdict = **v;
    const auto other = by_id.find(verdict.duplicate_of());
    const bool same_cluster =
        other != by_id.end() && other->second->cluster == d.cluster;
    const bool is_dup = verdict.verdict() == v1::VERDICT_DUPLICATE;
    const bool labeled_dup = d.kind != "original" && d.kind != "edit";
    if (labeled_dup) {
      ++r.kinds[d.kind].labeled;
      ++r.kinds["all"].labeled;
      if (is_dup && same_cluster) {
        ++r.kinds[d.kind].recalled;
        ++r.kinds["all"].recalled;
      }
    }
    if (d.kind == "edit") {
      ++r.edits;
      if (verdict.verdict() == v1::VERDICT_NEW_VERSION && same_cluster) {
        ++r.edits_recognized;
      }
    }
    if (is_dup) {
      const std::string k = DuplicateKindName(verdict.kind());
      ++r.kinds[k].predicted;
      ++r.kinds["all"].predicted;
      if (same_cluster) {
        ++r.kinds[k].correct;
        ++r.kinds["all"].correct;
      }
    }
    if ((is_dup || verdict.verdict() == v1::VERDICT_NEW_VERSION) &&
        !same_cluster) {
      ++r.false_merges;
      if (other != by_id.end() && other->second->group == d.group) {
        ++r.hard_negative_false_merges;
      }
    }
    const bool right =
        d.kind == "original" ? verdict.verdict() == v1::VERDICT_NEW
        : d.kind == "edit"
            ? verdict.verdict() == v1::VERDICT_NEW_VERSION && same_cluster
            : is_dup && same_cluster;
    if (!right) {
      r.mistakes.push_back(absl::StrCat(
          d.doc.id(), " (", d.kind, "): ", v1::Verdict_Name(verdict.verdict()),
          " ", DuplicateKindName(verdict.kind()), " of '",
          verdict.duplicate_of(), "' similarity ",
          absl::StrFormat("%.3f", verdict.similarity())));
    }
  }
  return r;
}

std::string FormatReport(const EvalReport& r) {
  std::string out =
      absl::StrFormat("%-11s %7s %9s %9s %7s %7s %7s\n", "kind", "labeled",
                      "predicted", "precision", "recall", "f1", "");
  for (const char* k : {"exact", "near", "paraphrase", "forward", "all"}) {
    const KindFigures& f = r.kinds.at(k);
    absl::StrAppend(
        &out, absl::StrFormat("%-11s %7d %9d %9.3f %7.3f %7.3f\n", k, f.labeled,
                              f.predicted, f.precision(), f.recall(), f.f1()));
  }
  absl::StrAppend(
      &out,
      absl::StrFormat("edits recognized: %d/%d\n"
                      "false merges: %d (hard negatives: %d of %d "
                      "pairs)\n",
                      r.edits_recognized, r.edits, r.false_merges,
                      r.hard_negative_false_merges, r.hard_negative_pairs));
  for (const std::string& m : r.mistakes)
    absl::StrAppend(&out, "  miss: ", m, "\n");
  return out;
}

}  // namespace frontline::dedup
