// The Ingest service over real gRPC on loopback, onto a real local bus.
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "frontline/v1/ingest.grpc.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "libs/api/ingest_service.h"
#include "libs/api/server.h"
#include "libs/bus/bus.h"
#include "libs/bus/cloud_events.h"
#include "libs/pipeline/raw_documents.h"
#include "libs/pipeline/topics.h"

namespace frontline {
namespace {

class IngestGrpcTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           absl::StrCat("ingest-grpc-", getpid());
    std::filesystem::remove_all(dir_);
    auto bus = bus::Bus::Open("local:" + dir_.string());
    ASSERT_TRUE(bus.ok()) << bus.status();
    bus_ = *std::move(bus);
    ASSERT_TRUE(pipeline::EnsurePipelineTopics(*bus_, 2).ok());
    ingest_ = std::make_unique<api::IngestService>(*bus_);
    auto server =
        api::Server::Start({.listen = "127.0.0.1:0"}, {ingest_.get()});
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    channel_ = grpc::CreateChannel(absl::StrCat("127.0.0.1:", server_->port()),
                                   grpc::InsecureChannelCredentials());
  }
  void TearDown() override {
    server_.reset();
    ingest_.reset();
    bus_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::vector<bus::Record> RawRecords() {
    auto consumer =
        bus_->Assign({{pipeline::kRawTopic, 0, bus::kOffsetBeginning},
                      {pipeline::kRawTopic, 1, bus::kOffsetBeginning}},
                     {});
    EXPECT_TRUE(consumer.ok());
    auto records = (*consumer)->Poll(100, absl::Milliseconds(200));
    EXPECT_TRUE(records.ok());
    return *records;
  }

  std::filesystem::path dir_;
  std::unique_ptr<bus::Bus> bus_;
  std::unique_ptr<api::IngestService> ingest_;
  std::unique_ptr<api::Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
};

v1::RawDocument Doc(int i) {
  v1::RawDocument doc;
  doc.mutable_source()->set_id("feed:example");
  doc.set_external_id(absl::StrCat("https://example.org/item/", i));
  doc.set_version(1);
  doc.set_body(absl::StrCat("Report ", i, ": fighting near Kurakhove."));
  return doc;
}

TEST_F(IngestGrpcTest, HealthIsServing) {
  auto health = grpc::health::v1::Health::NewStub(channel_);
  grpc::ClientContext context;
  grpc::health::v1::HealthCheckResponse response;
  grpc::Status status = health->Check(&context, {}, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.status(), grpc::health::v1::HealthCheckResponse::SERVING);
}

TEST_F(IngestGrpcTest, AcknowledgesDurableDocumentsInOrderAndRejectsBadOnes) {
  auto stub = v1::Ingest::NewStub(channel_);
  grpc::ClientContext context;
  auto stream = stub->SubmitDocuments(&context);
  std::vector<v1::RawDocument> docs = {Doc(1), Doc(2), Doc(3)};
  v1::RawDocument no_source = Doc(4);
  no_source.mutable_source()->clear_id();
  v1::RawDocument too_big = Doc(5);
  too_big.set_body(std::string(1'000'000, 'x'));
  for (const v1::RawDocument& d :
       {docs[0], no_source, docs[1], too_big, docs[2]}) {
    v1::SubmitDocumentsRequest request;
    *request.mutable_document() = d;
    ASSERT_TRUE(stream->Write(request));
  }
  stream->WritesDone();
  std::vector<v1::SubmitDocumentsResponse> acks;
  v1::SubmitDocumentsResponse ack;
  while (stream->Read(&ack)) acks.push_back(ack);
  grpc::Status status = stream->Finish();
  ASSERT_TRUE(status.ok()) << status.error_message();

  ASSERT_EQ(acks.size(), 5u);
  const std::vector<int> codes = {0, 3, 0, 3, 0};  // 3: INVALID_ARGUMENT
  for (size_t i = 0; i < acks.size(); ++i) {
    EXPECT_EQ(acks[i].code(), codes[i]) << i << ": " << acks[i].message();
    EXPECT_EQ(acks[i].acknowledged(), i + 1);
  }
  EXPECT_NE(acks[1].message().find("source.id"), std::string::npos);
  EXPECT_NE(acks[3].message().find("exceeds"), std::string::npos);
  EXPECT_EQ(acks[0].document_id(), pipeline::RawDocumentId(docs[0]));

  auto records = RawRecords();
  ASSERT_EQ(records.size(), 3u);
  std::set<std::string> ids;
  for (const bus::Record& r : records) {
    v1::RawDocument doc;
    ASSERT_TRUE(doc.ParseFromString(r.value));
    EXPECT_EQ(r.key, doc.id());
    EXPECT_EQ(bus::FindHeader(r.headers, bus::kCeType),
              "frontline.v1.RawDocument");
    ids.insert(doc.id());
  }
  EXPECT_EQ(ids,
            (std::set<std::string>{acks[0].document_id(), acks[2].document_id(),
                                   acks[4].document_id()}));
  EXPECT_EQ(ingest_->accepted(), 3u);
  EXPECT_EQ(ingest_->rejected(), 2u);
}

}  // namespace
}  // namespace frontline
