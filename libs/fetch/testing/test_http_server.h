// Test support: a real HTTP server (cpp-httplib) on 127.0.0.1, on a free
// port, running on its own thread from construction to destruction.
#ifndef FRONTLINE_LIBS_FETCH_TESTING_TEST_HTTP_SERVER_H_
#define FRONTLINE_LIBS_FETCH_TESTING_TEST_HTTP_SERVER_H_

#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "httplib.h"

namespace frontline::fetch::testing {

class TestHttpServer {
 public:
  // Register handlers on server() before Start().
  httplib::Server& server() { return server_; }

  void Start() {
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
  }

  ~TestHttpServer() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }

  int port() const { return port_; }
  std::string Url(absl::string_view path) const {
    return absl::StrCat("http://127.0.0.1:", port_, path);
  }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace frontline::fetch::testing

#endif  // FRONTLINE_LIBS_FETCH_TESTING_TEST_HTTP_SERVER_H_
