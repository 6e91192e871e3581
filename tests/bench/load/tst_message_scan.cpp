// The per-message path without JSON documents: scanBidAnswer() and scanAuctionEvent() must read
// what QJsonDocument would, and give nothing (so that the message is parsed in full) for anything
// they cannot read cleanly; writeBidText() must write what QJsonDocument would read back.
#include "tests/bench/load/AnswerScan.h"
#include "tests/bench/load/BidText.h"
#include "tests/bench/load/EventScan.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using nb::bench::load::BidTextRequestId;
using nb::bench::load::isPlainRequestPrefix;
using nb::bench::load::scanAuctionEvent;
using nb::bench::load::scanBidAnswer;
using nb::bench::load::ScannedAnswer;
using nb::bench::load::writeBidText;

namespace {

/// A bid_result as the server writes it (QJsonDocument, keys in order, a nested wallet).
const QString kBidResult = QStringLiteral(
    R"({"accepted_amount":15000,"auction_id":7,"bid_id":991,"current_price":15000,)"
    R"("ends_at":"2026-11-21T09:30:00.000Z","high_bidder_id":12,"leading":true,"request_id":"nbx1-3-17",)"
    R"("seq":42,"type":"bid_result","wallet":{"balance":100000,"locked":15000,"total":100000}})");

/// A bid_too_low as the server writes it.
const QString kBidTooLow = QStringLiteral(
    R"({"error":{"code":"bid_too_low","details":{"min_amount":16000},)"
    R"("message":"입찰가는 16,000원 이상이어야 합니다."},"request_id":"nbx1-3-18","type":"error"})");

QJsonObject parsed(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

class TestMessageScan : public QObject {
    Q_OBJECT

private slots:
    void bidResult()
    {
        const std::optional<ScannedAnswer> answer = scanBidAnswer(kBidResult);
        QVERIFY(answer);
        QCOMPARE(answer->kind, ScannedAnswer::Kind::BidResult);
        // The same figures as the full parse.
        const QJsonObject json = parsed(kBidResult);
        QCOMPARE(answer->requestId, json.value("request_id").toString());
        QCOMPARE(answer->seq, json.value("seq").toInteger());
        QCOMPARE(answer->currentPrice, json.value("current_price").toInteger());
        QCOMPARE(answer->leading, json.value("leading").toBool());
        QCOMPARE(answer->seq, 42);
        QCOMPARE(answer->currentPrice, 15000);
        QVERIFY(answer->leading);
    }

    void bidResultInAnyKeyOrder()
    {
        const std::optional<ScannedAnswer> answer = scanBidAnswer(
            uR"({"type":"bid_result","leading":false,"seq":0,"request_id":"a_b-1","current_price":9})");
        QVERIFY(answer);
        QCOMPARE(answer->kind, ScannedAnswer::Kind::BidResult);
        QCOMPARE(answer->requestId, u"a_b-1");
        QCOMPARE(answer->seq, 0);
        QCOMPARE(answer->currentPrice, 9);
        QVERIFY(!answer->leading);
    }

    void keysOfNestedObjectsAreSkipped()
    {
        // A nested "seq" or "leading" is not the answer's: the top-level ones count.
        const std::optional<ScannedAnswer> answer = scanBidAnswer(
            uR"({"current_price":5,"extra":{"seq":99,"leading":false,"list":[{"seq":98},1,"x"]},)"
            uR"("leading":true,"request_id":"r-1","seq":3,"type":"bid_result"})");
        QVERIFY(answer);
        QCOMPARE(answer->seq, 3);
        QVERIFY(answer->leading);
    }

    void bidTooLow()
    {
        const std::optional<ScannedAnswer> answer = scanBidAnswer(kBidTooLow);
        QVERIFY(answer);
        QCOMPARE(answer->kind, ScannedAnswer::Kind::Error);
        QCOMPARE(answer->requestId, u"nbx1-3-18");
        QCOMPARE(answer->code, u"bid_too_low");
        QCOMPARE(answer->minAmount, 16000);
        QCOMPARE(answer->retryAfterMs, 0);
        const QJsonObject error = parsed(kBidTooLow).value("error").toObject();
        QCOMPARE(answer->minAmount, error.value("details").toObject().value("min_amount").toInteger());
    }

    void otherErrors()
    {
        const std::optional<ScannedAnswer> limited = scanBidAnswer(
            uR"({"error":{"code":"rate_limited","details":{"retry_after_ms":250},"message":"slow down"},)"
            uR"("request_id":"r-2","type":"error"})");
        QVERIFY(limited);
        QCOMPARE(limited->kind, ScannedAnswer::Kind::Error);
        QCOMPARE(limited->code, u"rate_limited");
        QCOMPARE(limited->retryAfterMs, 250);

        const std::optional<ScannedAnswer> inactive = scanBidAnswer(
            uR"({"error":{"code":"auction_not_active","message":"ended"},"request_id":"r-3","type":"error"})");
        QVERIFY(inactive);
        QCOMPARE(inactive->code, u"auction_not_active");
        QCOMPARE(inactive->retryAfterMs, 0);
        QCOMPARE(inactive->minAmount, 0);
    }

    void textThatOnlyLooksLikeKeysIsNotRead()
    {
        // Without escapes no quote sits inside a string, so this message is only a message.
        const std::optional<ScannedAnswer> answer = scanBidAnswer(
            uR"({"error":{"code":"bid_too_low","details":{"min_amount":700},)"
            uR"("message":"min_amount: 5, {seq: 1}, [code]"},"request_id":"r-4","type":"error"})");
        QVERIFY(answer);
        QCOMPARE(answer->minAmount, 700);
        QCOMPARE(answer->code, u"bid_too_low");
    }

    void fallsBack_data()
    {
        QTest::addColumn<QString>("text");
        // Escaped quotes, with or without a key inside the string.
        QTest::newRow("escaped quote")
            << QStringLiteral("{\"error\":{\"code\":\"bid_too_low\",\"details\":{\"min_amount\":7},"
                              "\"message\":\"a \\\"quote\\\"\"},\"request_id\":\"r\",\"type\":\"error\"}");
        QTest::newRow("key inside a string")
            << QStringLiteral("{\"current_price\":5,\"leading\":true,\"note\":\"\\\"seq\\\":1\","
                              "\"request_id\":\"r\",\"seq\":2,\"type\":\"bid_result\"}");
        QTest::newRow("escape in the request id")
            << QStringLiteral("{\"current_price\":5,\"leading\":true,\"request_id\":\"r\\u0041\",\"seq\":2,"
                              "\"type\":\"bid_result\"}");
        // Numbers that are not plain non-negative integers.
        for (const char* seq : {"4.5", "-1", "1e3", "012", "\"42\"", "null", "", "123456789012345678"}) {
            QTest::addRow("seq %s", seq)
                << QStringLiteral(R"({"current_price":5,"leading":true,"request_id":"r","seq":%1,)"
                                  R"("type":"bid_result"})")
                       .arg(QLatin1String(seq));
        }
        QTest::newRow("min_amount fraction") << QStringLiteral(
            R"({"error":{"code":"bid_too_low","details":{"min_amount":16000.5}},"request_id":"r","type":"error"})");
        QTest::newRow("leading not a bool") << QStringLiteral(
            R"({"current_price":5,"leading":1,"request_id":"r","seq":2,"type":"bid_result"})");
        // Fields missing, repeated or misplaced.
        QTest::newRow("no seq") << QStringLiteral(
            R"({"current_price":5,"leading":true,"request_id":"r","type":"bid_result"})");
        QTest::newRow("no request_id") << QStringLiteral(
            R"({"error":{"code":"bid_too_low","details":{"min_amount":7}},"type":"error"})");
        QTest::newRow("bid_too_low without min_amount")
            << QStringLiteral(R"({"error":{"code":"bid_too_low"},"request_id":"r","type":"error"})");
        QTest::newRow("error without code")
            << QStringLiteral(R"({"error":{"message":"what"},"request_id":"r","type":"error"})");
        QTest::newRow("error not an object")
            << QStringLiteral(R"({"error":"bad","request_id":"r","type":"error"})");
        QTest::newRow("repeated seq") << QStringLiteral(
            R"({"current_price":5,"leading":true,"request_id":"r","seq":2,"seq":3,"type":"bid_result"})");
        QTest::newRow("seq only nested") << QStringLiteral(
            R"({"current_price":5,"leading":true,"request_id":"r","type":"bid_result","wallet":{"seq":3}})");
        // Other messages.
        QTest::newRow("notification") << QStringLiteral(
            R"({"auction_id":7,"id":3,"kind":"outbid","read":false,"request_id":"r","type":"notification"})");
        QTest::newRow("pong") << QStringLiteral(R"({"request_id":"r","server_time":"x","type":"pong"})");
        QTest::newRow("auction event") << QStringLiteral(
            R"({"auction_id":7,"current_price":5,"min_next_bid":6,"seq":2,"type":"auction.bid"})");
        // Text that is not compact, complete JSON.
        QTest::newRow("whitespace") << QStringLiteral(
            R"({"current_price": 5,"leading":true,"request_id":"r","seq":2,"type":"bid_result"})");
        QTest::newRow("truncated") << QStringLiteral(
            R"({"current_price":5,"leading":true,"request_id":"r","seq":2,"type":"bid_result")");
        QTest::newRow("trailing text") << QStringLiteral(
            R"({"current_price":5,"leading":true,"request_id":"r","seq":2,"type":"bid_result"}x)");
        QTest::newRow("unbalanced") << QStringLiteral(
            R"({"current_price":5,"leading":true,"request_id":"r","seq":2,"type":"bid_result"]})");
        QTest::newRow("array") << QStringLiteral(R"(["type","bid_result"])");
        QTest::newRow("empty") << QString();
    }

    void fallsBack()
    {
        QFETCH(QString, text);
        QVERIFY(!scanBidAnswer(text));
    }

    void auctionEvents()
    {
        const std::optional<nb::bench::load::ScannedEvent> event = scanAuctionEvent(
            uR"({"amount":15000,"at":"2026-11-21T09:29:00.000Z","auction_id":7,"bid_count":3,)"
            uR"("current_price":15000,"ends_at":"2026-11-21T09:30:00.000Z","high_bidder":{"display_name":"B. 12",)"
            uR"("id":12},"min_next_bid":16000,"seq":42,"type":"auction.bid"})");
        QVERIFY(event);
        QCOMPARE(event->auctionId, 7);
        QCOMPARE(event->seq, 42);
        QVERIFY(scanAuctionEvent(uR"({"type":"auction.started","auction_id":8,"seq":1})"));
        // Answers, even with dots and "auction" in them, are not events.
        QVERIFY(!scanAuctionEvent(kBidResult));
        QVERIFY(!scanAuctionEvent(kBidTooLow));
        QVERIFY(!scanAuctionEvent(uR"({"message":"auction.bid","type":"auction","auction_id":8,"seq":1})"));
        QVERIFY(!scanAuctionEvent(uR"(.{"type":"auction_x","auction_id":8,"seq":1})"));
    }

    void bidTextReadsBackAsTheBid()
    {
        QVERIFY(isPlainRequestPrefix(u"nbx1a_Z-17"));
        QVERIFY(!isPlainRequestPrefix(u"nb\"x"));
        QVERIFY(!isPlainRequestPrefix(u"nb x"));
        QVERIFY(!isPlainRequestPrefix(u"nb\\x"));
        QVERIFY(!isPlainRequestPrefix(u"입찰"));

        QByteArray text = "left over from the last bid, longer than the next one .............";
        const BidTextRequestId id = writeBidText(text, "nbx1a_Z-17", 123, 7, 1'000'000'000'000);
        const QJsonObject bid = QJsonDocument::fromJson(text).object();
        QCOMPARE(bid, (QJsonObject{{"type", "bid"},
                                   {"request_id", "nbx1a_Z-17-123"},
                                   {"auction_id", 7},
                                   {"amount", qint64{1'000'000'000'000}}}));
        QCOMPARE(text.mid(id.start, id.size), QByteArray("nbx1a_Z-17-123"));
        QVERIFY(!text.contains(' '));
    }
};

QTEST_APPLESS_MAIN(TestMessageScan)
#include "tst_message_scan.moc"
