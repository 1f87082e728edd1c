#include "tools/frontlinectl/printers.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace frontline::ctl {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string Name(const std::string& id) {
  return id == "ua.donetsk.kurakhove" ? "Kurakhove" : id;
}

v1::Event Event(const std::string& id, v1::Polarity polarity) {
  v1::Event e;
  e.set_id(id);
  e.set_type(v1::CLAIM_TYPE_CAPTURE);
  e.set_polarity(polarity);
  e.set_side(v1::SIDE_RUSSIA);
  e.set_place_id("ua.donetsk.kurakhove");
  e.mutable_time()->set_seconds(1736100000);
  e.set_independent_sources(1);
  e.add_sources()->set_document_id("doc-" + id);
  e.set_tier(v1::CORROBORATION_TIER_SINGLE_SOURCE);
  return e;
}

TEST(PrintersTest, PlaceShowsContestedClaimsAndTimeline) {
  v1::PlaceState state;
  state.mutable_place()->set_id("ua.donetsk.kurakhove");
  state.mutable_place()->set_name("Kurakhove");
  state.mutable_place()->set_region_name("Donetsk Oblast");
  state.mutable_place()->set_latitude(47.98);
  state.mutable_place()->set_longitude(37.28);
  state.set_contested(true);
  v1::ControlClaim* claim = state.add_control_claims();
  claim->set_claimant_side(v1::SIDE_UKRAINE);
  claim->set_controller(v1::SIDE_UKRAINE);
  claim->set_polarity(v1::POLARITY_DENIED);
  claim->mutable_claimant()->set_id("ua.gs");
  claim->mutable_time()->set_seconds(1736110000);
  claim->add_sources();
  *state.add_timeline() = Event("deny", v1::POLARITY_DENIED);
  const std::string text = RenderPlace(state);
  EXPECT_THAT(text, HasSubstr("Kurakhove (ua.donetsk.kurakhove)  CONTESTED"));
  EXPECT_THAT(text, HasSubstr("Donetsk Oblast"));
  EXPECT_THAT(text, HasSubstr("47.9800, 37.2800"));
  EXPECT_THAT(text, HasSubstr("ukraine        ukraine     denied    ua.gs"));
  EXPECT_THAT(text, HasSubstr("capture (denied)"));
}

TEST(PrintersTest, EventsTableNamesPlaces) {
  v1::ListEventsResponse events;
  *events.add_events() = Event("cap", v1::POLARITY_ASSERTED);
  const std::string text = RenderEventsTable(events, Name);
  EXPECT_THAT(text, HasSubstr("TIME              TYPE     SIDE    PLACE"));
  EXPECT_THAT(text, HasSubstr("2025-01-05 18:00  capture  russia  Kurakhove  "
                              "1/1            single_source  cap"));
}

TEST(PrintersTest, EventShowsClaimsAndDocuments) {
  v1::GetEventResponse response;
  *response.mutable_event() = Event("cap", v1::POLARITY_ASSERTED);
  v1::Claim* claim = response.add_claims();
  claim->set_id("doc-cap/0");
  claim->mutable_claimant()->set_id("ru.mod");
  claim->set_sentence("Russia claimed Kurakhove.");
  v1::DocumentVerdict* doc = response.add_documents();
  doc->set_document_id("doc-cap");
  doc->set_verdict(v1::VERDICT_DUPLICATE);
  doc->set_duplicate_of("doc-0");
  doc->set_kind(v1::DUPLICATE_KIND_PARAPHRASE);
  doc->set_similarity(0.8);
  doc->mutable_document()->mutable_source()->set_id("feed:ria");
  doc->mutable_document()->set_canonical_url("https://ria.ru/1");
  const std::string text = RenderEvent(response, Name);
  EXPECT_THAT(text, HasSubstr("place: Kurakhove (ua.donetsk.kurakhove)"));
  EXPECT_THAT(text,
              HasSubstr("[doc-cap/0] ru.mod: \"Russia claimed Kurakhove.\""));
  EXPECT_THAT(text, HasSubstr("url: https://ria.ru/1"));
  EXPECT_THAT(
      text,
      HasSubstr("verdict: duplicate of doc-0 (paraphrase, similarity 0.80)"));
  EXPECT_THAT(text, Not(HasSubstr("not in the view")));
}

TEST(PrintersTest, DocumentsAndStats) {
  v1::ListDocumentsResponse docs;
  v1::DocumentVerdict* doc = docs.add_documents();
  doc->set_document_id("doc-cap");
  doc->set_verdict(v1::VERDICT_NEW);
  doc->mutable_document()->mutable_source()->set_id("feed:ria");
  EXPECT_THAT(RenderDocumentsTable(docs),
              HasSubstr("feed:ria  new      doc-cap"));
  EXPECT_THAT(RenderDocument(*doc), HasSubstr("verdict: new\n"));

  v1::Stats stats;
  stats.set_events(3);
  v1::PartitionLag* lag = stats.add_lag();
  lag->set_topic("events");
  lag->set_applied_offset(2);
  lag->set_end_offset(5);
  const std::string text = RenderStats(stats);
  EXPECT_THAT(text, HasSubstr("events      3"));
  EXPECT_THAT(text, HasSubstr("events  0          2        5    3"));
  EXPECT_THAT(text, HasSubstr("total lag: 3"));
}

TEST(PrintersTest, WatchLineCarriesTheResumeToken) {
  v1::WatchEventsResponse response;
  *response.mutable_event() = Event("cap", v1::POLARITY_ASSERTED);
  response.set_resume_token("7");
  EXPECT_EQ(RenderWatchLine(response, Name),
            "2025-01-05 18:00  capture  russia  Kurakhove  1/1 sources  "
            "single_source  cap  (resume 7)");
}

}  // namespace
}  // namespace frontline::ctl
