#include "libs/dedup/labeled_set.h"

#include <google/protobuf/util/time_util.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace frontline::dedup {
namespace {

v1::SourceKind SourceKindOf(const std::string& s) {
  if (s == "telegram") return v1::SOURCE_KIND_TELEGRAM;
  if (s == "feed") return v1::SOURCE_KIND_FEED;
  if (s == "web") return v1::SOURCE_KIND_WEB;
  return v1::SOURCE_KIND_UNSPECIFIED;
}

v1::Affiliation AffiliationOf(const std::string& s) {
  v1::Affiliation a = v1::AFFILIATION_UNSPECIFIED;
  v1::Affiliation_Parse(s, &a);
  return a;
}

}  // namespace

absl::StatusOr<std::vector<LabeledDocument>> ReadLabeledSet(
    const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat("labeled set: ", path));
  std::vector<LabeledDocument> out;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", number, ": not a JSON object"));
    }
    LabeledDocument d;
    d.cluster = j.value("cluster", "");
    d.kind = j.value("kind", "");
    d.split = j.value("split", "");
    d.group = j.value("group", "");
    v1::Document& doc = d.doc;
    doc.set_id(j.value("id", ""));
    if (j.contains("source")) {
      const nlohmann::json& s = j["source"];
      doc.mutable_source()->set_id(s.value("id", ""));
      doc.mutable_source()->set_kind(SourceKindOf(s.value("kind", "")));
      doc.mutable_source()->set_affiliation(
          AffiliationOf(s.value("affiliation", "")));
    }
    doc.set_external_id(j.value("external_id", ""));
    doc.set_version(j.value("version", 1u));
    doc.set_language(j.value("language", "und"));
    doc.set_title(j.value("title", ""));
    doc.set_text(j.value("text", ""));
    if (!google::protobuf::util::TimeUtil::FromString(
            j.value("published", ""), doc.mutable_published_time())) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", number, ": bad published time"));
    }
    if (j.contains("forward_origin")) {
      v1::ForwardOrigin* f = doc.mutable_provenance()->mutable_forward_origin();
      f->set_channel_id(j["forward_origin"].value("channel_id", ""));
      f->set_message_id(j["forward_origin"].value("message_id", ""));
    }
    if (doc.id().empty() || d.cluster.empty() || d.kind.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", number, ": id, cluster and kind required"));
    }
    out.push_back(std::move(d));
  }
  return out;
}

absl::StatusOr<std::vector<LabeledDocument>> ReadSeeds(const std::string& dir) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  if (ec) return absl::NotFoundError(absl::StrCat("seeds: ", dir));
  std::sort(files.begin(), files.end());
  std::vector<LabeledDocument> out;
  for (const auto& f : files) {
    std::ifstream in(f);
    std::stringstream ss;
    ss << in.rdbuf();
    LabeledDocument d;
    const std::string stem = f.stem().string();
    d.cluster = absl::StrCat("seed-", stem);
    d.kind = "original";
    d.split = "seed";
    d.group = "seed";
    d.doc.set_id(absl::StrCat("seed-", stem));
    d.doc.mutable_source()->set_id(absl::StrCat("seed:", stem));
    d.doc.set_external_id(stem);
    d.doc.set_version(1);
    d.doc.set_text(ss.str());
    d.doc.mutable_published_time()->set_seconds(1736157600);  // 2025-01-06
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace frontline::dedup
