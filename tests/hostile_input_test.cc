// The hostile-input corpus (tests/hostile/, plus a 100 MB body and a gzip
// bomb made at test time) through the entry points a user reaches:
// `frontlinectl ingest`'s reader (format detection, then the Telegram and
// feed parsers; URLs through the fetcher against a local HTTP server), and
// the pipeline stages reading records off the bus. Each case asserts a clean
// outcome (a status code and message, or documents with the damage
// contained) and, where the input could make it grow, bounded memory.
// docs/RELIABILITY.md ("Hostile input") has the table.
#include <zlib.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "frontline/v1/ingest.grpc.pb.h"
#include "gmock/gmock.h"
#include "google/protobuf/unknown_field_set.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "libs/api/ingest_service.h"
#include "libs/api/server.h"
#include "libs/bus/cloud_events.h"
#include "libs/bus/dead_letter.h"
#include "libs/bus/testing/test_bus.h"
#include "libs/dedup/dedup_stage.h"
#include "libs/fetch/testing/test_http_server.h"
#include "libs/gazetteer/gazetteer.h"
#include "libs/ingest_input/reader.h"
#include "libs/normalize/normalize_stage.h"
#include "libs/normalize/normalizer.h"
#include "libs/pipeline/raw_documents.h"
#include "libs/pipeline/topics.h"
#include "libs/state/state_updater.h"
#include "libs/state/state_view.h"

namespace frontline {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

const std::filesystem::path kCorpus = FRONTLINE_HOSTILE_DIR;

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::filesystem::path TempPath(const std::string& name) {
  return std::filesystem::temp_directory_path() /
         absl::StrCat("hostile-", getpid(), "-", name);
}

// Peak resident memory of this process since the last ResetPeakMemory.
int64_t PeakMemory() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stoll(line.substr(6)) << 10;
  }
  return 0;
}
void ResetPeakMemory() { std::ofstream("/proc/self/clear_refs") << "5"; }

bool ValidUtf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    int n;
    uint32_t cp;
    if ((c >> 5) == 6) {
      n = 1, cp = c & 0x1F;
    } else if ((c >> 4) == 14) {
      n = 2, cp = c & 0x0F;
    } else if ((c >> 3) == 30) {
      n = 3, cp = c & 0x07;
    } else {
      return false;
    }
    if (i + n >= s.size()) return false;
    for (int k = 1; k <= n; ++k) {
      const unsigned char b = s[i + k];
      if ((b & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (b & 0x3F);
    }
    const uint32_t min[] = {0, 0x80, 0x800, 0x10000};
    if (cp < min[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += n + 1;
  }
  return true;
}

// What `frontlinectl ingest FILE|URL` reads.
struct Read {
  absl::Status status;
  std::vector<v1::RawDocument> docs;
  ingest_input::ReadSummary summary;
};

Read Ingest(const std::string& input, ingest_input::ReadOptions options = {}) {
  Read r;
  r.status = ingest_input::ReadInput(
      input, options,
      [&](v1::RawDocument doc) {
        r.docs.push_back(std::move(doc));
        return absl::OkStatus();
      },
      nullptr, &r.summary);
  return r;
}

size_t TextSize(const v1::RawDocument& doc) {
  return doc.body().size() + doc.title().size() + doc.author().size() +
         doc.url().size();
}

// --- XML: entities ---------------------------------------------------------

TEST(HostileInputTest, BillionLaughsIsNotExpanded) {
  const std::filesystem::path file = kCorpus / "billion_laughs.rss";
  ResetPeakMemory();
  const int64_t before = PeakMemory();
  Read r = Ingest(file.string());
  EXPECT_LT(PeakMemory() - before, 64 << 20);
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.summary.format, ingest_input::InputFormat::kRss);
  ASSERT_EQ(r.docs.size(), 1u);
  // 10^9 "lol"s were asked for; nothing grew past the file.
  EXPECT_LE(TextSize(r.docs[0]), std::filesystem::file_size(file));
  EXPECT_THAT(r.docs[0].body() + r.docs[0].title(), Not(HasSubstr("lollol")));
  EXPECT_THAT(r.docs[0].title(), HasSubstr("Kurakhove"));
}

TEST(HostileInputTest, QuadraticBlowupIsNotExpanded) {
  const std::filesystem::path file = kCorpus / "quadratic_blowup.atom";
  ResetPeakMemory();
  const int64_t before = PeakMemory();
  Read r = Ingest(file.string());
  // Expanded, the content would be 5000 x 20000 bytes = 100 MB.
  EXPECT_LT(PeakMemory() - before, 64 << 20);
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.summary.format, ingest_input::InputFormat::kAtom);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_LE(TextSize(r.docs[0]), std::filesystem::file_size(file));
  EXPECT_THAT(r.docs[0].body(), Not(HasSubstr("AAAAAAAA")));
}

