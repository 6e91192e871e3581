#pragma once

#include "server/transport/http/HttpCall.h"
#include "server/transport/http/Route.h"
#include "server/transport/http/RouteContext.h"

#include <QHttpServerResponse>
#include <QLoggingCategory>

#include <functional>
#include <optional>

namespace nb::transport::http {

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

/// A route's work, run on a worker: reads the call, calls services, returns the answer. It may
/// throw services::ServiceError (the error envelope) or anything else (500 internal).
using Handler = std::function<QHttpServerResponse(const RouteContext&, HttpCall&)>;

/// The steps every request goes through around its handler.
namespace pipeline {

/// What can be decided on the socket thread without the database: the per-address rate limit
/// for anonymous calls, a missing or malformed Authorization header where a user is required,
/// and an oversized body. nullopt: go on to the worker.
std::optional<QHttpServerResponse> screen(const RouteContext& context, const Route& route,
                                          const HttpCall& call);

/// On a worker: checks the bearer token (401 when invalid) and the per-user rate limit, runs the
/// handler, and maps whatever it throws to the error envelope.
QHttpServerResponse run(const RouteContext& context, const Route& route, HttpCall& call,
                        const Handler& handler);

/// Counts the answer in the metrics (route pattern, status, latency) and hands it back.
QHttpServerResponse finish(const RouteContext& context, const HttpCall& call, QHttpServerResponse response);

} // namespace pipeline
} // namespace nb::transport::http
