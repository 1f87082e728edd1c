#include "tools/loadgen/corpus.h"

#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "libs/pipeline/raw_documents.h"

namespace frontline::loadgen {
namespace {

struct SourceSpec {
  const char* id;
  v1::SourceKind kind;
  v1::Affiliation affiliation;
  const char* language;
};

constexpr SourceSpec kSources[] = {
    {"telegram:mod_russia_en", v1::SOURCE_KIND_TELEGRAM,
     v1::AFFILIATION_RUSSIAN_STATE, "en"},
    {"feed:ria", v1::SOURCE_KIND_FEED, v1::AFFILIATION_RUSSIAN_STATE, "ru"},
    {"telegram:rybar", v1::SOURCE_KIND_TELEGRAM,
     v1::AFFILIATION_RUSSIAN_MILBLOGGER, "ru"},
    {"telegram:GeneralStaffZSU", v1::SOURCE_KIND_TELEGRAM,
     v1::AFFILIATION_UKRAINIAN_OFFICIAL, "uk"},
    {"telegram:DeepStateUA", v1::SOURCE_KIND_TELEGRAM,
     v1::AFFILIATION_UKRAINIAN_MONITORING, "uk"},
    {"feed:kyivindependent", v1::SOURCE_KIND_FEED,
     v1::AFFILIATION_UKRAINIAN_MEDIA, "en"},
    {"feed:isw", v1::SOURCE_KIND_FEED, v1::AFFILIATION_ANALYST, "en"},
    {"feed:reuters", v1::SOURCE_KIND_FEED, v1::AFFILIATION_INTERNATIONAL_PRESS,
     "en"},
};

// {p}: place, {d}: day, {n}: a number, {u}: a unit, {x}: a detail.
const std::map<std::string, std::vector<const char*>>& Templates() {
  static const auto* kTemplates =
      new std::map<std::string, std::vector<const char*>>{
          {"en",
           {"The Russian Ministry of Defense claimed on {d} that its forces "
            "had seized control of {p}. {x}",
            "Russian forces captured {p}, the Russian Ministry of Defense said "
            "on {d}. {x}",
            "The General Staff of the Armed Forces of Ukraine said on {d} that "
            "Ukrainian troops repelled {n} assaults near {p}. {x}",
            "A Russian drone strike hit {p} on {d}, regional officials said; "
            "{n} buildings were damaged. {x}",
            "Russian artillery shelled {p} {n} times on {d}, according to the "
            "{u}. {x}",
            "Ukrainian officials denied on {d} that Russian troops had "
            "captured {p}. {x}"}},
          {"uk",
           {"Сили оборони відбили {n} атак поблизу {p} у {d}. {x}",
            "Російські війська обстріляли {p} у {d}, повідомляє {u}. {x}",
            "У {d} ворожий дрон атакував {p}, пошкоджено {n} будинків. {x}",
            "Генштаб ЗСУ спростовує, що окупанти захопили {p}. {x}"}},
          {"ru",
           {"Министерство обороны России заявило в {d}, что войска "
            "освободили {p}. {x}",
            "Подразделения {u} взяли под контроль {p}, сообщили в {d}. {x}",
            "В {d} ВСУ предприняли {n} атак в районе {p}, все отражены. {x}"}},
      };
  return *kTemplates;
}

const std::map<std::string, std::vector<const char*>>& Days() {
  static const auto* kDays =
      new std::map<std::string, std::vector<const char*>>{
          {"en",
           {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
            "Sunday"}},
          {"uk",
           {"понеділок", "вівторок", "середу", "четвер", "п'ятницю", "суботу",
            "неділю"}},
          {"ru",
           {"понедельник", "вторник", "среду", "четверг", "пятницу", "субботу",
            "воскресенье"}},
      };
  return *kDays;
}

const std::map<std::string, std::vector<const char*>>& Units() {
  static const auto* kUnits =
      new std::map<std::string, std::vector<const char*>>{
          {"en",
           {"regional military administration", "Khortytsia group of forces",
            "Tavria group of forces", "110th Mechanized Brigade",
            "Center group of forces", "local police"}},
          {"uk",
           {"обласна військова адміністрація", "ОТУ Хортиця", "ОСУВ Таврія",
            "110 ОМБр", "Нацполіція"}},
          {"ru",
           {"группировки Центр", "группировки Восток", "группировки Юг", "ВДВ",
            "морской пехоты"}},
      };
  return *kUnits;
}

// Details that make each report its own text.
const std::map<std::string, std::vector<const char*>>& Details() {
  static const auto* kDetails =
      new std::map<std::string, std::vector<const char*>>{
          {"en",
           {"Fighting continued through the night and casualties were "
            "reported on both sides.",
            "Geolocated footage shows armoured vehicles moving along the "
            "road from the north.",
            "Local residents were evacuated and power lines remain down.",
            "The claim could not be independently verified.",
            "Satellite images taken the day before show fresh craters in the "
            "fields east of the settlement.",
            "Military bloggers reported heavy use of glide bombs in the "
            "sector.",
            "The statement gave no further detail on losses or equipment."}},
          {"uk",
           {"Бої тривали всю ніч, є поранені серед цивільних.",
            "Евакуація мешканців триває, світла немає третю добу.",
            "Інформацію уточнюють, подробиці згодом.",
            "Противник застосував керовані авіабомби та артилерію."}},
          {"ru",
           {"Противник понёс потери в живой силе и технике.",
            "Уничтожены танк и две боевые машины пехоты.",
            "Подробности операции не раскрываются.",
            "Бои продолжаются на окраинах населённого пункта."}},
      };
  return *kDetails;
}

uint64_t SplitMix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// The random stream of document `i`.
std::mt19937_64 StreamOf(uint64_t seed, int64_t i) {
  return std::mt19937_64(SplitMix(seed ^ SplitMix(static_cast<uint64_t>(i))));
}

template <typename T>
const T& Pick(std::mt19937_64& gen, const std::vector<T>& v) {
  return v[gen() % v.size()];
}

void Replace(std::string& text, const std::string& key,
             const std::string& value) {
  for (size_t at = text.find(key); at != std::string::npos;
       at = text.find(key, at + value.size())) {
    text.replace(at, key.size(), value);
  }
}

bool HasCyrillic(absl::string_view s) {
  // U+0400..U+04FF are 0xD0 0x80 .. 0xD3 0xBF in UTF-8.
  for (unsigned char c : s) {
    if (c >= 0xD0 && c <= 0xD3) return true;
  }
  return false;
}

}  // namespace

absl::StatusOr<std::vector<CorpusPlace>> LoadCorpusPlaces(
    const std::string& places_tsv) {
  std::ifstream in(places_tsv);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", places_tsv));
  std::vector<CorpusPlace> places;
  std::map<std::string, int> name_count;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = absl::StrSplit(line, '\t');
    if (f.size() < 8) continue;
    ++name_count[f[2]];
    if (f[1] != "city" && f[1] != "town" && f[1] != "village") continue;
    CorpusPlace p{.id = f[0], .name = f[2], .cyrillic = f[2]};
    for (absl::string_view alias : absl::StrSplit(f[7], '|')) {
      if (HasCyrillic(alias)) {
        p.cyrillic = std::string(alias);
        break;
      }
    }
    places.push_back(std::move(p));
  }
  std::erase_if(places,
                [&](const CorpusPlace& p) { return name_count[p.name] != 1; });
  if (places.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("no towns, cities or villages in ", places_tsv));
  }
  return places;
}

