// extract_eval: scores the claim coder on the labeled sets.
//
//   extract_eval [--verbose] [--matched] [--data DIR] [--gazetteer FILE]
//                [--calendar FILE] [FILE.jsonl...]
//
// With no files: the tuned, held-out and article sets of testdata/labeled,
// and the seed labels when FRONTLINE_SHARED_DIR names a directory holding
// seeds/. --verbose lists missed and spurious claims, --matched the matches.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "libs/extract/evaluation.h"
#include "libs/text/relative_date.h"

namespace {

using frontline::extract::Evaluation;

void Print(const std::string& name, const Evaluation& e) {
  std::printf("%s\n", name.c_str());
  std::printf("  %-4s %-7s %6s %6s %6s %5s %5s %5s\n", "lang", "what", "P", "R",
              "F1", "tp", "pred", "gold");
  for (const auto& [lang, s] : e.claims) {
    const auto& p = e.places.at(lang);
    std::printf("  %-4s %-7s %6.3f %6.3f %6.3f %5d %5d %5d\n", lang.c_str(),
                "claims", s.precision(), s.recall(), s.f1(), s.matched,
                s.predicted, s.expected);
    std::printf("  %-4s %-7s %6.3f %6.3f %6.3f %5d %5d %5d\n", lang.c_str(),
                "places", p.precision(), p.recall(), p.f1(), p.matched,
                p.predicted, p.expected);
  }
}

}  // namespace

int main(int argc, char** argv) {
  bool verbose = false;
  bool matched = false;
  std::string data = FRONTLINE_EXTRACT_DATA;
  std::string places = FRONTLINE_GAZETTEER_DATA;
  std::string calendar = FRONTLINE_CALENDAR_DATA;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--verbose") {
      verbose = true;
    } else if (arg == "--matched") {
      matched = true;
    } else if (arg == "--data" && i + 1 < argc) {
      data = argv[++i];
    } else if (arg == "--gazetteer" && i + 1 < argc) {
      places = argv[++i];
    } else if (arg == "--calendar" && i + 1 < argc) {
      calendar = argv[++i];
    } else {
      files.push_back(arg);
    }
  }
  auto gazetteer = frontline::gazetteer::Gazetteer::Load(places);
  if (!gazetteer.ok()) {
    std::fprintf(stderr, "%s\n", gazetteer.status().ToString().c_str());
    return 2;
  }
  auto dates = frontline::text::RelativeDateResolver::Load(calendar);
  if (!dates.ok()) {
    std::fprintf(stderr, "%s\n", dates.status().ToString().c_str());
    return 2;
  }
  auto extractor =
      frontline::extract::Extractor::Load(data, *gazetteer, &*dates);
  if (!extractor.ok()) {
    std::fprintf(stderr, "%s\n", extractor.status().ToString().c_str());
    return 2;
  }
  std::vector<
      std::pair<std::string, std::vector<frontline::extract::LabeledDocument>>>
      sets;
  if (files.empty()) {
    const std::string dir = FRONTLINE_EXTRACT_LABELED;
    files = {dir + "/tuned.jsonl",          dir + "/heldout.jsonl",
             dir + "/articles_dev.jsonl",   dir + "/articles2.jsonl",
             dir + "/articles_blind.jsonl", dir + "/articles3.jsonl",
             dir + "/articles4.jsonl",      dir + "/articles5.jsonl",
             dir + "/articles6.jsonl",      dir + "/articles7.jsonl",
             dir + "/articles8.jsonl",      dir + "/articles9.jsonl",
             dir + "/articles10.jsonl",     dir + "/articles11.jsonl"};
  }
  for (const std::string& file : files) {
    auto set = frontline::extract::LoadLabeledSet(file);
    if (!set.ok()) {
      std::fprintf(stderr, "%s\n", set.status().ToString().c_str());
      return 2;
    }
    sets.emplace_back(std::filesystem::path(file).filename(), *set);
  }
  if (const char* shared = std::getenv("FRONTLINE_SHARED_DIR")) {
    auto seeds = frontline::extract::LoadSeedSet(
        std::string(FRONTLINE_EXTRACT_LABELED) + "/seeds.jsonl", shared);
    if (!seeds.ok()) {
      std::fprintf(stderr, "%s\n", seeds.status().ToString().c_str());
      return 2;
    }
    if (!seeds->empty()) sets.emplace_back("seeds.jsonl", *seeds);
  }
  for (const auto& [name, set] : sets) {
    const Evaluation e = frontline::extract::Evaluate(*extractor, set);
    Print(name, e);
    if (matched) {
      for (const std::string& line : e.matches) {
        std::printf("    %s\n", line.c_str());
      }
    }
    if (verbose) {
      for (const std::string& line : e.errors) {
        std::printf("    %s\n", line.c_str());
      }
    }
  }
  return 0;
}