// Serves every request with 404 and counts them: an entity that reached out
// would show here.
class CountingServer {
 public:
  CountingServer() {
    server_.server().Get(
        ".*", [this](const httplib::Request&, httplib::Response& res) {
          ++requests_;
          res.status = 404;
        });
    server_.Start();
  }
  int port() const { return server_.port(); }
  int requests() const { return requests_.load(); }

 private:
  fetch::testing::TestHttpServer server_;
  std::atomic<int> requests_{0};
};

// The corpus file with {PORT} replaced by the counting server's port.
std::string WithPort(const std::string& name, int port) {
  const std::string text = absl::StrReplaceAll(
      ReadFile(kCorpus / name), {{"{PORT}", absl::StrCat(port)}});
  const std::filesystem::path out = TempPath(name);
  std::ofstream(out, std::ios::binary) << text;
  return out.string();
}

TEST(HostileInputTest, ExternalEntitiesReadNoFileAndFetchNothing) {
  CountingServer server;
  const std::string file = WithPort("external_entity.rss", server.port());
  Read r = Ingest(file);
  std::filesystem::remove(file);
  ASSERT_TRUE(r.status.ok()) << r.status;
  ASSERT_EQ(r.docs.size(), 1u);
  // Nothing of /etc/passwd ("root:x:0:0:...") came in, nothing was fetched.
  EXPECT_THAT(r.docs[0].title() + r.docs[0].body(),
              AllOf(Not(HasSubstr("root:")), Not(HasSubstr("/bin/"))));
  EXPECT_THAT(r.docs[0].title(), HasSubstr("Kurakhove"));
  EXPECT_EQ(server.requests(), 0);
}

TEST(HostileInputTest, ParameterEntitiesReadNoFileAndFetchNothing) {
  CountingServer server;
  const std::string file = WithPort("parameter_entity.atom", server.port());
  Read r = Ingest(file);
  std::filesystem::remove(file);
  ASSERT_TRUE(r.status.ok()) << r.status;
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_THAT(r.docs[0].body(), HasSubstr("Regional officials"));
  const std::string hostname = ReadFile("/etc/hostname");
  if (hostname.size() > 3) {
    EXPECT_THAT(r.docs[0].body(), Not(HasSubstr(hostname.substr(0, 4))));
  }
  EXPECT_EQ(server.requests(), 0);
}

// --- deeply nested input ---------------------------------------------------

// One expected outcome: a status code, a part of its message, and how many
// documents were delivered before it.
struct Outcome {
  std::string file;
  absl::StatusCode code;
  std::string message;
  size_t documents;
};

void ExpectOutcome(const Outcome& expected) {
  SCOPED_TRACE(expected.file);
  Read r = Ingest((kCorpus / expected.file).string());
  EXPECT_EQ(r.status.code(), expected.code) << r.status;
  EXPECT_THAT(std::string(r.status.message()), HasSubstr(expected.message));
  EXPECT_EQ(r.docs.size(), expected.documents);
}

