// OPML subscription lists through ParseOpml, every feed through ToSource.
#include <cstdint>

#include "libs/feeds/opml.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace frontline;
  feeds::ParseOptions options;
  options.max_items = 64;
  auto opml = feeds::ParseOpml(fuzz::AsView(data, size), options);
  if (!opml.ok()) return 0;
  fuzz::Check(opml->feeds.size() <= options.max_items,
              "more feeds than max_items");
  for (const feeds::FeedSubscription& feed : opml->feeds) {
    fuzz::Check(!feed.xml_url.empty(), "subscription without xmlUrl");
    fuzz::CheckRoundTrip(feeds::ToSource(feed), "OPML Source");
  }
  return 0;
}