Corpus::Corpus(std::vector<CorpusPlace> places, CorpusOptions options)
    : places_(std::move(places)), options_(std::move(options)) {}

namespace {

// The original a repost copies, or `i` itself.
int64_t OriginalOf(uint64_t seed, double duplicate_share, int64_t i) {
  while (i > 0) {
    std::mt19937_64 gen = StreamOf(seed, i);
    const double u = std::uniform_real_distribution<double>(0, 1)(gen);
    if (u >= duplicate_share) break;
    i -= 1 + static_cast<int64_t>(gen() % std::min<int64_t>(i, 500));
  }
  return i;
}

}  // namespace

const CorpusPlace& Corpus::PlaceOf(int64_t i) const {
  std::mt19937_64 gen = StreamOf(
      options_.seed, OriginalOf(options_.seed, options_.duplicate_share, i));
  gen.discard(2);
  return places_[gen() % places_.size()];
}

std::string Corpus::Body(int64_t i) const {
  std::mt19937_64 gen = StreamOf(options_.seed, i);
  gen.discard(2);
  const CorpusPlace& place = places_[gen() % places_.size()];
  const SourceSpec& source = kSources[gen() % std::size(kSources)];
  const std::string lang = source.language;
  std::string text = Pick(gen, Templates().at(lang));
  Replace(text, "{p}", lang == "en" ? place.name : place.cyrillic);
  Replace(text, "{d}", Pick(gen, Days().at(lang)));
  Replace(text, "{n}", absl::StrCat(2 + gen() % 40));
  Replace(text, "{u}", Pick(gen, Units().at(lang)));
  // Two details of seven (or four), in either order, and a serial: texts of
  // one template rarely look alike.
  const auto& details = Details().at(lang);
  const size_t a = gen() % details.size();
  const size_t b = (a + 1 + gen() % (details.size() - 1)) % details.size();
  Replace(text, "{x}", absl::StrCat(details[a], " ", details[b], " #", i));
  return text;
}

v1::RawDocument Corpus::Document(int64_t i) const {
  const int64_t original =
      OriginalOf(options_.seed, options_.duplicate_share, i);
  std::mt19937_64 gen = StreamOf(options_.seed, i);
  gen.discard(3);
  // The source and language of the text are the original's; a repost comes
  // from another channel of the same kind.
  std::mt19937_64 original_gen = StreamOf(options_.seed, original);
  original_gen.discard(3);
  const SourceSpec* source = &kSources[original_gen() % std::size(kSources)];
  if (original != i) {
    source = &kSources[gen() % std::size(kSources)];
  }
  v1::RawDocument doc;
  doc.mutable_source()->set_id(
      original != i ? absl::StrCat(source->id, "_repost") : source->id);
  doc.mutable_source()->set_kind(source->kind);
  doc.mutable_source()->set_affiliation(source->affiliation);
  doc.set_external_id(absl::StrCat(options_.run_id, "-", i));
  doc.set_version(1);
  doc.set_format(v1::RAW_FORMAT_PLAIN_TEXT);
  doc.set_content_type("text/plain; charset=utf-8");
  doc.set_body(Body(original));
  doc.set_url(absl::StrCat("https://example.org/", source->id, "/", i));
  const int64_t published =
      options_.first_published_seconds + i * options_.spacing_seconds;
  doc.mutable_published_time()->set_seconds(published);
  doc.mutable_fetched_time()->set_seconds(published + 60);
  doc.set_id(pipeline::RawDocumentId(doc));
  return doc;
}

}  // namespace frontline::loadgen
