// TLS, mutual TLS, the bearer token and the HTTP/2 limits of api::Server,
// over loopback, with a CA and certificates made by `openssl` at test time.
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "frontline/v1/conflict_state.grpc.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "libs/api/client_channel.h"
#include "libs/api/conflict_state_service.h"
#include "libs/api/server.h"
#include "libs/gazetteer/gazetteer.h"
#include "libs/state/state_view.h"

namespace frontline {
namespace {

constexpr char kToken[] = "s3cret-token-0123456789abcdef";

std::filesystem::path* certs = nullptr;

std::string Cert(const char* name) { return (*certs / name).string(); }

// A CA, a server certificate for 127.0.0.1 and localhost, a client
// certificate, and a second CA that signed nothing here.
void MakeCertificates(const std::filesystem::path& dir) {
  const std::string d = dir.string();
  const std::string key = "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1";
  const std::string script = absl::StrCat(
      "set -e; cd '", d, "'\n",
      "printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\\n"
      "extendedKeyUsage=serverAuth\\n' > server.ext\n",
      "printf 'extendedKeyUsage=clientAuth\\n' > client.ext\n",
      "for ca in ca other-ca; do openssl req -x509 ", key,
      " -nodes -keyout $ca.key -out $ca.pem -days 2 -subj /CN=$ca; done\n",
      "for who in server client; do openssl req ", key,
      " -nodes -keyout $who.key -out $who.csr -subj /CN=$who\n",
      "openssl x509 -req -in $who.csr -CA ca.pem -CAkey ca.key "
      "-CAcreateserial -days 2 -extfile $who.ext -out $who.pem; done\n");
  std::ofstream(dir / "make.sh") << script;
  ASSERT_EQ(std::system(absl::StrCat("sh '", d, "/make.sh' > '", d,
                                     "/openssl.log' 2>&1")
                            .c_str()),
            0)
      << "openssl failed; see " << d << "/openssl.log";
}

class GrpcSecurityTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    certs = new std::filesystem::path(
        std::filesystem::temp_directory_path() /
        absl::StrCat("grpc-security-certs-", getpid()));
    std::filesystem::remove_all(*certs);
    std::filesystem::create_directories(*certs);
    MakeCertificates(*certs);
    std::ofstream(*certs / "token") << kToken << "\n";
    auto g = gazetteer::Gazetteer::Load(FRONTLINE_PLACES_TSV);
    ASSERT_TRUE(g.ok()) << g.status();
    gazetteer_ = new gazetteer::Gazetteer(*std::move(g));
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*certs);
    delete certs;
    certs = nullptr;
  }
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           absl::StrCat("grpc-security-", getpid());
    std::filesystem::remove_all(dir_);
    auto view = state::StateView::Open(dir_.string(), gazetteer_);
    ASSERT_TRUE(view.ok()) << view.status();
    view_ = *std::move(view);
    service_ = std::make_unique<api::ConflictStateService>(*view_);
  }
  void TearDown() override {
    server_.reset();
    service_.reset();
    view_.reset();
    std::filesystem::remove_all(dir_);
  }

  static api::ServerOptions TlsOptions() {
    return {.listen = "127.0.0.1:0",
            .tls_cert_file = Cert("server.pem"),
            .tls_key_file = Cert("server.key")};
  }
  void Start(const api::ServerOptions& options) {
    auto server = api::Server::Start(options, {service_.get()});
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
  }
  std::shared_ptr<grpc::Channel> Channel(const api::ChannelOptions& options) {
    auto channel =
        api::MakeChannel(absl::StrCat("127.0.0.1:", server_->port()), options);
    EXPECT_TRUE(channel.ok()) << channel.status();
    return channel.ok() ? *channel : nullptr;
  }
  static grpc::Status Stats(const std::shared_ptr<grpc::Channel>& channel,
                            grpc::ClientContext* context = nullptr) {
    grpc::ClientContext own;
    if (context == nullptr) context = &own;
    context->set_deadline(std::chrono::system_clock::now() +
                          std::chrono::seconds(5));
    v1::Stats stats;
    return v1::ConflictState::NewStub(channel)->GetStats(context, {}, &stats);
  }

  static gazetteer::Gazetteer* gazetteer_;
  std::filesystem::path dir_;
  std::unique_ptr<state::StateView> view_;
  std::unique_ptr<api::ConflictStateService> service_;
  std::unique_ptr<api::Server> server_;
};
gazetteer::Gazetteer* GrpcSecurityTest::gazetteer_ = nullptr;

TEST_F(GrpcSecurityTest, TlsWorksAndPlaintextClientFails) {
  Start(TlsOptions());
  grpc::Status status = Stats(Channel({.tls_ca_file = Cert("ca.pem")}));
  EXPECT_TRUE(status.ok()) << status.error_message();

  EXPECT_FALSE(Stats(Channel({})).ok()) << "clear text to a TLS port";
  EXPECT_FALSE(Stats(Channel({.tls_ca_file = Cert("other-ca.pem")})).ok())
      << "a server certificate from an unknown CA";
}

TEST_F(GrpcSecurityTest, MutualTlsRejectsClientWithoutCertificate) {
  api::ServerOptions options = TlsOptions();
  options.tls_client_ca_file = Cert("ca.pem");
  Start(options);
  EXPECT_FALSE(Stats(Channel({.tls_ca_file = Cert("ca.pem")})).ok());
  grpc::Status status = Stats(Channel({.tls_ca_file = Cert("ca.pem"),
                                       .tls_cert_file = Cert("client.pem"),
                                       .tls_key_file = Cert("client.key")}));
  EXPECT_TRUE(status.ok()) << status.error_message();
}

