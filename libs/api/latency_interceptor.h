// Observes every unary call a server handles in
// frontline_grpc_request_duration_seconds{method,code}: from the moment the
// call reaches the server until its status is sent. Streams are not
// observed (their duration is the client's choice), nor methods that are
// not in the generated descriptor pool, so a client cannot grow the label
// set with made-up method names.
#ifndef FRONTLINE_LIBS_API_LATENCY_INTERCEPTOR_H_
#define FRONTLINE_LIBS_API_LATENCY_INTERCEPTOR_H_

#include <memory>

#include "grpcpp/support/server_interceptor.h"

namespace frontline::api {

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
MakeLatencyInterceptorFactory();

}  // namespace frontline::api

#endif  // FRONTLINE_LIBS_API_LATENCY_INTERCEPTOR_H_
