#include "libs/extract/test_util.h"

#include <cstdio>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "libs/text/relative_date.h"

namespace frontline::extract {

const Extractor& ShippedExtractor() {
  static const gazetteer::Gazetteer* gazetteer = [] {
    auto loaded = gazetteer::Gazetteer::Load(FRONTLINE_GAZETTEER_DATA);
    if (!loaded.ok()) {
      std::fprintf(stderr, "%s\n", loaded.status().ToString().c_str());
      std::abort();
    }
    return new gazetteer::Gazetteer(*std::move(loaded));
  }();
  static const text::RelativeDateResolver* dates = [] {
    auto loaded = text::RelativeDateResolver::Load(FRONTLINE_CALENDAR_DATA);
    if (!loaded.ok()) {
      std::fprintf(stderr, "%s\n", loaded.status().ToString().c_str());
      std::abort();
    }
    return new text::RelativeDateResolver(*std::move(loaded));
  }();
  static const Extractor* extractor = [] {
    auto loaded = Extractor::Load(FRONTLINE_EXTRACT_DATA, *gazetteer, dates);
    if (!loaded.ok()) {
      std::fprintf(stderr, "%s\n", loaded.status().ToString().c_str());
      std::abort();
    }
    return new Extractor(*std::move(loaded));
  }();
  return *extractor;
}

absl::Time TestPublished() {
  return absl::FromCivil(absl::CivilSecond(2025, 1, 6, 11, 43, 0),
                         absl::UTCTimeZone());
}

std::vector<v1::Claim> ExtractShipped(absl::string_view text,
                                      absl::string_view language,
                                      absl::Time published) {
  return ShippedExtractor().Extract(text, published, language);
}

std::vector<std::string> ClaimKeys(const std::vector<v1::Claim>& claims) {
  std::vector<std::string> keys;
  for (const v1::Claim& c : claims) {
    keys.push_back(absl::StrCat(v1::ClaimType_Name(c.type()), " ", c.place_id(),
                                " ", v1::Side_Name(c.side()), " ",
                                c.claimant().id(), " ",
                                v1::Polarity_Name(c.polarity())));
  }
  return keys;
}

bool HasClaim(const std::vector<v1::Claim>& claims, const std::string& key) {
  for (const std::string& k : ClaimKeys(claims)) {
    if (k == key) return true;
  }
  return false;
}

}  // namespace frontline::extract
