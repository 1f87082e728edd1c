// RSS 2.0 and RSS 1.0 (RDF) feeds through the feed parser (see feed_fuzzer.h).
#include <cstdint>

#include "tests/fuzz/feed_fuzzer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  frontline::fuzz::FuzzFeed(data, size,
                            {frontline::feeds::FeedFormat::kRss2,
                             frontline::feeds::FeedFormat::kRdf});
  return 0;
}
