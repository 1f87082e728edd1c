#include "libs/normalize/normalizer.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "libs/extract/extractor.h"
#include "libs/gazetteer/gazetteer.h"
#include "libs/pipeline/raw_documents.h"
#include "libs/text/text_resources.h"

namespace frontline::normalize {

// Each part on the heap, so the references between them (the extractor's
// to the gazetteer and the date resolver) stay valid; the extractor is
// declared last so that it goes first.
struct Normalizer::Parts {
  std::unique_ptr<gazetteer::Gazetteer> gazetteer;
  std::unique_ptr<const text::TextResources> text;
  std::unique_ptr<extract::Extractor> extractor;
};

namespace {

bool IsHtml(const v1::RawDocument& raw) {
  if (raw.format() == v1::RAW_FORMAT_HTML) return true;
  if (absl::StartsWithIgnoreCase(raw.content_type(), "text/html") ||
      absl::StartsWithIgnoreCase(raw.content_type(), "application/xhtml")) {
    return true;
  }
  if (!raw.content_type().empty()) return false;
  // Feeds without a declared type: markup if it starts like markup.
  absl::string_view body = absl::StripLeadingAsciiWhitespace(raw.body());
  return absl::StartsWith(body, "<");
}

bool IsTelegram(const v1::RawDocument& raw) {
  return raw.format() == v1::RAW_FORMAT_TELEGRAM_EXPORT_MESSAGE ||
         raw.format() == v1::RAW_FORMAT_TELEGRAM_BOT_API_MESSAGE ||
         raw.format() == v1::RAW_FORMAT_TELEGRAM_PREVIEW_POST;
}

absl::Time TimeOf(const google::protobuf::Timestamp& t) {
  return absl::FromUnixSeconds(t.seconds()) + absl::Nanoseconds(t.nanos());
}

}  // namespace

absl::StatusOr<std::unique_ptr<Normalizer>> Normalizer::Load(
    const NormalizerData& data) {
  auto parts = std::make_unique<Parts>();
  auto gazetteer = gazetteer::Gazetteer::Load(data.places_tsv);
  if (!gazetteer.ok()) return gazetteer.status();
  parts->gazetteer =
      std::make_unique<gazetteer::Gazetteer>(*std::move(gazetteer));
  auto text = text::TextResources::Load(data.text_dir);
  if (!text.ok()) return text.status();
  parts->text = *std::move(text);
  auto extractor = extract::Extractor::Load(data.extract_dir, *parts->gazetteer,
                                            &parts->text->dates);
  if (!extractor.ok()) return extractor.status();
  parts->extractor =
      std::make_unique<extract::Extractor>(*std::move(extractor));
  return std::unique_ptr<Normalizer>(new Normalizer(std::move(parts)));
}

Normalizer::Normalizer(std::unique_ptr<Parts> parts)
    : parts_(std::move(parts)) {}
Normalizer::~Normalizer() = default;

absl::StatusOr<v1::Document> Normalizer::Normalize(
    const v1::RawDocument& raw) const {
  if (raw.id().empty()) {
    return absl::InvalidArgumentError("raw document without an id");
  }
  v1::Document doc;
  doc.set_id(raw.id());
  std::string title = raw.title();
  if (IsHtml(raw)) {
    auto extracted = parts_->text->html().Extract(raw.body());
    if (!extracted.ok()) {
      return absl::Status(extracted.status().code(),
                          absl::StrCat("document ", raw.id(), ": ",
                                       extracted.status().message()));
    }
    doc.set_text(std::move(extracted->text));
    if (title.empty()) title = std::move(extracted->title);
  } else if (IsTelegram(raw)) {
    doc.set_text(parts_->text->plain().CleanTelegramPost(raw.body()));
  } else {
    doc.set_text(parts_->text->plain().Clean(raw.body()));
  }
  doc.set_title(
      parts_->text->normalizer.Clean(title, text::Layout::kSingleLine));
  if (doc.text().empty() && doc.title().empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("document ", raw.id(), ": no text in its body"));
  }
  *doc.mutable_source() = raw.source();
  doc.set_external_id(raw.external_id());
  if (!raw.url().empty()) {
    auto canonical = parts_->text->urls.Canonicalize(raw.url());
    doc.set_canonical_url(canonical.ok() ? *canonical : raw.url());
  }
  *doc.mutable_fetched_time() = raw.fetched_time();
  *doc.mutable_published_time() =
      raw.has_published_time() ? raw.published_time() : raw.fetched_time();
  doc.set_version(raw.version());
  *doc.mutable_provenance() = raw.provenance();

  const std::string& body_text = doc.text().empty() ? doc.title() : doc.text();
  text::LanguageGuess language = parts_->text->languages.Identify(body_text);
  doc.set_language(language.code == "und" && !raw.source().language().empty()
                       ? raw.source().language()
                       : language.code);
  doc.set_content_hash(
      pipeline::ContentHashHex(parts_->text->normalizer.Key(doc.text())));

  for (const gazetteer::Mention& m : parts_->gazetteer->Match(doc.text())) {
    v1::PlaceMention* mention = doc.add_places();
    mention->set_place_id(m.place().id);
    mention->set_surface(m.surface);
    mention->mutable_span()->set_begin(uint32_t(m.begin));
    mention->mutable_span()->set_end(uint32_t(m.end));
  }
  const absl::Time published = TimeOf(doc.published_time());
  for (v1::Claim& claim :
       parts_->extractor->Extract(doc.text(), published, doc.language())) {
    claim.set_id(absl::StrCat(doc.id(), "/", claim.id()));
    claim.set_document_id(doc.id());
    *doc.add_claims() = std::move(claim);
  }
  return doc;
}

}  // namespace frontline::normalize
