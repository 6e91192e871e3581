#pragma once

#include "client/net/ApiReply.h"
#include "shared/protocol/Decoded.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <functional>
#include <utility>

namespace nb::client {

/// The answer of a call that has no body (204), e.g. watch or logout.
struct NoContent {};

/// A typed request in flight, returned by every ApiClient call:
///
///     session.api().auction(id)
///         ->onSuccess(this, [this](const nb::AuctionDetail& d) { show(d); })
///         ->onFailure(this, [this](const nb::ApiError& e) { showError(e.message); });
///
/// The callbacks run on the context's thread and are dropped with the context.
template <typename T>
class ApiCall : public ApiReply {
public:
    /// Reads the body of a 2xx answer (JSON bodies: see jsonBody()).
    using Decoder = std::function<Decoded<T>(const QByteArray&)>;

    ApiCall(Decoder decoder, QObject* parent)
        : ApiReply(parent)
        , m_decoder(std::move(decoder))
    {}

    /// A Decoder for a JSON object body.
    template <typename F>
    static Decoder jsonBody(F fromObject)
    {
        return [fromObject = std::move(fromObject)](const QByteArray& body) -> Decoded<T> {
            QJsonParseError parseError{};
            const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
            if (parseError.error != QJsonParseError::NoError || !document.isObject())
                return DecodeError{QString(), QStringLiteral("must be a JSON object")};
            return fromObject(document.object());
        };
    }

    /// The decoded answer; meaningful after succeeded().
    const T& value() const { return m_value; }

    template <typename F>
    ApiCall* onSuccess(QObject* context, F callback)
    {
        QObject::connect(this, &ApiReply::succeeded, context,
                         [this, callback = std::move(callback)]() mutable { callback(m_value); });
        return this;
    }

    template <typename F>
    ApiCall* onFailure(QObject* context, F callback)
    {
        QObject::connect(this, &ApiReply::failed, context, std::move(callback));
        return this;
    }

protected:
    std::optional<ApiError> decodeBody(const QByteArray& body) override
    {
        Decoded<T> decoded = m_decoder(body);
        if (!decoded)
            return unreadable(decoded.error().message());
        m_value = std::move(decoded).value();
        return std::nullopt;
    }

private:
    static ApiError unreadable(const QString& why)
    {
        return ApiError{ErrorCode::Internal,
                        QCoreApplication::translate("nb::client::ApiCall",
                                                    "The server sent an answer this client cannot read (%1).")
                            .arg(why),
                        {}};
    }

    Decoder m_decoder;
    T m_value{};
};

} // namespace nb::client
