// The direct JSON writer (JsonBytes) and the WebSocket error answer written with it: byte for
// byte what QJsonDocument writes for the same values.
#include "server/transport/JsonBytes.h"
#include "server/transport/ws/WsMessages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using nb::ApiError;
using nb::ErrorCode;
using nb::transport::JsonBytes;

namespace {

QByteArray viaQJson(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray viaJsonBytes(const QJsonObject& object)
{
    JsonBytes out(64);
    out.object(object);
    return out.take();
}

/// The object errorMessage stands for: ApiError::toJson under "error", the request_id, the type.
QJsonObject errorObject(const ApiError& error, const QJsonValue& requestId)
{
    QJsonObject message{{QStringLiteral("type"), QStringLiteral("error")},
                        {QStringLiteral("error"), error.toJson()}};
    if (!requestId.isUndefined())
        message.insert(QStringLiteral("request_id"), requestId);
    return message;
}

} // namespace

class TstJsonBytes : public QObject {
    Q_OBJECT

private slots:
    void valuesWriteAsQtDoes_data();
    void valuesWriteAsQtDoes();
    void nestedObjectsAndArraysKeepQtsKeyOrder();
    void errorAnswerIsWhatQJsonDocumentWrites_data();
    void errorAnswerIsWhatQJsonDocumentWrites();
    void errorAnswerIsOneTextFrame();
};

void TstJsonBytes::valuesWriteAsQtDoes_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("null") << QJsonValue(QJsonValue::Null);
    QTest::newRow("true") << QJsonValue(true);
    QTest::newRow("false") << QJsonValue(false);
    QTest::newRow("zero") << QJsonValue(0);
    QTest::newRow("negative") << QJsonValue(-42);
    QTest::newRow("integer beyond double") << QJsonValue(qint64(9'007'199'254'740'993));
    QTest::newRow("largest integer") << QJsonValue(std::numeric_limits<qint64>::max());
    QTest::newRow("whole double") << QJsonValue(12000.0);
    QTest::newRow("fraction") << QJsonValue(0.1);
    QTest::newRow("tiny") << QJsonValue(1e-300);
    QTest::newRow("huge double") << QJsonValue(1e300);
    QTest::newRow("empty string") << QJsonValue(QString());
    QTest::newRow("escapes") << QJsonValue(QStringLiteral("quote \" backslash \\ tab \t line \n bell \a"));
    QTest::newRow("unicode") << QJsonValue(QStringLiteral("강남구 — café 🎉"));
    QTest::newRow("unpaired surrogate") << QJsonValue(QString(QChar(0xd800)));
    QTest::newRow("control") << QJsonValue(QString(QChar(0x1f)));
}

void TstJsonBytes::valuesWriteAsQtDoes()
{
    QFETCH(QJsonValue, value);
    const QJsonObject object{{QStringLiteral("v"), value}};
    QCOMPARE(viaJsonBytes(object), viaQJson(object));
}

void TstJsonBytes::nestedObjectsAndArraysKeepQtsKeyOrder()
{
    const QJsonObject object{
        {QStringLiteral("zeta"), 1},
        {QStringLiteral("alpha"),
         QJsonArray{1, QStringLiteral("two"), QJsonValue::Null,
                    QJsonObject{{QStringLiteral("b"), true}, {QStringLiteral("a"), 2.5}}}},
        {QStringLiteral("mid\"key"), QJsonObject{}},
        {QStringLiteral("empty"), QJsonArray{}},
        {QStringLiteral("Ünïcode"), QStringLiteral("x")},
    };
    QCOMPARE(viaJsonBytes(object), viaQJson(object));
}

void TstJsonBytes::errorAnswerIsWhatQJsonDocumentWrites_data()
{
    QTest::addColumn<ApiError>("error");
    QTest::addColumn<QJsonValue>("requestId");
    const ApiError tooLow{ErrorCode::BidTooLow, QStringLiteral("Your bid must be at least 12500 won."),
                          QJsonObject{{QStringLiteral("min_amount"), 12'500}}};
    QTest::newRow("bid_too_low, string id") << tooLow << QJsonValue(QStringLiteral("b-17"));
    QTest::newRow("bid_too_low, number id") << tooLow << QJsonValue(17);
    QTest::newRow("bid_too_low, large id") << tooLow << QJsonValue(qint64(1) << 60);
    QTest::newRow("bid_too_low, fractional id") << tooLow << QJsonValue(1.5);
    QTest::newRow("no request_id") << tooLow << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("null request_id") << tooLow << QJsonValue(QJsonValue::Null);
    QTest::newRow("object request_id") << tooLow << QJsonValue(QJsonObject{{QStringLiteral("k"), 1}});
    QTest::newRow("no details") << ApiError{ErrorCode::Unauthorized, QStringLiteral("Sign in to bid."), {}}
                                << QJsonValue(QStringLiteral("x"));
    QTest::newRow("nested details") << ApiError{ErrorCode::RateLimited,
                                                QStringLiteral("Too many \"messages\"\n"),
                                                QJsonObject{{QStringLiteral("retry_after_ms"), 250},
                                                            {QStringLiteral("fields"),
                                                             QJsonArray{QStringLiteral("a"), 1}}}}
                                    << QJsonValue(QStringLiteral("r"));
}

void TstJsonBytes::errorAnswerIsWhatQJsonDocumentWrites()
{
    QFETCH(ApiError, error);
    QFETCH(QJsonValue, requestId);
    const nb::transport::WsTextFrame frame = nb::transport::ws::errorMessage(error, requestId);
    QCOMPARE(frame.payload().toByteArray(), viaQJson(errorObject(error, requestId)));
}

void TstJsonBytes::errorAnswerIsOneTextFrame()
{
    const ApiError error{ErrorCode::BidTooLow, QString(200, QLatin1Char('x')), {}};
    const nb::transport::WsTextFrame frame = nb::transport::ws::errorMessage(error, QJsonValue(1));
    const QByteArray bytes = frame.bytes();
    QCOMPARE(quint8(bytes.at(0)), quint8(0x81)); // FIN, text
    QCOMPARE(quint8(bytes.at(1)), quint8(126));  // 16-bit length, unmasked
    const int length = (quint8(bytes.at(2)) << 8) | quint8(bytes.at(3));
    QCOMPARE(length, bytes.size() - 4);
    QCOMPARE(frame.payload().size(), length);
}

QTEST_GUILESS_MAIN(TstJsonBytes)
#include "tst_json_bytes.moc"