TEST(HostileInputTest, DeeplyNestedInputIsRefusedAtADepthCap) {
  // 20000 levels of arrays where a text, an entity list or tags belong;
  // 5000 nested <b> in a preview post. Parsing stops at the cap: no stack
  // overflow. An export is streamed, so the message before is delivered.
  for (const Outcome& expected : std::vector<Outcome>{
           {"deeply_nested_export.json", absl::StatusCode::kInvalidArgument,
            "JSON nested deeper than 64 levels", 1},
           {"deeply_nested_bot_api.json", absl::StatusCode::kInvalidArgument,
            "JSON nested deeper than 64 levels", 0},
           {"deeply_nested_feed.json", absl::StatusCode::kResourceExhausted,
            "JSON nested deeper than 32 levels", 0},
           {"deeply_nested_preview.html", absl::StatusCode::kInvalidArgument,
            "past max_depth 512", 0}}) {
    ExpectOutcome(expected);
  }
}

// --- invalid UTF-8 ---------------------------------------------------------

void ExpectValidUtf8(const v1::RawDocument& doc) {
  EXPECT_TRUE(ValidUtf8(doc.body())) << doc.body();
  EXPECT_TRUE(ValidUtf8(doc.title())) << doc.title();
  EXPECT_TRUE(ValidUtf8(doc.author())) << doc.author();
  EXPECT_TRUE(ValidUtf8(doc.url())) << doc.url();
  EXPECT_TRUE(ValidUtf8(doc.external_id())) << doc.external_id();
  EXPECT_TRUE(ValidUtf8(doc.source().id())) << doc.source().id();
  EXPECT_TRUE(ValidUtf8(doc.source().name())) << doc.source().name();
  for (const auto& [key, value] : doc.attributes()) {
    EXPECT_TRUE(ValidUtf8(key) && ValidUtf8(value)) << key << "=" << value;
  }
  // A string field holding bad UTF-8 would make the record unreadable
  // downstream (proto3 parsing checks it).
  v1::RawDocument again;
  EXPECT_TRUE(again.ParseFromString(doc.SerializeAsString()));
}

TEST(HostileInputTest, InvalidUtf8InEveryTextFieldIsRepaired) {
  const std::vector<std::pair<std::string, std::string>> files = {
      {"invalid_utf8_export.json", "Kurakhove"},
      {"invalid_utf8.rss", "Pokrovsk"},
      {"invalid_utf8_bot_api.json", "Sudzha"},
      {"invalid_utf8_feed.json", "Kupiansk"},
      {"invalid_utf8_preview.html", "Avdiivka"}};
  for (const auto& [name, place] : files) {
    SCOPED_TRACE(name);
    Read r = Ingest((kCorpus / name).string());
    ASSERT_TRUE(r.status.ok()) << r.status;
    ASSERT_EQ(r.docs.size(), 1u);
    ExpectValidUtf8(r.docs[0]);
    // The readable part of the text is kept.
    EXPECT_THAT(r.docs[0].body(), HasSubstr(place));
  }
}

// --- truncated documents ---------------------------------------------------

TEST(HostileInputTest, TruncatedInputKeepsWhatIsCompleteAndSaysSo) {
  // The export breaks off in its third message: the one message before it
  // (the first is a service message) is delivered, then the error names the
  // format and the byte. A feed keeps its complete entries; a Bot API
  // response is one JSON value, so nothing of it is usable.
  for (const Outcome& expected : std::vector<Outcome>{
           {"truncated_export.json", absl::StatusCode::kInvalidArgument,
            "telegram-export: malformed JSON near byte", 1},
           {"truncated.atom", absl::StatusCode::kDataLoss,
            "atom: malformed XML", 1},
           {"truncated_bot_api.json", absl::StatusCode::kInvalidArgument,
            "bot-api: malformed JSON near byte", 0}}) {
    ExpectOutcome(expected);
  }
  // A preview page cut mid-post: the complete post is delivered, the cut
  // one skipped with the reason.
  Read preview = Ingest((kCorpus / "truncated_preview.html").string());
  ASSERT_TRUE(preview.status.ok()) << preview.status;
  EXPECT_EQ(preview.docs.size(), 1u);
  EXPECT_EQ(preview.summary.skipped, 1);
  ASSERT_EQ(preview.summary.problems.size(), 1u);
  EXPECT_THAT(std::string(preview.summary.problems[0].message()),
              HasSubstr("has no valid <time datetime>"));
}

