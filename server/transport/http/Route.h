#pragma once

#include <QHttpServerRequest>
#include <QString>

namespace nb::transport::http {

/// Who may call a route.
enum class Access {
    Public,       // anyone; a token is not even looked at
    OptionalUser, // anyone; a valid token makes the call personal (a seller sees the reserve)
    User,         // a valid bearer token, or 401
};

/// What a route reads from the request body, which decides its size limit.
enum class BodyKind {
    None,  // ignored (and bounded like JSON)
    Json,  // a JSON object of at most HttpOptions::maxBodyBytes
    Image, // raw image bytes of at most ImageService::kMaxBytes
};

/// One endpoint: method, path pattern (QHttpServer syntax, "<arg>" for an id), who may call it
/// and what body it takes.
struct Route {
    QHttpServerRequest::Method method = QHttpServerRequest::Method::Get;
    QString pattern;
    Access access = Access::Public;
    BodyKind body = BodyKind::None;
};

} // namespace nb::transport::http
