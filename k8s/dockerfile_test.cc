// A structural lint of the top-level Dockerfile (there is no Docker engine to
// build it in the test environment): stages, pinned tags, a non-root USER,
// COPY sources that exist and are not excluded by .dockerignore, the
// ENTRYPOINT, the build of both binaries, and the data paths the Kubernetes
// manifests pass to the binary.
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace frontline {
namespace {

const std::filesystem::path kRoot = FRONTLINE_SOURCE_DIR;

struct Instruction {
  std::string op;    // upper case: FROM, RUN, COPY, ...
  std::string args;  // the rest, continuation lines joined
};

struct Stage {
  std::string image;
  std::string name;
  std::vector<Instruction> body;
};

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> Words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// Parses the Dockerfile into stages (comments dropped, `\` lines joined).
std::vector<Stage> Parse(const std::string& text) {
  std::vector<Instruction> instructions;
  std::istringstream in(text);
  std::string line, pending;
  while (std::getline(in, line)) {
    const size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    if (!line.empty() && line.back() == '\\') {
      pending += line.substr(0, line.size() - 1) + " ";
      continue;
    }
    pending += line;
    const size_t start = pending.find_first_not_of(" \t");
    const size_t space = pending.find_first_of(" \t", start);
    Instruction i;
    i.op = pending.substr(start, space - start);
    for (char& c : i.op) c = static_cast<char>(std::toupper(c));
    if (space != std::string::npos) i.args = pending.substr(space + 1);
    instructions.push_back(i);
    pending.clear();
  }
  std::vector<Stage> stages;
  for (const auto& i : instructions) {
    if (i.op == "FROM") {
      const auto w = Words(i.args);
      Stage s;
      size_t k = 0;
      while (k < w.size() && w[k].rfind("--", 0) == 0) ++k;
      if (k < w.size()) s.image = w[k];
      if (k + 2 < w.size() && (w[k + 1] == "AS" || w[k + 1] == "as")) {
        s.name = w[k + 2];
      }
      stages.push_back(s);
    } else if (!stages.empty()) {
      stages.back().body.push_back(i);
    }
  }
  return stages;
}

class DockerfileTest : public testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(std::filesystem::exists(kRoot / "Dockerfile"));
    stages_ = Parse(ReadFile(kRoot / "Dockerfile"));
    ASSERT_GE(stages_.size(), 2u) << "a multi-stage build";
  }
  const Stage& Runtime() const { return stages_.back(); }
  std::vector<Stage> stages_;
};

TEST_F(DockerfileTest, StagesArePinnedDebian12) {
  for (const auto& s : stages_) {
    SCOPED_TRACE(s.image);
    // A tag or digest, never latest.
    EXPECT_THAT(s.image, testing::MatchesRegex(
                             "[^:@]+(:[A-Za-z0-9._-]+|@sha256:[0-9a-f]{64})"));
    EXPECT_THAT(s.image, testing::Not(testing::EndsWith(":latest")));
    EXPECT_THAT(s.image, testing::MatchesRegex("debian:(12|bookworm).*"));
  }
  EXPECT_THAT(Runtime().image, testing::HasSubstr("slim"));
  EXPECT_FALSE(stages_.front().name.empty()) << "the build stage is named";
}

TEST_F(DockerfileTest, RuntimeRunsAsNonRootUser10001) {
  std::string user;
  for (const auto& i : Runtime().body) {
    if (i.op == "USER") user = Words(i.args).at(0);
  }
  ASSERT_FALSE(user.empty()) << "no USER in the runtime stage";
  const std::string uid = user.substr(0, user.find(':'));
  EXPECT_EQ(uid, "10001");
  EXPECT_NE(uid, "root");
  EXPECT_NE(uid, "0");
  // The user exists in the image.
  bool created = false;
  for (const auto& i : Runtime().body) {
    created = created ||
              (i.op == "RUN" && i.args.find("useradd") != std::string::npos &&
               i.args.find("--uid 10001") != std::string::npos);
  }
  EXPECT_TRUE(created);
}

