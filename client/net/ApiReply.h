#pragma once

#include "client/net/MetaTypes.h"
#include "shared/ApiError.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

#include <optional>

class QNetworkReply;

namespace nb::client {

/// One HTTP request in flight. The UI rarely touches this base directly: it uses ApiCall<T>'s
/// onSuccess()/onFailure() or connects to failed()/uploadProgress(). A reply deletes itself
/// after finished(); keep no pointer to it past that (or hold a QPointer).
class ApiReply : public QObject {
    Q_OBJECT

public:
    bool isFinished() const { return m_finished; }
    /// The error, once the request has failed.
    const std::optional<ApiError>& error() const { return m_error; }
    /// Cancels the request; failed() is not emitted, finished() is.
    void abort();

    /// ApiError for a network failure (status 0) or an HTTP error answer: the protocol's error
    /// envelope when the body is one, else a sentence for the status code.
    static ApiError errorFromHttp(int httpStatus, const QByteArray& body, const QString& networkError);

signals:
    /// The answer arrived and decoded (the typed value is in ApiCall<T>::value()).
    void succeeded();
    void failed(const nb::ApiError& error);
    /// After succeeded() or failed(), or after abort(); the reply is deleted later.
    void finished();
    /// Bytes of the request body sent so far (image uploads).
    void uploadProgress(qint64 sent, qint64 total);

protected:
    explicit ApiReply(QObject* parent);
    /// Decodes a 2xx body into the typed value; an error when it cannot.
    virtual std::optional<ApiError> decodeBody(const QByteArray& body) = 0;

private:
    friend class ApiClient;
    friend class MoneyMoves;

    /// Follows a network reply to its end.
    void attach(QNetworkReply* reply);
    void onNetworkFinished();
    /// Fails without touching the network (offline refusal, bad input), on the next event-loop turn.
    void failSoon(const ApiError& error);
    void finish(const std::optional<ApiError>& error);

    QPointer<QNetworkReply> m_reply;
    std::optional<ApiError> m_error;
    bool m_finished = false;
    bool m_aborted = false;
};

} // namespace nb::client
