#include "libs/feeds/feed_parser.h"

#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "libs/feeds/encoding.h"
#include "libs/feeds/format_parsers.h"
#include "libs/feeds/xml_util.h"

namespace frontline::feeds {
namespace {

constexpr absl::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool IsUtf16(absl::string_view bytes) {
  return absl::StartsWith(bytes, "\xFF\xFE") ||
         absl::StartsWith(bytes, "\xFE\xFF") ||
         absl::StartsWith(bytes, absl::string_view("<\0", 2)) ||
         absl::StartsWith(bytes, absl::string_view("\0<", 2));
}

// Skips the XML declaration, processing instructions, comments, a DOCTYPE
// (with its internal subset) and whitespace; returns the first element name.
absl::string_view FirstElementName(absl::string_view s) {
  while (true) {
    s = absl::StripLeadingAsciiWhitespace(s);
    if (s.empty() || s[0] != '<') return "";
    size_t end;
    if (absl::StartsWith(s, "<?")) {
      end = s.find("?>");
      if (end == absl::string_view::npos) return "";
      s.remove_prefix(end + 2);
    } else if (absl::StartsWith(s, "<!--")) {
      end = s.find("-->");
      if (end == absl::string_view::npos) return "";
      s.remove_prefix(end + 3);
    } else if (absl::StartsWith(s, "<!")) {
      const size_t bracket = s.find('[');
      end = s.find('>');
      if (bracket != absl::string_view::npos && bracket < end) {
        end = s.find("]>", bracket);
        if (end == absl::string_view::npos) return "";
        ++end;
      }
      if (end == absl::string_view::npos) return "";
      s.remove_prefix(end + 1);
    } else {
      s.remove_prefix(1);
      end = s.find_first_of(" \t\r\n/>");
      return s.substr(0, end);
    }
  }
}

FeedFormat FormatOfRoot(absl::string_view name) {
  const size_t colon = name.find(':');
  absl::string_view local =
      colon == absl::string_view::npos ? name : name.substr(colon + 1);
  if (local == "rss") return FeedFormat::kRss2;
  if (local == "RDF") return FeedFormat::kRdf;
  if (local == "feed") return FeedFormat::kAtom;
  return FeedFormat::kUnknown;
}

FeedFormat DetectDecoded(absl::string_view text) {
  if (absl::StartsWith(text, kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
  text = absl::StripLeadingAsciiWhitespace(text);
  if (absl::StartsWith(text, "{")) return FeedFormat::kJsonFeed;
  return FormatOfRoot(FirstElementName(text));
}

void TakeDecodingReport(const Utf8Text& decoded, ParsedFeed* feed) {
  feed->report.source_encoding = decoded.source_encoding;
  feed->report.invalid_utf8_replaced = decoded.replaced;
  if (!decoded.problem.ok()) feed->report.problems.push_back(decoded.problem);
}

absl::StatusOr<ParsedFeed> ParseJson(absl::string_view bytes,
                                     const ParseOptions& options) {
  ParsedFeed feed;
  const Utf8Text decoded = DecodeAs(bytes, "UTF-8");
  TakeDecodingReport(decoded, &feed);
  absl::Status status = ParseJsonFeedText(decoded.text, options, &feed);
  if (!status.ok()) return status;
  return feed;
}

absl::StatusOr<ParsedFeed> ParseXml(absl::string_view bytes,
                                    const ParseOptions& options) {
  ParsedFeed feed;
  const Utf8Text decoded = DecodeXml(bytes);
  TakeDecodingReport(decoded, &feed);
  XmlDocument xml;
  LoadXml(decoded.text, &xml);
  pugi::xml_node root = xml.doc.document_element();
  if (!root) {
    return xml.status.ok() ? absl::InvalidArgumentError("no XML element")
                           : xml.status;
  }
  switch (FormatOfRoot(root.name())) {
    case FeedFormat::kRss2:
    case FeedFormat::kRdf:
      ParseRssDocument(decoded.text, xml, options, &feed);
      break;
    case FeedFormat::kAtom:
      ParseAtomDocument(decoded.text, xml, options, &feed);
      break;
    default:
      return absl::InvalidArgumentError(
          absl::StrCat("not a feed: root element <",
                       absl::string_view(root.name()).substr(0, 40), ">"));
  }
  if (!xml.status.ok()) {
    if (feed.items.empty()) return xml.status;
    feed.report.problems.push_back(absl::DataLossError(
        absl::StrCat(xml.status.message(), "; kept the ", feed.items.size(),
                     " items before it")));
  }
  return feed;
}

}  // namespace

const char* FeedFormatName(FeedFormat format) {
  switch (format) {
    case FeedFormat::kRss2:
      return "rss";
    case FeedFormat::kAtom:
      return "atom";
    case FeedFormat::kRdf:
      return "rdf";
    case FeedFormat::kJsonFeed:
      return "jsonfeed";
    case FeedFormat::kUnknown:
      break;
  }
  return "unknown";
}

FeedFormat DetectFeedFormat(absl::string_view bytes) {
  if (IsUtf16(bytes)) {
    return DetectDecoded(DecodeXml(bytes.substr(0, 4096 & ~size_t{1})).text);
  }
  return DetectDecoded(bytes);
}

absl::StatusOr<ParsedFeed> ParseFeed(absl::string_view bytes,
                                     const ParseOptions& options) {
  if (bytes.size() > options.max_document_bytes) {
    return absl::ResourceExhaustedError(
        absl::StrCat("feed of ", bytes.size(), " bytes exceeds the limit of ",
                     options.max_document_bytes));
  }
  absl::string_view start = bytes;
  if (absl::StartsWith(start, kUtf8Bom)) start.remove_prefix(kUtf8Bom.size());
  start = absl::StripLeadingAsciiWhitespace(start);
  if (absl::StartsWith(start, "{") || absl::StartsWith(start, "[")) {
    return ParseJson(bytes, options);
  }
  if (absl::StartsWith(start, "<") || IsUtf16(bytes)) {
    return ParseXml(bytes, options);
  }
  return absl::InvalidArgumentError(
      "not a feed: neither XML nor JSON (first byte is not '<' or '{')");
}

}  // namespace frontline::feeds
