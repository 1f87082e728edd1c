#include "tools/loadgen/corpus.h"

#include <set>

#include "gtest/gtest.h"
#include "libs/pipeline/raw_documents.h"

namespace frontline::loadgen {
namespace {

Corpus MakeCorpus(uint64_t seed, double duplicates = 0.05) {
  auto places = LoadCorpusPlaces(FRONTLINE_PLACES_TSV);
  EXPECT_TRUE(places.ok()) << places.status();
  return Corpus(*places, {.seed = seed, .duplicate_share = duplicates});
}

TEST(CorpusTest, SameSeedSameDocuments) {
  Corpus a = MakeCorpus(7), b = MakeCorpus(7), c = MakeCorpus(8);
  int differ = 0;
  for (int i = 0; i < 200; ++i) {
    EXPECT_EQ(a.Document(i).SerializeAsString(),
              b.Document(i).SerializeAsString());
    differ += a.Document(i).body() != c.Document(i).body();
  }
  EXPECT_GT(differ, 150);
}

TEST(CorpusTest, MostlyDistinctSomeReposts) {
  Corpus corpus = MakeCorpus(1, 0.1);
  std::set<std::string> ids, bodies;
  std::set<std::string> languages_seen;
  const int n = 2000;
  for (int i = 0; i < n; ++i) {
    v1::RawDocument doc = corpus.Document(i);
    EXPECT_EQ(doc.id(), pipeline::RawDocumentId(doc));
    EXPECT_TRUE(ids.insert(doc.id()).second) << i;
    bodies.insert(doc.body());
    // The place is named in the text, in some script.
    const CorpusPlace& place = corpus.PlaceOf(i);
    EXPECT_TRUE(doc.body().find(place.name) != std::string::npos ||
                doc.body().find(place.cyrillic) != std::string::npos)
        << doc.body();
  }
  const int reposts = n - static_cast<int>(bodies.size());
  EXPECT_GT(reposts, n * 0.05);
  EXPECT_LT(reposts, n * 0.15);
}

TEST(CorpusTest, SeveralLanguagesAndPlaces) {
  Corpus corpus = MakeCorpus(3);
  int cyrillic = 0;
  std::set<std::string> places;
  for (int i = 0; i < 500; ++i) {
    const std::string body = corpus.Document(i).body();
    cyrillic += body.find("\xD0") != std::string::npos;
    places.insert(corpus.PlaceOf(i).id);
  }
  EXPECT_GT(cyrillic, 100);
  EXPECT_LT(cyrillic, 400);
  EXPECT_GT(places.size(), 100u);
}

}  // namespace
}  // namespace frontline::loadgen
