// HttpFetcher against a real HTTP server on 127.0.0.1 (cpp-httplib), and
// against sockets that misbehave.
#include "libs/fetch/http_fetcher.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <thread>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "httplib.h"

namespace frontline::fetch {
namespace {

std::string Gzip(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9,
               Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// 64 MiB of zeros in about 64 KiB of gzip, made once.
const std::string& Bomb() {
  static const std::string* bomb =
      new std::string(Gzip(std::string(64 << 20, '\0')));
  return *bomb;
}

class HttpFetcherTest : public testing::Test {
 protected:
  void SetUp() override {
    server_.Get(
        "/feed", [](const httplib::Request& req, httplib::Response& res) {
          if (req.get_header_value("If-None-Match") == "\"v1\"") {
            res.status = 304;
            return;
          }
          res.set_header("ETag", "\"v1\"");
          res.set_header("Last-Modified", "Mon, 06 Jan 2025 10:00:00 GMT");
          res.set_content("<rss><channel><title>t</title></channel></rss>",
                          "application/rss+xml");
        });
    server_.Get("/big", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(2 << 20, 'x'), "application/octet-stream");
    });
    server_.Get("/bomb", [](const httplib::Request&, httplib::Response& res) {
      res.set_header("Content-Encoding", "gzip");
      res.set_content(Bomb(), "application/octet-stream");
    });
    server_.Get("/gzipped", [](const httplib::Request&,
                               httplib::Response& res) {
      res.set_header("Content-Encoding", "gzip");
      res.set_content(Gzip("Курахове, Kurakhove"), "application/octet-stream");
    });
    server_.Get("/slow", [](const httplib::Request&, httplib::Response& res) {
      res.set_chunked_content_provider(
          "text/plain", [](size_t offset, httplib::DataSink& sink) {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            return offset < 100 && sink.write("x", 1);
          });
    });
    server_.Get("/loop", [](const httplib::Request&, httplib::Response& res) {
      res.set_redirect("/loop");
    });
    server_.Get("/to-file",
                [](const httplib::Request&, httplib::Response& res) {
                  res.set_redirect("file:///etc/passwd");
                });
    server_.Get("/moved", [](const httplib::Request&, httplib::Response& res) {
      res.set_redirect("/feed");
    });
    server_.Get("/busy", [](const httplib::Request&, httplib::Response& res) {
      res.status = 429;
      res.set_header("Retry-After", "7");
    });
    server_.Get("/broken", [](const httplib::Request&, httplib::Response& res) {
      res.status = 500;
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    ASSERT_GT(port_, 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
  }
  void TearDown() override {
    fetcher_.reset();  // closes its kept-alive connection first
    server_.stop();
    thread_.join();
  }
  std::string Url(absl::string_view path) {
    return absl::StrCat("http://127.0.0.1:", port_, path);
  }

  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::unique_ptr<HttpFetcher> fetcher_ = std::make_unique<HttpFetcher>();
};

TEST_F(HttpFetcherTest, ConditionalGetSeesUnchangedFeeds) {
  auto first = fetcher_->Fetch({.url = Url("/feed")});
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->http_status, 200);
  EXPECT_EQ(first->etag, "\"v1\"");
  EXPECT_EQ(first->last_modified, "Mon, 06 Jan 2025 10:00:00 GMT");
  EXPECT_NE(first->body.find("<rss>"), std::string::npos);
  EXPECT_EQ(first->content_type, "application/rss+xml");

  auto second = fetcher_->Fetch({.url = Url("/feed"),
                                 .etag = first->etag,
                                 .last_modified = first->last_modified});
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_TRUE(second->not_modified());
  EXPECT_TRUE(second->body.empty());
}

TEST_F(HttpFetcherTest, DecodesGzipAndFollowsRedirects) {
  auto gz = fetcher_->Fetch({.url = Url("/gzipped")});
  ASSERT_TRUE(gz.ok()) << gz.status();
  EXPECT_EQ(gz->body, "Курахове, Kurakhove");
  auto moved = fetcher_->Fetch({.url = Url("/moved")});
  ASSERT_TRUE(moved.ok()) << moved.status();
  EXPECT_EQ(moved->http_status, 200);
  EXPECT_EQ(moved->final_url, Url("/feed"));
}

TEST_F(HttpFetcherTest, CapsTheBodyAndStopsGzipBombs) {
  auto big = fetcher_->Fetch({.url = Url("/big"), .max_body_bytes = 1 << 20});
  EXPECT_EQ(big.status().code(), absl::StatusCode::kResourceExhausted)
      << big.status();
  // Stopped at the decoded cap, not at the 64 KiB on the wire.
  ASSERT_LT(Bomb().size(), 1u << 20);
  auto bomb = fetcher_->Fetch({.url = Url("/bomb"), .max_body_bytes = 1 << 20});
  EXPECT_EQ(bomb.status().code(), absl::StatusCode::kResourceExhausted)
      << bomb.status();
  // The fetcher is usable afterwards.
  EXPECT_TRUE(fetcher_->Fetch({.url = Url("/feed")}).ok());
}

TEST_F(HttpFetcherTest, GivesUpOnAServerThatTricklesBytes) {
  auto slow = fetcher_->Fetch({.url = Url("/slow"),
                               .min_bytes_per_second = 64,
                               .stall_timeout = absl::Seconds(1)});
  EXPECT_EQ(slow.status().code(), absl::StatusCode::kDeadlineExceeded)
      << slow.status();
}

TEST_F(HttpFetcherTest, RedirectsAreBoundedAndStayOnHttp) {
  auto loop = fetcher_->Fetch({.url = Url("/loop"), .max_redirects = 3});
  EXPECT_EQ(loop.status().code(), absl::StatusCode::kFailedPrecondition)
      << loop.status();
  auto to_file = fetcher_->Fetch({.url = Url("/to-file")});
  EXPECT_FALSE(to_file.ok());
  EXPECT_EQ(to_file.status().code(), absl::StatusCode::kInvalidArgument)
      << to_file.status();
  EXPECT_EQ(fetcher_->Fetch({.url = "file:///etc/passwd"}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(HttpFetcherTest, HttpErrorsAreAnswersWithRetryAfter) {
  auto busy = fetcher_->Fetch({.url = Url("/busy")});
  ASSERT_TRUE(busy.ok()) << busy.status();
  EXPECT_EQ(busy->http_status, 429);
  EXPECT_EQ(busy->retry_after, "7");
  auto broken = fetcher_->Fetch({.url = Url("/broken")});
  ASSERT_TRUE(broken.ok());
  EXPECT_EQ(broken->http_status, 500);
}

// A socket that accepts connections (the kernel's backlog does) and never
// says a word.
TEST(HttpFetcherSilenceTest, TimesOutOnAServerThatNeverAnswers) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  ASSERT_EQ(listen(fd, 4), 0);
  socklen_t len = sizeof(addr);
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  HttpFetcher fetcher;
  auto silent = fetcher.Fetch(
      {.url = absl::StrCat("http://127.0.0.1:", ntohs(addr.sin_port), "/"),
       .total_timeout = absl::Seconds(1)});
  EXPECT_EQ(silent.status().code(), absl::StatusCode::kDeadlineExceeded)
      << silent.status();
  close(fd);

  // And a port nobody listens on.
  auto refused = fetcher.Fetch(
      {.url = absl::StrCat("http://127.0.0.1:", ntohs(addr.sin_port), "/")});
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kUnavailable)
      << refused.status();
}

}  // namespace
}  // namespace frontline::fetch
