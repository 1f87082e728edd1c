// dedup_eval [LABELED_JSONL] — judges the labeled set (tuned and held-out
// splits separately) and, when FRONTLINE_SHARED_DIR/seeds exists, the seeds
// together with the whole set; prints pairwise figures per kind.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "libs/dedup/evaluation.h"
#include "libs/dedup/labeled_set.h"
#include "libs/dedup/similarity.h"

namespace fd = frontline::dedup;

int Run(const std::string& title, std::vector<fd::LabeledDocument> docs) {
  fd::DedupOptions options;
  options.dir = (std::filesystem::temp_directory_path() /
                 ("dedup_eval_" + std::to_string(::getpid()) + "_" + title))
                    .string();
  std::filesystem::remove_all(options.dir);
  absl::StatusOr<fd::EvalReport> r = fd::Evaluate(std::move(docs), options);
  std::filesystem::remove_all(options.dir);
  if (!r.ok()) {
    std::fprintf(stderr, "%s: %s\n", title.c_str(),
                 r.status().ToString().c_str());
    return 1;
  }
  std::printf("== %s\n%s\n", title.c_str(), fd::FormatReport(*r).c_str());
  return 0;
}

// Margins: the closest cross-cluster pairs of a group and the weakest
// same-cluster pairs, by near similarity and paraphrase score.
void PrintMargins(const std::vector<fd::LabeledDocument>& docs) {
  const fd::FingerprintOptions options;
  std::vector<fd::Fingerprint> fps;
  for (const auto& d : docs)
    fps.push_back(fd::ComputeFingerprint(d.doc, options));
  for (size_t i = 0; i < docs.size(); ++i) {
    for (size_t j = i + 1; j < docs.size(); ++j) {
      const bool same = docs[i].cluster == docs[j].cluster;
      if (!same && docs[i].group != docs[j].group) continue;
      const double near = fd::NearSimilarity(fps[i], fps[j]);
      const fd::ParaphraseMatch m =
          fd::ParaphraseScore(fps[i].anchors, fps[j].anchors);
      std::printf("%s %-8s %-8s near %.3f para %.3f fq %d names %d\n",
                  same ? "SAME " : "OTHER", docs[i].doc.id().c_str(),
                  docs[j].doc.id().c_str(), near, m.score, m.figures_and_quotes,
                  m.names);
    }
  }
}

int main(int argc, char** argv) {
  const bool margins = argc > 1 && std::string(argv[1]) == "--margins";
  if (margins) {
    --argc;
    ++argv;
  }
  const std::string path =
      argc > 1 ? argv[1]
               : std::string(FRONTLINE_DEDUP_LABELED) + "/documents.jsonl";
  absl::StatusOr<std::vector<fd::LabeledDocument>> all =
      fd::ReadLabeledSet(path);
  if (!all.ok()) {
    std::fprintf(stderr, "%s\n", all.status().ToString().c_str());
    return 1;
  }
  if (margins) {
    PrintMargins(*all);
    return 0;
  }
  std::vector<fd::LabeledDocument> tune, heldout;
  for (const auto& d : *all)
    (d.split == "heldout" ? heldout : tune).push_back(d);
  int rc = Run("tuned", tune) | Run("held-out", heldout);
  const char* shared = std::getenv("FRONTLINE_SHARED_DIR");
  const std::string seeds =
      std::string(shared != nullptr ? shared : "../shared") + "/seeds";
  if (std::filesystem::exists(seeds)) {
    absl::StatusOr<std::vector<fd::LabeledDocument>> s = fd::ReadSeeds(seeds);
    if (s.ok()) {
      std::vector<fd::LabeledDocument> with = *all;
      with.insert(with.end(), s->begin(), s->end());
      rc |= Run("seeds + whole set", with);
    }
  }
  return rc;
}