// --- 100 MB bodies and gzip bombs -------------------------------------------

constexpr int64_t kHundredMb = 100 << 20;

TEST(HostileInputTest, HundredMegabyteFileIsRefusedUpFront) {
  const std::filesystem::path file = TempPath("100mb.txt");
  {
    std::ofstream out(file, std::ios::binary);
    const std::string line(1023, 'K');
    for (int64_t n = 0; n < kHundredMb; n += 1024) out << line << '\n';
  }
  ResetPeakMemory();
  const int64_t before = PeakMemory();
  Read r = Ingest(file.string());
  const int64_t grown = PeakMemory() - before;
  std::filesystem::remove(file);
  EXPECT_EQ(r.status.code(), absl::StatusCode::kResourceExhausted) << r.status;
  EXPECT_TRUE(r.docs.empty());
  // Refused from its size: not read into memory.
  EXPECT_LT(grown, 32 << 20);
}

TEST(HostileInputTest, HundredMegabyteHttpBodyStopsAtTheCap) {
  fetch::testing::TestHttpServer server;
  std::atomic<int64_t> sent{0};
  server.server().Get(
      "/big", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content_provider(
            kHundredMb, "text/plain",
            [&](size_t offset, size_t length, httplib::DataSink& sink) {
              static const std::string chunk(1 << 20, 'K');
              const size_t n = std::min(length, chunk.size());
              if (!sink.write(chunk.data(), n)) return false;
              sent += n;
              return true;
            });
      });
  server.Start();
  ResetPeakMemory();
  const int64_t before = PeakMemory();
  Read r = Ingest(server.Url("/big"));
  const int64_t grown = PeakMemory() - before;
  EXPECT_EQ(r.status.code(), absl::StatusCode::kResourceExhausted) << r.status;
  EXPECT_THAT(r.status.message(), HasSubstr("/big"));
  EXPECT_TRUE(r.docs.empty());
  // The reader stopped at its cap (16 MB by default): the rest was never
  // held, and the server could not send it all.
  EXPECT_LT(grown, 64 << 20);
  EXPECT_LT(sent.load(), kHundredMb);
}

// `size` zero bytes, gzipped (about a thousandth of the size).
std::string GzipOfZeros(int64_t size) {
  z_stream z{};
  deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_RLE);
  const std::string zeros(1 << 20, '\0');
  std::string out;
  char buffer[1 << 16];
  for (int64_t left = size; left >= 0; left -= zeros.size()) {
    const bool last = left <= static_cast<int64_t>(zeros.size());
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zeros.data()));
    z.avail_in = last ? left : zeros.size();
    do {
      z.next_out = reinterpret_cast<Bytef*>(buffer);
      z.avail_out = sizeof(buffer);
      deflate(&z, last ? Z_FINISH : Z_NO_FLUSH);
      out.append(buffer, sizeof(buffer) - z.avail_out);
    } while (z.avail_out == 0);
    if (last) break;
  }
  deflateEnd(&z);
  return out;
}