TEST_F(GrpcSecurityTest, MutualTlsRejectsCertificateFromAnotherCa) {
  api::ServerOptions options = TlsOptions();
  options.tls_client_ca_file = Cert("other-ca.pem");
  Start(options);
  EXPECT_FALSE(Stats(Channel({.tls_ca_file = Cert("ca.pem"),
                              .tls_cert_file = Cert("client.pem"),
                              .tls_key_file = Cert("client.key")}))
                   .ok());
}

TEST_F(GrpcSecurityTest, BearerTokenIsCheckedOnEveryCallButHealth) {
  api::ServerOptions options = TlsOptions();
  options.bearer_token_file = Cert("token");
  Start(options);
  const api::ChannelOptions tls{.tls_ca_file = Cert("ca.pem")};

  grpc::Status none = Stats(Channel(tls));
  EXPECT_EQ(none.error_code(), grpc::StatusCode::UNAUTHENTICATED);

  api::ChannelOptions close = tls;
  close.bearer_token = std::string(kToken).substr(0, sizeof(kToken) - 2) + "X";
  grpc::Status wrong = Stats(Channel(close));
  EXPECT_EQ(wrong.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(wrong.error_message().find(kToken), std::string::npos);
  EXPECT_EQ(wrong.error_message(), none.error_message())
      << "nothing tells a near miss from no token";

  // Per-call metadata with another scheme, or the token in another case.
  grpc::ClientContext basic;
  basic.AddMetadata("authorization", absl::StrCat("Basic ", kToken));
  EXPECT_EQ(Stats(Channel(tls), &basic).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);

  api::ChannelOptions right = tls;
  right.bearer_token = kToken;
  grpc::Status ok = Stats(Channel(right));
  EXPECT_TRUE(ok.ok()) << ok.error_message();
  grpc::ClientContext lower;
  lower.AddMetadata("authorization", absl::StrCat("bearer ", kToken));
  ok = Stats(Channel(tls), &lower);
  EXPECT_TRUE(ok.ok()) << "the scheme is case-insensitive";

  auto health = grpc::health::v1::Health::NewStub(Channel(tls));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(5));
  grpc::health::v1::HealthCheckResponse response;
  grpc::Status status = health->Check(&context, {}, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.status(), grpc::health::v1::HealthCheckResponse::SERVING);
}

TEST_F(GrpcSecurityTest, MetadataLargerThanTheLimitIsRejected) {
  api::ServerOptions options = TlsOptions();
  options.max_metadata_bytes = 4096;
  Start(options);
  std::shared_ptr<grpc::Channel> channel =
      Channel({.tls_ca_file = Cert("ca.pem")});
  grpc::ClientContext big;
  big.AddMetadata("x-padding", std::string(16 << 10, 'a'));
  grpc::Status status = Stats(channel, &big);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  // The server may close that connection: a new one carries small metadata.
  grpc::ClientContext small;
  small.AddMetadata("x-padding", std::string(512, 'a'));
  small.set_wait_for_ready(true);
  small.set_deadline(std::chrono::system_clock::now() +
                     std::chrono::seconds(10));
  status = Stats(Channel({.tls_ca_file = Cert("ca.pem")}), &small);
  EXPECT_TRUE(status.ok()) << status.error_message();
}

TEST_F(GrpcSecurityTest, DeadlinesAreHonouredThroughTlsAndToken) {
  api::ServerOptions options = TlsOptions();
  options.bearer_token = kToken;
  Start(options);
  auto stub = v1::ConflictState::NewStub(
      Channel({.tls_ca_file = Cert("ca.pem"), .bearer_token = kToken}));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::milliseconds(500));
  auto reader = stub->WatchEvents(&context, {});
  v1::WatchEventsResponse response;
  EXPECT_FALSE(reader->Read(&response));
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
}

TEST_F(GrpcSecurityTest, BadOptionsAreInvalidArguments) {
  api::ServerOptions options = TlsOptions();
  options.tls_cert_file = (dir_ / "missing.pem").string();
  auto server = api::Server::Start(options, {service_.get()});
  ASSERT_FALSE(server.ok());
  EXPECT_EQ(server.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(server.status().message().find("missing.pem"), std::string::npos);

  server = api::Server::Start({.listen = "127.0.0.1:0", .bearer_token = kToken},
                              {service_.get()});
  EXPECT_EQ(server.status().code(), absl::StatusCode::kInvalidArgument)
      << "a token without TLS";
  server = api::Server::Start(
      {.listen = "127.0.0.1:0", .tls_client_ca_file = Cert("ca.pem")},
      {service_.get()});
  EXPECT_EQ(server.status().code(), absl::StatusCode::kInvalidArgument);
  options = TlsOptions();
  options.tls_key_file.clear();
  server = api::Server::Start(options, {service_.get()});
  EXPECT_EQ(server.status().code(), absl::StatusCode::kInvalidArgument);
  options = TlsOptions();
  options.bearer_token_file = (dir_ / "no-token").string();
  server = api::Server::Start(options, {service_.get()});
  EXPECT_EQ(server.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(server.status().message().find("no-token"), std::string::npos);
}

TEST(ConstantTimeEqualsTest, ComparesWholeStrings) {
  EXPECT_TRUE(api::ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(api::ConstantTimeEquals("abd", "abc"));
  EXPECT_FALSE(api::ConstantTimeEquals("ab", "abc"));
  EXPECT_FALSE(api::ConstantTimeEquals("abcd", "abc"));
  EXPECT_FALSE(api::ConstantTimeEquals("", "abc"));
  EXPECT_TRUE(api::ConstantTimeEquals("", ""));
}

}  // namespace
}  // namespace frontline
