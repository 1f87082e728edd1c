#include "libs/extract/labeled_set.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "nlohmann/json.hpp"

namespace frontline::extract {
namespace {

template <typename Enum>
bool ParseEnum(const google::protobuf::EnumDescriptor* descriptor,
               absl::string_view prefix, const std::string& name, Enum* out) {
  const auto* value = descriptor->FindValueByName(absl::StrCat(prefix, name));
  if (value == nullptr) return false;
  *out = static_cast<Enum>(value->number());
  return true;
}

absl::Status LineError(absl::string_view source, int line,
                       absl::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrCat(source, ":", line, ": ", what));
}

}  // namespace

absl::StatusOr<std::vector<LabeledDocument>> ParseLabeledSet(
    absl::string_view contents, absl::string_view source_name) {
  std::vector<LabeledDocument> documents;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(contents, '\n')) {
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    nlohmann::json json =
        nlohmann::json::parse(line.begin(), line.end(), nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
      return LineError(source_name, line_number, "not a JSON object");
    }
    LabeledDocument doc;
    if (!json.contains("id") || !json["id"].is_string() ||
        !(json.contains("text")
              ? json["text"].is_string()
              : json.contains("file") && json["file"].is_string()) ||
        !json.contains("language") || !json["language"].is_string() ||
        !json.contains("published") || !json["published"].is_string() ||
        !json.contains("claims") || !json["claims"].is_array()) {
      return LineError(source_name, line_number,
                       "needs id, language, published, text (or file) and "
                       "claims");
    }
    doc.id = json["id"].get<std::string>();
    doc.language = json["language"].get<std::string>();
    doc.text = json.value("text", "");
    doc.file = json.value("file", "");
    std::string error;
    if (!absl::ParseTime(absl::RFC3339_full,
                         json["published"].get<std::string>(), &doc.published,
                         &error)) {
      return LineError(source_name, line_number,
                       absl::StrCat("published: ", error));
    }
    for (const nlohmann::json& c : json["claims"]) {
      LabeledClaim claim;
      const std::string type = c.value("type", "");
      const std::string side = c.value("side", "UNSPECIFIED");
      const std::string polarity = c.value("polarity", "ASSERTED");
      if (!ParseEnum(v1::ClaimType_descriptor(), "CLAIM_TYPE_", type,
                     &claim.type) ||
          !ParseEnum(v1::Side_descriptor(), "SIDE_", side, &claim.side) ||
          !ParseEnum(v1::Polarity_descriptor(), "POLARITY_", polarity,
                     &claim.polarity)) {
        return LineError(
            source_name, line_number,
            absl::StrCat("bad type, side or polarity in ", c.dump()));
      }
      claim.place_id = c.value("place", "");
      claim.claimant_id = c.value("claimant", "");
      doc.claims.push_back(std::move(claim));
    }
    documents.push_back(std::move(doc));
  }
  return documents;
}

absl::StatusOr<std::vector<LabeledDocument>> LoadLabeledSet(
    const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  const size_t slash = path.find_last_of('/');
  return ParseLabeledSet(
      buffer.str(), slash == std::string::npos ? path : path.substr(slash + 1));
}

absl::StatusOr<std::vector<LabeledDocument>> LoadSeedSet(
    const std::string& path, const std::string& shared_dir) {
  const std::filesystem::path seeds =
      std::filesystem::path(shared_dir) / "seeds";
  if (!std::filesystem::is_directory(seeds)) {
    return std::vector<LabeledDocument>();
  }
  absl::StatusOr<std::vector<LabeledDocument>> set = LoadLabeledSet(path);
  if (!set.ok()) return set.status();
  for (LabeledDocument& doc : *set) {
    if (doc.file.empty()) continue;
    std::ifstream in(seeds / doc.file, std::ios::binary);
    if (!in) {
      return absl::NotFoundError(
          absl::StrCat("cannot read ", (seeds / doc.file).string()));
    }
    std::stringstream text;
    text << in.rdbuf();
    doc.text = text.str();
  }
  return set;
}

LabeledClaim ToLabeled(const v1::Claim& claim) {
  LabeledClaim labeled;
  labeled.type = claim.type();
  labeled.place_id = claim.place_id();
  labeled.side = claim.side();
  labeled.claimant_id = claim.claimant().id();
  labeled.polarity = claim.polarity();
  return labeled;
}

}  // namespace frontline::extract
