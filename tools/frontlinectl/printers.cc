#include "tools/frontlinectl/printers.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "tools/frontlinectl/enum_names.h"
#include "tools/frontlinectl/text_table.h"
#include "tools/frontlinectl/time_text.h"

namespace frontline::ctl {
namespace {

constexpr size_t kTitleWidth = 48;

std::string ActorText(const v1::Actor& actor) {
  if (!actor.name().empty() && !actor.id().empty()) {
    return absl::StrCat(actor.name(), " (", actor.id(), ")");
  }
  return !actor.name().empty() ? actor.name() : actor.id();
}

std::string ActorShort(const v1::Actor& actor) {
  return !actor.id().empty() ? actor.id() : actor.name();
}

std::string OrDash(const std::string& text) {
  return text.empty() ? "-" : text;
}

std::string SourceName(const v1::Source& source) {
  return !source.name().empty()
             ? absl::StrCat(source.name(), " [", source.id(), "]")
             : source.id();
}

std::string VerdictText(const v1::DocumentVerdict& v) {
  std::string text = OrDash(ShortName(v.verdict()));
  if (v.verdict() == v1::VERDICT_DUPLICATE) {
    absl::StrAppend(&text, " of ", OrDash(v.duplicate_of()));
    if (v.kind() != v1::DUPLICATE_KIND_UNSPECIFIED) {
      absl::StrAppend(&text, " (", ShortName(v.kind()),
                      absl::StrFormat(", similarity %.2f", v.similarity()),
                      ")");
    }
  }
  return text;
}

std::string SourcesText(const v1::Event& e) {
  return absl::StrCat(e.independent_sources(), "/", e.sources_size());
}

}  // namespace

std::string TypeWithPolarity(const v1::Event& event) {
  std::string text = OrDash(ShortName(event.type()));
  if (event.polarity() == v1::POLARITY_DENIED)
    absl::StrAppend(&text, " (denied)");
  return text;
}

std::string RenderPlace(const v1::PlaceState& state) {
  const v1::Place& p = state.place();
  std::string out = absl::StrCat(OrDash(p.name()), " (", p.id(), ")",
                                 state.contested() ? "  CONTESTED" : "", "\n");
  absl::StrAppend(
      &out, "  kind: ", OrDash(ShortName(p.kind())),
      "  region: ", OrDash(p.region_name()),
      p.region_id().empty() ? "" : absl::StrCat(" (", p.region_id(), ")"),
      "  country: ", OrDash(p.country()), "\n");
  absl::StrAppend(&out, "  coordinates: ",
                  absl::StrFormat("%.4f, %.4f", p.latitude(), p.longitude()),
                  "\n");
  absl::StrAppend(&out, "  contested: ", state.contested() ? "yes" : "no",
                  "  updated: ", OrDash(FormatTimeShort(state.updated_time())),
                  "\n\n");
  if (state.control_claims().empty()) {
    absl::StrAppend(&out, "No control claims.\n");
  } else {
    absl::StrAppend(&out, "Latest control claim of each side:\n");
    TextTable table({"CLAIMANT SIDE", "CONTROLLER", "POLARITY", "CLAIMANT",
                     "DATE", "SOURCES", "TYPE", "EVENT"});
    for (const v1::ControlClaim& c : state.control_claims()) {
      table.AddRow({OrDash(ShortName(c.claimant_side())),
                    OrDash(ShortName(c.controller())),
                    OrDash(ShortName(c.polarity())),
                    OrDash(ActorShort(c.claimant())), FormatDate(c.time()),
                    absl::StrCat(c.sources_size()), OrDash(ShortName(c.type())),
                    c.event_id()});
    }
    absl::StrAppend(&out, table.Render(2));
  }
  absl::StrAppend(&out, "\nTimeline (newest first):\n");
  if (state.timeline().empty()) {
    absl::StrAppend(&out, "  no events\n");
    return out;
  }
  TextTable timeline(
      {"TIME", "TYPE", "SIDE", "CLAIMANTS", "SOURCES", "TIER", "ID"});
  for (const v1::Event& e : state.timeline()) {
    std::vector<std::string> claimants;
    for (const v1::Actor& a : e.claimants()) claimants.push_back(ActorShort(a));
    timeline.AddRow({FormatTimeShort(e.time()), TypeWithPolarity(e),
                     OrDash(ShortName(e.side())),
                     OrDash(absl::StrJoin(claimants, ",")), SourcesText(e),
                     OrDash(ShortName(e.tier())), e.id()});
  }
  absl::StrAppend(&out, timeline.Render(2));
  return out;
}

std::string RenderEventsTable(const v1::ListEventsResponse& events,
                              const PlaceNamer& place_name) {
  TextTable table(
      {"TIME", "TYPE", "SIDE", "PLACE", "INDEP/SOURCES", "TIER", "ID"});
  for (const v1::Event& e : events.events()) {
    table.AddRow({FormatTimeShort(e.time()), TypeWithPolarity(e),
                  OrDash(ShortName(e.side())), OrDash(place_name(e.place_id())),
                  SourcesText(e), OrDash(ShortName(e.tier())), e.id()});
  }
  return table.Render();
}

std::string RenderEvent(const v1::GetEventResponse& response,
                        const PlaceNamer& place_name) {
  const v1::Event& e = response.event();
  std::string out =
      absl::StrCat("Event ", e.id(), " (revision ", e.revision(), ")\n");
  auto line = [&out](absl::string_view label, const std::string& value) {
    if (!value.empty()) absl::StrAppend(&out, "  ", label, ": ", value, "\n");
  };
  line("type", TypeWithPolarity(e));
  line("side", ShortName(e.side()));
  line("actor", ActorText(e.actor()));
  line("place", e.place_id().empty() ? ""
                                     : absl::StrCat(place_name(e.place_id()),
                                                    " (", e.place_id(), ")"));
  line("region", e.region_id());
  line("time",
       absl::StrCat(
           FormatRfc3339(e.time()),
           e.time_precision() == v1::TIME_PRECISION_UNSPECIFIED
               ? ""
               : absl::StrCat(" (", ShortName(e.time_precision()), ")")));
  line("geo precision", ShortName(e.geo_precision()));
  line("sources", absl::StrCat(e.independent_sources(), " independent of ",
                               e.sources_size()));
  line("tier", ShortName(e.tier()));
  std::vector<std::string> claimants;
  for (const v1::Actor& a : e.claimants()) claimants.push_back(ActorText(a));
  line("claimants", absl::StrJoin(claimants, "; "));
  line("conflicts with", absl::StrJoin(e.conflicts_with(), ", "));
  for (const v1::Quantity& q : e.quantities()) {
    line("quantity",
         absl::StrCat(ShortName(q.kind()), " ", q.best(), " ", q.unit(),
                      q.surface().empty()
                          ? ""
                          : absl::StrCat(" (\"", q.surface(), "\")")));
  }
  line("first reported", FormatRfc3339(e.first_reported_time()));
  line("updated", FormatRfc3339(e.updated_time()));
  line("summary", e.summary());

  absl::StrAppend(&out, "\nClaims (", response.claims_size(), "):\n");
  for (const v1::Claim& c : response.claims()) {
    absl::StrAppend(&out, "  [", c.id(), "] ", OrDash(ActorText(c.claimant())),
                    ": \"", c.sentence(), "\"\n");
  }
  absl::StrAppend(&out, "\nDocuments (", response.documents_size(), "):\n");
  for (const v1::DocumentVerdict& v : response.documents()) {
    const v1::Document& d = v.document();
    absl::StrAppend(&out, "  ", v.document_id(), "\n");
    absl::StrAppend(&out, "    source: ", OrDash(SourceName(d.source())), "\n");
    absl::StrAppend(&out, "    external id: ", OrDash(d.external_id()), "\n");
    absl::StrAppend(&out, "    url: ", OrDash(d.canonical_url()), "\n");
    absl::StrAppend(&out, "    published: ",
                    OrDash(FormatRfc3339(d.published_time())), "\n");
    absl::StrAppend(&out, "    verdict: ", VerdictText(v), "\n");
  }
  // Sources whose document the view does not hold yet.
  for (const v1::EventSource& s : e.sources()) {
    bool shown = false;
    for (const v1::DocumentVerdict& v : response.documents()) {
      shown = shown || v.document_id() == s.document_id();
    }
    if (shown) continue;
    absl::StrAppend(&out, "  ", s.document_id(), " (document not in the view)",
                    "\n    source: ", OrDash(SourceName(s.source())),
                    "\n    url: ", OrDash(s.url()), "\n    published: ",
                    OrDash(FormatRfc3339(s.published_time())), "\n");
  }
  return out;
}

std::string RenderDocumentsTable(const v1::ListDocumentsResponse& docs) {
  TextTable table({"PUBLISHED", "SOURCE", "VERDICT", "ID", "TITLE"});
  for (const v1::DocumentVerdict& v : docs.documents()) {
    table.AddRow({FormatTimeShort(v.document().published_time()),
                  OrDash(v.document().source().id()), VerdictText(v),
                  v.document_id(),
                  TruncateToWidth(v.document().title(), kTitleWidth)});
  }
  return table.Render();
}

std::string RenderDocument(const v1::DocumentVerdict& v) {
  const v1::Document& d = v.document();
  std::string out = absl::StrCat("Document ", v.document_id(), "\n");
  auto line = [&out](absl::string_view label, const std::string& value) {
    absl::StrAppend(&out, "  ", label, ": ", OrDash(value), "\n");
  };
  line("source", SourceName(d.source()));
  line("external id", d.external_id());
  line("url", d.canonical_url());
  line("title", d.title());
  line("language", d.language());
  line("version", d.version() == 0 ? "" : absl::StrCat(d.version()));
  line("published", FormatRfc3339(d.published_time()));
  line("fetched", FormatRfc3339(d.fetched_time()));
  line("verdict", VerdictText(v));
  if (v.verdict() == v1::VERDICT_DUPLICATE) {
    line("duplicate of", v.duplicate_of());
    line("kind", ShortName(v.kind()));
    line("similarity", absl::StrFormat("%.3f", v.similarity()));
  }
  line("revision", absl::StrCat(v.revision()));
  line("claims", absl::StrCat(d.claims_size()));
  return out;
}

std::string RenderStats(const v1::Stats& stats) {
  TextTable counts({"COUNT", "VALUE"});
  counts.AddRow({"places", absl::StrCat(stats.places())});
  counts.AddRow({"events", absl::StrCat(stats.events())});
  counts.AddRow({"documents", absl::StrCat(stats.documents())});
  counts.AddRow({"duplicates", absl::StrCat(stats.duplicates())});
  std::string out = counts.Render();
  if (stats.lag().empty()) {
    absl::StrAppend(&out, "\nno lag reported (the server has no bus)\n");
    return out;
  }
  TextTable lag({"TOPIC", "PARTITION", "APPLIED", "END", "LAG"});
  int64_t total = 0;
  for (const v1::PartitionLag& p : stats.lag()) {
    const int64_t behind =
        std::max<int64_t>(0, p.end_offset() - p.applied_offset());
    total += behind;
    lag.AddRow({p.topic(), absl::StrCat(p.partition()),
                absl::StrCat(p.applied_offset()), absl::StrCat(p.end_offset()),
                absl::StrCat(behind)});
  }
  absl::StrAppend(&out, "\n", lag.Render(), "total lag: ", total, "\n");
  return out;
}

std::string RenderWatchLine(const v1::WatchEventsResponse& response,
                            const PlaceNamer& place_name) {
  const v1::Event& e = response.event();
  return absl::StrCat(FormatTimeShort(e.time()), "  ", TypeWithPolarity(e),
                      "  ", OrDash(ShortName(e.side())), "  ",
                      OrDash(place_name(e.place_id())), "  ", SourcesText(e),
                      " sources  ", OrDash(ShortName(e.tier())), "  ", e.id(),
                      "  (resume ", response.resume_token(), ")");
}

}  // namespace frontline::ctl