TEST(HostileInputTest, GzipBombOverHttpStopsAtTheCap) {
  // 1 GB of zeros in about 1 MB.
  const std::string bomb = GzipOfZeros(int64_t{1} << 30);
  ASSERT_LT(bomb.size(), 4u << 20);
  fetch::testing::TestHttpServer server;
  server.server().Get("/feed.xml",
                      [&](const httplib::Request&, httplib::Response& res) {
                        res.set_header("Content-Encoding", "gzip");
                        res.set_content(bomb, "application/rss+xml");
                      });
  server.Start();
  ResetPeakMemory();
  const int64_t before = PeakMemory();
  Read r = Ingest(server.Url("/feed.xml"));
  const int64_t grown = PeakMemory() - before;
  EXPECT_EQ(r.status.code(), absl::StatusCode::kResourceExhausted) << r.status;
  EXPECT_TRUE(r.docs.empty());
  EXPECT_LT(grown, 64 << 20);
}

// --- records on the bus ----------------------------------------------------

normalize::NormalizerData Resources() {
  const std::string root = FRONTLINE_SOURCE_DIR;
  return {.places_tsv = root + "/libs/gazetteer/data/places.tsv",
          .extract_dir = root + "/libs/extract/data",
          .text_dir = root + "/libs/text/data"};
}

v1::RawDocument Raw(const std::string& external_id, const std::string& body) {
  v1::RawDocument raw;
  raw.mutable_source()->set_id("test:hostile");
  raw.mutable_source()->set_kind(v1::SOURCE_KIND_UPLOAD);
  raw.set_external_id(external_id);
  raw.set_version(1);
  raw.set_format(v1::RAW_FORMAT_PLAIN_TEXT);
  raw.set_content_type("text/plain; charset=utf-8");
  raw.set_body(body);
  raw.mutable_published_time()->set_seconds(1736121600);
  raw.set_id(pipeline::RawDocumentId(raw));
  return raw;
}

// A record whose bytes are no protobuf at all: a field 1 claiming a length
// far past the end.
constexpr char kGarbage[] = "\x0a\xff\xff\xff\x0f not a protobuf";

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    bus_ =
        std::make_unique<bus::testing::TestBus>(bus::testing::Engine::kLocal);
    for (const auto& spec : pipeline::PipelineTopics(1)) {
      ASSERT_TRUE(bus_->CreateTopic(spec).ok());
    }
    dir_ = TempPath(
        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void Produce(bus::Message message) {
    auto r = bus_->bus().ProduceSync(message, absl::Seconds(30));
    ASSERT_TRUE(r.ok() && r->status.ok());
  }
  // `value` on `topic` with the CloudEvents headers of `type`.
  void ProduceBytes(const std::string& topic, const std::string& type,
                    const std::string& value) {
    bus::Message m{.topic = topic, .key = "k", .value = value};
    bus::AppendCloudEventHeaders(
        {.id = "poison", .source = "/hostile", .type = type}, m.headers);
    Produce(std::move(m));
  }

  // The single dead letter, after checking its headers.
  void ExpectOneDeadLetter(const std::string& topic, const std::string& stage,
                           const std::string& error_part) {
    auto letters = bus_->ReadAll(pipeline::kDeadLetterTopic, 1);
    ASSERT_EQ(letters.size(), 1u);
    const bus::Record& letter = letters[0];
    EXPECT_EQ(letter.value, std::string(kGarbage, sizeof(kGarbage) - 1));
    EXPECT_EQ(bus::FindHeader(letter.headers, bus::kDlqTopic), topic);
    EXPECT_EQ(bus::FindHeader(letter.headers, bus::kDlqStage), stage);
    EXPECT_EQ(bus::FindHeader(letter.headers, bus::kDlqOffset), "0");
    EXPECT_THAT(
        std::string(
            bus::FindHeader(letter.headers, bus::kDlqError).value_or("")),
        HasSubstr(error_part));
  }

  std::unique_ptr<bus::testing::TestBus> bus_;
  std::filesystem::path dir_;
};

