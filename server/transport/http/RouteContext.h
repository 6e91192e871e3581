#pragma once

#include "server/transport/http/HttpOptions.h"

namespace nb::services {
struct Services;
}

namespace nb::transport {

class Metrics;
class RateLimiter;

namespace http {

/// What every route handler may use. Shared by the requests in flight, so that a handler still
/// running on a worker when the HttpApi goes away keeps valid options; the referenced services,
/// metrics and limiter belong to the server and outlive the workers.
struct RouteContext {
    services::Services& services;
    Metrics& metrics;
    RateLimiter& limiter;
    const HttpOptions options;
};

} // namespace http
} // namespace nb::transport
