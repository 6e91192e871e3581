#include "shared/ApiError.h"
#include "shared/ErrorCode.h"

#include <QJsonObject>
#include <QSet>
#include <QTest>

using nb::ErrorCode;

Q_DECLARE_METATYPE(nb::ErrorCode)

/// The error table of PROTOCOL.md ("Error codes") and the error envelope.
class TestErrorCodes : public QObject {
    Q_OBJECT

private slots:
    void everyCodeHasItsWireNameAndHttpStatus_data();
    void everyCodeHasItsWireNameAndHttpStatus();
    void wireNamesAreDistinct();
    void unknownOrMiscasedNameIsNoCode();
    void envelopeWrapsCodeMessageAndDetails();
    void envelopeOmitsEmptyDetails();
    void apiErrorReadsEnvelopeOrInnerObject();
    void unknownCodeReadsAsInternal();
};

namespace {

// PROTOCOL.md's table, row by row.
void addProtocolTable()
{
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("httpStatus");
    QTest::newRow("bad_request") << ErrorCode::BadRequest << "bad_request" << 400;
    QTest::newRow("unauthorized") << ErrorCode::Unauthorized << "unauthorized" << 401;
    QTest::newRow("forbidden") << ErrorCode::Forbidden << "forbidden" << 403;
    QTest::newRow("not_found") << ErrorCode::NotFound << "not_found" << 404;
    QTest::newRow("conflict") << ErrorCode::Conflict << "conflict" << 409;
    QTest::newRow("idempotency_mismatch") << ErrorCode::IdempotencyMismatch << "idempotency_mismatch" << 409;
    QTest::newRow("auction_not_active") << ErrorCode::AuctionNotActive << "auction_not_active" << 409;
    QTest::newRow("bid_too_low") << ErrorCode::BidTooLow << "bid_too_low" << 409;
    QTest::newRow("insufficient_funds") << ErrorCode::InsufficientFunds << "insufficient_funds" << 409;
    QTest::newRow("seller_cannot_bid") << ErrorCode::SellerCannotBid << "seller_cannot_bid" << 403;
    QTest::newRow("buy_now_unavailable") << ErrorCode::BuyNowUnavailable << "buy_now_unavailable" << 409;
    QTest::newRow("username_taken") << ErrorCode::UsernameTaken << "username_taken" << 409;
    QTest::newRow("payload_too_large") << ErrorCode::PayloadTooLarge << "payload_too_large" << 413;
    QTest::newRow("unsupported_media_type")
        << ErrorCode::UnsupportedMediaType << "unsupported_media_type" << 415;
    QTest::newRow("rate_limited") << ErrorCode::RateLimited << "rate_limited" << 429;
    QTest::newRow("unavailable") << ErrorCode::Unavailable << "unavailable" << 503;
    QTest::newRow("internal") << ErrorCode::Internal << "internal" << 500;
}

} // namespace

void TestErrorCodes::everyCodeHasItsWireNameAndHttpStatus_data()
{
    addProtocolTable();
}

void TestErrorCodes::everyCodeHasItsWireNameAndHttpStatus()
{
    QFETCH(ErrorCode, code);
    QFETCH(QString, name);
    QFETCH(int, httpStatus);
    QCOMPARE(nb::errorCodeName(code), name);
    QCOMPARE(nb::httpStatusFor(code), httpStatus);
    QCOMPARE(nb::errorCodeFromName(name), std::optional<ErrorCode>(code));
}

void TestErrorCodes::wireNamesAreDistinct()
{
    QSet<QString> names;
    for (int i = 0; i <= static_cast<int>(ErrorCode::Internal); ++i)
        names.insert(nb::errorCodeName(static_cast<ErrorCode>(i)));
    QCOMPARE(names.size(), static_cast<int>(ErrorCode::Internal) + 1);
    QCOMPARE(names.size(), 17); // the rows of PROTOCOL.md's table
}

void TestErrorCodes::unknownOrMiscasedNameIsNoCode()
{
    QCOMPARE(nb::errorCodeFromName("no_such_code"), std::nullopt);
    QCOMPARE(nb::errorCodeFromName("BID_TOO_LOW"), std::nullopt);
    QCOMPARE(nb::errorCodeFromName(QString()), std::nullopt);
}

void TestErrorCodes::envelopeWrapsCodeMessageAndDetails()
{
    nb::ApiError error;
    error.code = ErrorCode::BidTooLow;
    error.message = "Bid at least 11,000 won";
    error.details = QJsonObject{{"min_amount", qint64{11'000}}};
    const QJsonObject envelope = error.toEnvelope();
    QCOMPARE(envelope.keys(), QStringList{"error"});
    const QJsonObject inner = envelope.value("error").toObject();
    QCOMPARE(inner.value("code").toString(), QString("bid_too_low"));
    QCOMPARE(inner.value("message").toString(), QString("Bid at least 11,000 won"));
    QCOMPARE(inner.value("details").toObject().value("min_amount").toInteger(), qint64{11'000});
}

void TestErrorCodes::envelopeOmitsEmptyDetails()
{
    nb::ApiError error;
    error.code = ErrorCode::NotFound;
    error.message = "No such auction";
    QVERIFY(!error.toJson().contains("details"));
}

void TestErrorCodes::apiErrorReadsEnvelopeOrInnerObject()
{
    nb::ApiError error;
    error.code = ErrorCode::InsufficientFunds;
    error.message = "Not enough money";
    error.details = QJsonObject{{"available", qint64{500}}};
    for (const QJsonObject& json : {error.toEnvelope(), error.toJson()}) {
        const nb::ApiError read = nb::ApiError::fromJson(json);
        QCOMPARE(read.code, ErrorCode::InsufficientFunds);
        QCOMPARE(read.message, error.message);
        QCOMPARE(read.details, error.details);
    }
}

void TestErrorCodes::unknownCodeReadsAsInternal()
{
    const QJsonObject json{{"error", QJsonObject{{"code", "from_the_future"}, {"message", "?"}}}};
    QCOMPARE(nb::ApiError::fromJson(json).code, ErrorCode::Internal);
}

// Not QTEST_APPLESS_MAIN: under clang -Wpedantic its expansion warns about an empty variadic argument.
int main(int argc, char** argv)
{
    TestErrorCodes test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_error_codes.moc"