TEST_F(PipelineTest, UnparsableRawRecordIsDeadLetteredAndTheNextNormalized) {
  ProduceBytes(pipeline::kRawTopic, "frontline.v1.RawDocument",
               std::string(kGarbage, sizeof(kGarbage) - 1));
  Produce(pipeline::RawDocumentMessage(
      Raw("next", "Russian forces captured Kurakhove, the ministry said."),
      "/hostile"));
  auto normalizer = normalize::Normalizer::Load(Resources());
  ASSERT_TRUE(normalizer.ok()) << normalizer.status();
  auto stage = normalize::NormalizeStage::Create(bus_->bus(), **normalizer);
  ASSERT_TRUE(stage.ok()) << stage.status();
  while ((*stage)->counters().handled + (*stage)->counters().dead_lettered <
         2) {
    ASSERT_TRUE((*stage)->RunOnce().ok());
  }
  EXPECT_EQ((*stage)->counters().handled, 1u);
  EXPECT_EQ((*stage)->counters().dead_lettered, 1u);
  ExpectOneDeadLetter(pipeline::kRawTopic, "normalize", "RawDocument");
  auto docs = bus_->ReadAll(pipeline::kDocsTopic, 1);
  ASSERT_EQ(docs.size(), 1u);
  v1::Document doc;
  ASSERT_TRUE(doc.ParseFromString(docs[0].value));
  EXPECT_EQ(doc.external_id(), "next");
}

// A Document as the normalize stage would write it.
v1::Document Doc(const std::string& external_id) {
  v1::Document doc;
  doc.set_id(absl::StrCat("doc-", external_id));
  doc.mutable_source()->set_id("test:hostile");
  doc.set_external_id(external_id);
  doc.set_version(1);
  doc.set_language("en");
  doc.set_text("Russian forces captured Kurakhove, the ministry said.");
  doc.mutable_published_time()->set_seconds(1736121600);
  doc.set_content_hash(absl::StrCat("hash-", external_id));
  return doc;
}

void ProduceProto(bus::testing::TestBus& bus, const std::string& topic,
                  const std::string& key,
                  const google::protobuf::Message& message) {
  auto r = bus.bus().ProduceSync(
      pipeline::ProtoMessage(topic, key, message, "/hostile", absl::Now()),
      absl::Seconds(30));
  ASSERT_TRUE(r.ok() && r->status.ok());
}

TEST_F(PipelineTest, UnparsableDocsRecordIsDeadLetteredAndTheNextJudged) {
  ProduceBytes(pipeline::kDocsTopic, "frontline.v1.Document",
               std::string(kGarbage, sizeof(kGarbage) - 1));
  ProduceProto(*bus_, pipeline::kDocsTopic, "next", Doc("next"));
  auto stage = dedup::DedupStage::Create(bus_->bus(), {.dir = dir_.string()});
  ASSERT_TRUE(stage.ok()) << stage.status();
  while ((*stage)->counters().handled + (*stage)->counters().dead_lettered <
         2) {
    ASSERT_TRUE((*stage)->RunOnce().ok());
  }
  EXPECT_EQ((*stage)->counters().dead_lettered, 1u);
  ExpectOneDeadLetter(pipeline::kDocsTopic, "dedup", "Document");
  auto out = bus_->ReadAll(pipeline::kEventsTopic, 1);
  ASSERT_GE(out.size(), 1u);
  v1::DocumentVerdict verdict;
  ASSERT_TRUE(verdict.ParseFromString(out[0].value));
  EXPECT_EQ(verdict.document_id(), "doc-next");
}