TEST_F(DockerfileTest, EntrypointIsFrontline) {
  std::string entrypoint;
  for (const auto& i : Runtime().body) {
    if (i.op == "ENTRYPOINT") entrypoint = i.args;
  }
  EXPECT_EQ(entrypoint, "[\"frontline\"]");
}

TEST_F(DockerfileTest, BuildStageBuildsBothBinariesWithTheMakefilePackages) {
  std::string runs;
  bool copies_makefile = false;
  for (const auto& i : stages_.front().body) {
    if (i.op == "RUN") runs += i.args + "\n";
    if (i.op == "COPY" && Words(i.args).at(0) == "Makefile") {
      copies_makefile = true;
    }
  }
  EXPECT_TRUE(copies_makefile);
  EXPECT_THAT(runs, testing::HasSubstr("make deps"));
  EXPECT_THAT(runs,
              testing::ContainsRegex("--target +frontline +frontlinectl"));
  EXPECT_THAT(runs, testing::HasSubstr("ldd"));
}

TEST_F(DockerfileTest, CopySourcesExistAndAreInTheContext) {
  std::set<std::string> stage_names;
  for (const auto& s : stages_) stage_names.insert(s.name);
  std::vector<std::string> ignored;
  {
    std::istringstream in(ReadFile(kRoot / ".dockerignore"));
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line[0] != '#') ignored.push_back(line);
    }
  }
  ASSERT_THAT(ignored, testing::Contains("build"));
  int copies = 0;
  for (const auto& s : stages_) {
    for (const auto& i : s.body) {
      if (i.op != "COPY" && i.op != "ADD") continue;
      EXPECT_EQ(i.op, "COPY") << "ADD fetches and unpacks: use COPY";
      std::vector<std::string> w = Words(i.args);
      bool from_stage = false;
      while (!w.empty() && w.front().rfind("--", 0) == 0) {
        if (w.front().rfind("--from=", 0) == 0) {
          from_stage = true;
          EXPECT_TRUE(stage_names.count(w.front().substr(7))) << w.front();
        }
        w.erase(w.begin());
      }
      ASSERT_GE(w.size(), 2u) << i.args;
      if (from_stage) continue;
      for (size_t k = 0; k + 1 < w.size(); ++k) {
        ++copies;
        const std::string& src = w[k];
        if (src == ".") continue;
        EXPECT_TRUE(std::filesystem::exists(kRoot / src)) << src;
        for (const auto& pattern : ignored) {
          EXPECT_NE(src.rfind(pattern, 0), 0u)
              << src << " is excluded by .dockerignore " << pattern;
        }
      }
    }
  }
  EXPECT_GT(copies, 0);
}

TEST_F(DockerfileTest, ShipsTheDataTheManifestsUse) {
  std::string workdir;
  std::map<std::string, std::string> copied;  // destination -> source
  for (const auto& i : Runtime().body) {
    if (i.op == "WORKDIR") workdir = Words(i.args).at(0);
    if (i.op == "COPY") {
      auto w = Words(i.args);
      if (w.front().rfind("--", 0) == 0) continue;
      for (size_t k = 0; k + 1 < w.size(); ++k) copied[w.back()] += w[k] + " ";
    }
  }
  // k8s/ passes --places with this absolute path; the binary's relative
  // default libs/gazetteer/data/places.tsv resolves under WORKDIR.
  EXPECT_EQ(workdir, "/usr/share/frontline");
  EXPECT_TRUE(
      copied.count("/usr/share/frontline/libs/gazetteer/data/places.tsv"));
  if (std::filesystem::exists(kRoot / "libs/extract/data")) {
    EXPECT_TRUE(copied.count("/usr/share/frontline/libs/extract/data/"));
  }
  EXPECT_TRUE(copied.count("/usr/share/frontline/examples/"));
}

}  // namespace
}  // namespace frontline
