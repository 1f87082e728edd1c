// A Kafka client nobody here wrote (kcat) reads what the Bus wrote and writes
// what the Bus reads, over the Kafka protocol on loopback; protoc decodes the
// values as the contract's message types.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "frontline/v1/raw_document.pb.h"
#include "gtest/gtest.h"
#include "libs/bus/bus.h"
#include "libs/bus/cloud_events.h"
#include "libs/bus/kafka_mock_cluster.h"

namespace frontline {
namespace {

// Runs `command` through the shell; returns its stdout, binary-safe.
std::string Shell(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0)
    out.append(buffer, n);
  EXPECT_EQ(pclose(pipe), 0) << command;
  return out;
}

class KcatInteropTest : public testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(FRONTLINE_KCAT)) {
      GTEST_SKIP() << "kcat not installed (make deps installs it)";
    }
    auto mock = bus::KafkaMockCluster::Start(3);
    ASSERT_TRUE(mock.ok()) << mock.status();
    mock_ = *std::move(mock);
    ASSERT_TRUE(mock_->CreateTopic("raw", 1, 3).ok());
    ASSERT_TRUE(mock_->CreateTopic("inbound", 1, 3).ok());
    auto opened = bus::Bus::Open(mock_->uri());
    ASSERT_TRUE(opened.ok()) << opened.status();
    bus_ = *std::move(opened);
    tmp_ = std::filesystem::temp_directory_path() /
           absl::StrCat("kcat-", getpid());
    std::filesystem::create_directories(tmp_);
  }
  void TearDown() override { std::filesystem::remove_all(tmp_); }

  std::string Kcat(const std::string& args) {
    return absl::StrCat(FRONTLINE_KCAT, " -b ", mock_->bootstrap_servers(), " ",
                        args);
  }

  std::unique_ptr<bus::KafkaMockCluster> mock_;
  std::unique_ptr<bus::Bus> bus_;
  std::filesystem::path tmp_;
};

TEST_F(KcatInteropTest, KcatReadsWhatTheBusWroteAndProtocDecodesIt) {
  v1::RawDocument doc;
  doc.set_id("0f3a9c2e11d4b7a8");
  doc.set_external_id("DeepStateUA/10452");
  doc.set_url("https://t.me/DeepStateUA/10452");
  doc.mutable_source()->set_id("telegram:DeepStateUA");
  doc.mutable_source()->set_affiliation(v1::AFFILIATION_UKRAINIAN_MONITORING);
  doc.set_format(v1::RAW_FORMAT_TELEGRAM_BOT_API_MESSAGE);
  doc.set_body("Курахове: ворог просунувся в районі ТЕС.");
  doc.mutable_published_time()->set_seconds(1736078400);

  bus::Message message{.topic = "raw", .key = doc.id()};
  doc.SerializeToString(&message.value);
  bus::AppendCloudEventHeaders({.id = doc.id(),
                                .source = "/frontline/test",
                                .type = "frontline.v1.RawDocument",
                                .time = absl::FromUnixSeconds(1736078400)},
                               message.headers);
  auto report = bus_->ProduceSync(message, absl::Seconds(30));
  ASSERT_TRUE(report.ok() && report->status.ok());

  // Key and headers, as kcat prints them.
  std::string meta =
      Shell(Kcat("-C -t raw -o beginning -c 1 -e -q -f '%k|%h'"));
  EXPECT_EQ(meta.substr(0, meta.find('|')), doc.id());
  EXPECT_NE(meta.find("ce_type=frontline.v1.RawDocument"), std::string::npos)
      << meta;
  EXPECT_NE(meta.find("ce_specversion=1.0"), std::string::npos) << meta;
  EXPECT_NE(meta.find("content-type=application/protobuf"), std::string::npos);

  // The value, decoded by protoc with nothing but the .proto files.
  const auto value_file = tmp_ / "value.bin";
  Shell(Kcat(absl::StrCat("-C -t raw -o beginning -c 1 -e -q -D '' -f '%s' > ",
                          value_file.string())));
  std::string decoded = Shell(
      absl::StrCat(FRONTLINE_PROTOC, " --decode=frontline.v1.RawDocument -I ",
                   FRONTLINE_PROTO_DIR, " frontline/v1/raw_document.proto < ",
                   value_file.string()));
  EXPECT_NE(decoded.find("external_id: \"DeepStateUA/10452\""),
            std::string::npos)
      << decoded;
  EXPECT_NE(decoded.find("format: RAW_FORMAT_TELEGRAM_BOT_API_MESSAGE"),
            std::string::npos)
      << decoded;
  EXPECT_NE(decoded.find("affiliation: AFFILIATION_UKRAINIAN_MONITORING"),
            std::string::npos)
      << decoded;
}

TEST_F(KcatInteropTest, TheBusReadsWhatKcatWrote) {
  const auto input = tmp_ / "input.txt";
  std::ofstream(input) << "doc-42:plain text from kcat\n";
  Shell(
      Kcat(absl::StrCat("-P -t inbound -K : -H ce_type=text.plain "
                        "-H origin=kcat < ",
                        input.string())));
  auto consumer = bus_->Assign({{"inbound", 0, bus::kOffsetBeginning}}, {});
  ASSERT_TRUE(consumer.ok()) << consumer.status();
  std::vector<bus::Record> records;
  const absl::Time deadline = absl::Now() + absl::Seconds(30);
  while (records.empty() && absl::Now() < deadline) {
    auto batch = (*consumer)->Poll(10, absl::Milliseconds(200));
    ASSERT_TRUE(batch.ok()) << batch.status();
    records = *std::move(batch);
  }
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].key, "doc-42");
  EXPECT_EQ(records[0].value, "plain text from kcat");
  EXPECT_EQ(bus::FindHeader(records[0].headers, "ce_type"), "text.plain");
  EXPECT_EQ(bus::FindHeader(records[0].headers, "origin"), "kcat");
}

}  // namespace
}  // namespace frontline
