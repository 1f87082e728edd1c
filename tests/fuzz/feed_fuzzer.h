// The body of the rss, atom and json_feed targets: ParseFeed over inputs
// that DetectFeedFormat sniffs as one of `formats` (others are skipped, so
// each target stays on its format), every item through ToRawDocument.
#ifndef FRONTLINE_TESTS_FUZZ_FEED_FUZZER_H_
#define FRONTLINE_TESTS_FUZZ_FEED_FUZZER_H_

#include <cstdint>
#include <initializer_list>

#include "absl/time/time.h"
#include "frontline/v1/source.pb.h"
#include "libs/feeds/feed_parser.h"
#include "libs/feeds/raw_document.h"
#include "tests/fuzz/fuzz_support.h"

namespace frontline::fuzz {

inline void FuzzFeed(const uint8_t* data, size_t size,
                     std::initializer_list<feeds::FeedFormat> formats) {
  const absl::string_view input = AsView(data, size);
  const feeds::FeedFormat sniffed = feeds::DetectFeedFormat(input);
  bool wanted = false;
  for (feeds::FeedFormat f : formats) wanted |= f == sniffed;
  if (!wanted) return;
  feeds::ParseOptions options;
  options.max_items = 64;
  auto feed = feeds::ParseFeed(input, options);
  if (!feed.ok()) return;
  Check(feed->items.size() <= options.max_items, "more items than max_items");
  v1::Source source;
  source.set_id("feed:fuzz");
  for (const feeds::FeedItem& item : feed->items) {
    Check(!item.external_id.empty(), "item without external id");
    const v1::RawDocument raw =
        feeds::ToRawDocument(item, source, absl::FromUnixSeconds(1700000000));
    CheckRoundTrip(raw, "feed RawDocument");
  }
}

}  // namespace frontline::fuzz

#endif  // FRONTLINE_TESTS_FUZZ_FEED_FUZZER_H_