TEST_F(PipelineTest, UnparsableEventsRecordIsDeadLetteredAndTheNextApplied) {
  ProduceBytes(pipeline::kEventsTopic, "frontline.v1.Event",
               std::string(kGarbage, sizeof(kGarbage) - 1));
  v1::Event event;
  event.set_id("ev-next");
  event.set_revision(1);
  event.set_type(v1::CLAIM_TYPE_CAPTURE);
  event.set_place_id("ua.donetsk.kurakhove");
  event.mutable_time()->set_seconds(1736121600);
  ProduceProto(*bus_, pipeline::kEventsTopic, event.id(), event);
  auto gazetteer = gazetteer::Gazetteer::Load(Resources().places_tsv);
  ASSERT_TRUE(gazetteer.ok());
  auto view = state::StateView::Open(dir_.string(), &*gazetteer);
  ASSERT_TRUE(view.ok()) << view.status();
  auto updater = state::StateUpdater::Create(bus_->bus(), **view);
  ASSERT_TRUE(updater.ok()) << updater.status();
  size_t consumed = 0;
  while (consumed < 2) {
    auto n = (*updater)->RunOnce();
    ASSERT_TRUE(n.ok()) << n.status();
    consumed += *n;
  }
  ExpectOneDeadLetter(pipeline::kEventsTopic, "state", "Event");
  auto stored = (*view)->GetEvent("ev-next");
  ASSERT_TRUE(stored.ok()) << stored.status();
}

// --- a schema from the future ----------------------------------------------

// Field 4242 (unknown to this build): a varint and a string, as a newer
// writer would add.
template <typename M>
void AddFutureFields(M& message) {
  auto* unknown = message.GetReflection()->MutableUnknownFields(&message);
  unknown->AddVarint(4242, 7);
  unknown->AddLengthDelimited(4243, "from the future");
}

template <typename M>
bool HasFutureFields(const M& message) {
  const auto& unknown = message.GetReflection()->GetUnknownFields(message);
  bool varint = false, text = false;
  for (int i = 0; i < unknown.field_count(); ++i) {
    const auto& f = unknown.field(i);
    varint |= f.number() == 4242 && f.varint() == 7;
    text |= f.number() == 4243 && f.length_delimited() == "from the future";
  }
  return varint && text;
}

