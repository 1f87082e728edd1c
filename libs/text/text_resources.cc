#include "libs/text/text_resources.h"

#include <utility>

namespace frontline::text {

absl::StatusOr<std::unique_ptr<const TextResources>> TextResources::Load(
    const std::string& data_dir) {
  absl::StatusOr<UnicodeNormalizer> normalizer = UnicodeNormalizer::Create();
  if (!normalizer.ok()) return normalizer.status();
  absl::StatusOr<BoilerplateFilter> boilerplate =
      BoilerplateFilter::Load(data_dir + "/boilerplate.txt", *normalizer);
  if (!boilerplate.ok()) return boilerplate.status();
  absl::StatusOr<LanguageIdentifier> languages =
      LanguageIdentifier::Load(data_dir + "/languages.txt");
  if (!languages.ok()) return languages.status();
  absl::StatusOr<RelativeDateResolver> dates =
      RelativeDateResolver::Load(data_dir + "/calendar.txt");
  if (!dates.ok()) return dates.status();
  absl::StatusOr<UrlCanonicalizer> urls =
      UrlCanonicalizer::Load(data_dir + "/tracking_params.txt");
  if (!urls.ok()) return urls.status();
  return std::unique_ptr<const TextResources>(new TextResources{
      *std::move(normalizer), *std::move(boilerplate), *std::move(languages),
      *std::move(dates), *std::move(urls)});
}

}  // namespace frontline::text
