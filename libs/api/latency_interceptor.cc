#include "libs/api/latency_interceptor.h"

#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_replace.h"
#include "absl/time/clock.h"
#include "google/protobuf/descriptor.h"
#include "libs/metrics/metrics.h"

namespace frontline::api {
namespace {

using grpc::experimental::InterceptionHookPoints;

// "/frontline.v1.ConflictState/GetPlace" names a generated method.
bool IsKnownMethod(const char* method) {
  if (method == nullptr || method[0] != '/') return false;
  std::string full = absl::StrReplaceAll(method + 1, {{"/", "."}});
  return google::protobuf::DescriptorPool::generated_pool()->FindMethodByName(
             full) != nullptr;
}

class LatencyInterceptor : public grpc::experimental::Interceptor {
 public:
  explicit LatencyInterceptor(const char* method)
      : method_(method), start_(absl::Now()) {}

  void Intercept(
      grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::PRE_SEND_STATUS)) {
      const auto code =
          static_cast<absl::StatusCode>(methods->GetSendStatus().error_code());
      metrics::Standard().ObserveGrpc(method_, absl::StatusCodeToString(code),
                                      absl::Now() - start_);
    }
    methods->Proceed();
  }

 private:
  const std::string method_;
  const absl::Time start_;
};

class LatencyInterceptorFactory
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    if (info->type() != grpc::experimental::ServerRpcInfo::Type::UNARY ||
        !IsKnownMethod(info->method())) {
      return nullptr;
    }
    return new LatencyInterceptor(info->method());
  }
};

}  // namespace

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
MakeLatencyInterceptorFactory() {
  return std::make_unique<LatencyInterceptorFactory>();
}

}  // namespace frontline::api