TEST_F(PipelineTest, UnknownFieldsOfANewerWriterAreKeptThroughEveryStage) {
  // A Document from a newer normalize: dedup copies it into the verdict,
  // and the view stores that verdict as it came.
  v1::Document doc = Doc("future");
  AddFutureFields(doc);
  AddFutureFields(*doc.add_claims());
  doc.mutable_claims(0)->set_id(doc.id() + "/0");
  doc.mutable_claims(0)->set_document_id(doc.id());
  doc.mutable_claims(0)->set_type(v1::CLAIM_TYPE_CAPTURE);
  doc.mutable_claims(0)->set_place_id("ua.donetsk.kurakhove");
  doc.mutable_claims(0)->set_side(v1::SIDE_RUSSIA);
  doc.mutable_claims(0)->set_polarity(v1::POLARITY_ASSERTED);
  ProduceProto(*bus_, pipeline::kDocsTopic, doc.id(), doc);
  // An Event and a verdict from a newer dedup, straight onto events.
  v1::Event event;
  event.set_id("ev-future");
  event.set_revision(1);
  event.set_type(v1::CLAIM_TYPE_SHELLING);
  event.set_place_id("ua.donetsk.pokrovsk");
  event.mutable_time()->set_seconds(1736121600);
  AddFutureFields(event);
  AddFutureFields(*event.add_sources());
  event.mutable_sources(0)->set_document_id("doc-other");
  ProduceProto(*bus_, pipeline::kEventsTopic, event.id(), event);
  v1::DocumentVerdict verdict;
  verdict.set_document_id("doc-verdict");
  verdict.set_verdict(v1::VERDICT_NEW);
  verdict.set_revision(1);
  *verdict.mutable_document() = Doc("verdict");
  verdict.mutable_document()->set_id("doc-verdict");
  AddFutureFields(verdict);
  ProduceProto(*bus_, pipeline::kEventsTopic, verdict.document_id(), verdict);

  auto dedup_stage = dedup::DedupStage::Create(
      bus_->bus(), {.dir = (dir_ / "dedup").string()});
  ASSERT_TRUE(dedup_stage.ok()) << dedup_stage.status();
  while ((*dedup_stage)->counters().handled < 1) {
    ASSERT_TRUE((*dedup_stage)->RunOnce().ok());
  }
  ASSERT_EQ((*dedup_stage)->counters().dead_lettered, 0u);
  // On the events topic: the verdict's embedded Document kept its fields.
  bool verdict_seen = false;
  for (const bus::Record& r : bus_->ReadAll(pipeline::kEventsTopic, 3)) {
    if (bus::FindHeader(r.headers, bus::kCeType) !=
        "frontline.v1.DocumentVerdict") {
      continue;
    }
    v1::DocumentVerdict v;
    ASSERT_TRUE(v.ParseFromString(r.value));
    if (v.document_id() != doc.id()) continue;
    verdict_seen = true;
    EXPECT_TRUE(HasFutureFields(v.document()));
    ASSERT_EQ(v.document().claims_size(), 1);
    EXPECT_TRUE(HasFutureFields(v.document().claims(0)));
  }
  EXPECT_TRUE(verdict_seen);

  auto gazetteer = gazetteer::Gazetteer::Load(Resources().places_tsv);
  ASSERT_TRUE(gazetteer.ok());
  auto view = state::StateView::Open((dir_ / "view").string(), &*gazetteer);
  ASSERT_TRUE(view.ok()) << view.status();
  auto updater = state::StateUpdater::Create(bus_->bus(), **view);
  ASSERT_TRUE(updater.ok()) << updater.status();
  auto lag = (*updater)->Lag();
  while (lag.ok() && *lag > 0) {
    ASSERT_TRUE((*updater)->RunOnce().ok());
    lag = (*updater)->Lag();
  }
  ASSERT_TRUE(lag.ok()) << lag.status();
  EXPECT_TRUE(
      bus_->ReadAll(pipeline::kDeadLetterTopic, 0, absl::Milliseconds(200))
          .empty());

  auto stored_doc = (*view)->GetDocument(doc.id());
  ASSERT_TRUE(stored_doc.ok()) << stored_doc.status();
  EXPECT_TRUE(HasFutureFields(stored_doc->document()));
  EXPECT_TRUE(HasFutureFields(stored_doc->document().claims(0)));
  auto stored_verdict = (*view)->GetDocument("doc-verdict");
  ASSERT_TRUE(stored_verdict.ok()) << stored_verdict.status();
  EXPECT_TRUE(HasFutureFields(*stored_verdict));
  auto stored_event = (*view)->GetEvent("ev-future");
  ASSERT_TRUE(stored_event.ok()) << stored_event.status();
  EXPECT_TRUE(HasFutureFields(stored_event->event()));
  EXPECT_TRUE(HasFutureFields(stored_event->event().sources(0)));
}

TEST_F(PipelineTest, UnknownFieldsOfAClientsRawDocumentReachTheRawTopic) {
  api::IngestService ingest(bus_->bus());
  auto server = api::Server::Start({.listen = "127.0.0.1:0"}, {&ingest});
  ASSERT_TRUE(server.ok()) << server.status();
  auto stub = v1::Ingest::NewStub(
      grpc::CreateChannel(absl::StrCat("127.0.0.1:", (*server)->port()),
                          grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  auto stream = stub->SubmitDocuments(&context);
  v1::SubmitDocumentsRequest request;
  *request.mutable_document() = Raw("future", "Shelling of Pokrovsk.");
  AddFutureFields(*request.mutable_document());
  ASSERT_TRUE(stream->Write(request));
  stream->WritesDone();
  v1::SubmitDocumentsResponse ack;
  ASSERT_TRUE(stream->Read(&ack));
  EXPECT_EQ(ack.code(), 0) << ack.message();
  EXPECT_TRUE(stream->Finish().ok());
  auto raw = bus_->ReadAll(pipeline::kRawTopic, 1);
  ASSERT_EQ(raw.size(), 1u);
  v1::RawDocument stored;
  ASSERT_TRUE(stored.ParseFromString(raw[0].value));
  EXPECT_TRUE(HasFutureFields(stored));
}

}  // namespace
}  // namespace frontline
