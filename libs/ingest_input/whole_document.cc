#include "libs/ingest_input/whole_document.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "libs/ingest_input/stamp.h"
#include "libs/pipeline/raw_documents.h"
#include "libs/telegram/utf8.h"
#include "libs/text/utf8.h"

namespace frontline::ingest_input {
namespace {

constexpr size_t kMaxTitleBytes = 512;

// The text of the first <title> element, whitespace collapsed at the ends.
std::string HtmlTitle(absl::string_view html) {
  const std::string lower = absl::AsciiStrToLower(
      html.substr(0, std::min<size_t>(html.size(), 64 << 10)));
  const size_t open = lower.find("<title");
  if (open == std::string::npos) return "";
  const size_t start = lower.find('>', open);
  if (start == std::string::npos) return "";
  const size_t end = lower.find("</title", start);
  if (end == std::string::npos) return "";
  absl::string_view title = absl::StripAsciiWhitespace(
      html.substr(start + 1, std::min(end - start - 1, kMaxTitleBytes)));
  return telegram::RepairUtf8(title);
}

}  // namespace

v1::RawDocument MakeWholeDocument(std::string body, InputFormat format,
                                  const InputOrigin& origin,
                                  const DocumentStamp& stamp) {
  const bool html = format == InputFormat::kHtml;
  v1::RawDocument doc;
  v1::Source* source = doc.mutable_source();
  source->set_id(WholeInputSourceId(origin));
  source->set_kind(origin.is_url ? v1::SOURCE_KIND_WEB
                                 : v1::SOURCE_KIND_UPLOAD);
  if (origin.is_url) {
    source->set_url(origin.final_url);
    doc.set_external_id(origin.url);
    doc.set_url(origin.final_url);
    doc.mutable_provenance()->set_fetch_url(origin.final_url);
  } else {
    doc.set_external_id(origin.path);
    doc.mutable_provenance()->set_import_file(origin.path);
  }
  doc.set_version(1);
  doc.set_format(html ? v1::RAW_FORMAT_HTML : v1::RAW_FORMAT_PLAIN_TEXT);
  if (origin.is_url && !origin.content_type.empty()) {
    doc.set_content_type(origin.content_type);
  } else {
    doc.set_content_type(
        absl::StrCat(html ? "text/html" : "text/plain",
                     text::IsValidUtf8(body) ? "; charset=utf-8" : ""));
  }
  if (html) doc.set_title(HtmlTitle(body));
  doc.set_body(std::move(body));
  ApplyStamp(stamp, &doc);
  return doc;
}

}  // namespace frontline::ingest_input
