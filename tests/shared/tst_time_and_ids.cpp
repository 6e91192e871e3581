#include "shared/RequestId.h"
#include "shared/TimeFormat.h"
#include "shared/protocol/JsonFields.h"

#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

/// Wire times (UTC, ISO 8601 with milliseconds and 'Z') and request_id rules (PROTOCOL.md, Conventions).
class TestTimeAndIds : public QObject {
    Q_OBJECT

private slots:
    void wireTimeIsUtcWithMillisecondsAndZ();
    void wireTimeConvertsOffsetsToUtc();
    void wireTimeFromEpochMilliseconds();
    void parsesTimesWithZOrOffset_data();
    void parsesTimesWithZOrOffset();
    void refusesTimesWithoutZone_data();
    void refusesTimesWithoutZone();
    void wireTimeRoundTripsToTheMillisecond();
    void requestIdAcceptsOneTo64SafeCharacters_data();
    void requestIdAcceptsOneTo64SafeCharacters();
    void requestIdRefusesEmptyLongOrUnsafe_data();
    void requestIdRefusesEmptyLongOrUnsafe();
    void readRequestIdNamesTheField();
};

namespace {

QDateTime utc(int year, int month, int day, int hour, int minute, int second = 0, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), QTimeZone::utc());
}

} // namespace

void TestTimeAndIds::wireTimeIsUtcWithMillisecondsAndZ()
{
    QCOMPARE(nb::toWireTime(utc(2026, 11, 21, 9, 30)), QString("2026-11-21T09:30:00.000Z"));
    QCOMPARE(nb::toWireTime(utc(2026, 11, 21, 9, 30, 5, 7)), QString("2026-11-21T09:30:05.007Z"));
}

void TestTimeAndIds::wireTimeConvertsOffsetsToUtc()
{
    const QDateTime seoul(QDate(2026, 11, 21), QTime(18, 30), QTimeZone(9 * 3600));
    QCOMPARE(nb::toWireTime(seoul), QString("2026-11-21T09:30:00.000Z"));
}

void TestTimeAndIds::wireTimeFromEpochMilliseconds()
{
    QCOMPARE(nb::toWireTimeMs(0), QString("1970-01-01T00:00:00.000Z"));
    QCOMPARE(nb::toWireTimeMs(1'795'253'400'123), QString("2026-11-21T09:30:00.123Z"));
}

void TestTimeAndIds::parsesTimesWithZOrOffset_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");
    QTest::newRow("Z with ms") << "2026-11-21T09:30:00.000Z" << utc(2026, 11, 21, 9, 30);
    QTest::newRow("Z without ms") << "2026-11-21T09:30:00Z" << utc(2026, 11, 21, 9, 30);
    QTest::newRow("+09:00") << "2026-11-21T18:30:00.250+09:00" << utc(2026, 11, 21, 9, 30, 0, 250);
    QTest::newRow("-05:00") << "2026-11-21T04:30:00.000-05:00" << utc(2026, 11, 21, 9, 30);
    QTest::newRow("+00:00") << "2026-11-21T09:30:00+00:00" << utc(2026, 11, 21, 9, 30);
    QTest::newRow("+09:00 across midnight") << "2026-11-22T02:00:00+09:00" << utc(2026, 11, 21, 17, 0);
}

void TestTimeAndIds::parsesTimesWithZOrOffset()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = nb::fromWireTime(text);
    QVERIFY(parsed.isValid());
    QCOMPARE(parsed, expected);
    QCOMPARE(parsed.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
    QCOMPARE(parsed.offsetFromUtc(), 0);
}

void TestTimeAndIds::refusesTimesWithoutZone_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("local time") << "2026-11-21T09:30:00";
    QTest::newRow("local time with ms") << "2026-11-21T09:30:00.000";
    QTest::newRow("date only") << "2026-11-21";
    QTest::newRow("empty") << "";
    QTest::newRow("words") << "tomorrow at noon";
    QTest::newRow("impossible date") << "2026-02-30T09:30:00.000Z";
    QTest::newRow("leading space") << " 2026-11-21T09:30:00.000Z";
}

void TestTimeAndIds::refusesTimesWithoutZone()
{
    QFETCH(QString, text);
    QVERIFY(!nb::fromWireTime(text).isValid());
}

void TestTimeAndIds::wireTimeRoundTripsToTheMillisecond()
{
    const QDateTime time = utc(2031, 1, 2, 3, 4, 5, 678);
    QCOMPARE(nb::fromWireTime(nb::toWireTime(time)), time);
}

void TestTimeAndIds::requestIdAcceptsOneTo64SafeCharacters_data()
{
    QTest::addColumn<QString>("requestId");
    QTest::newRow("one character") << "a";
    QTest::newRow("64 characters") << QString(64, QLatin1Char('x'));
    QTest::newRow("uuid") << "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    QTest::newRow("every class") << "AZaz09_-";
}

void TestTimeAndIds::requestIdAcceptsOneTo64SafeCharacters()
{
    QFETCH(QString, requestId);
    QVERIFY(nb::isValidRequestId(requestId));
}

void TestTimeAndIds::requestIdRefusesEmptyLongOrUnsafe_data()
{
    QTest::addColumn<QString>("requestId");
    QTest::newRow("empty") << "";
    QTest::newRow("65 characters") << QString(65, QLatin1Char('x'));
    QTest::newRow("space") << "a b";
    QTest::newRow("dot") << "a.b";
    QTest::newRow("slash") << "a/b";
    QTest::newRow("plus") << "a+b";
    QTest::newRow("hangul") << "요청1";
    QTest::newRow("accented") << "café";
    QTest::newRow("uuid with braces") << "{3f2504e0-4f89-11d3-9a0c-0305e82c3301}";
}

void TestTimeAndIds::requestIdRefusesEmptyLongOrUnsafe()
{
    QFETCH(QString, requestId);
    QVERIFY(!nb::isValidRequestId(requestId));
}

void TestTimeAndIds::readRequestIdNamesTheField()
{
    const auto ok = nb::readRequestId(QJsonObject{{"request_id", "req-1"}});
    QVERIFY(ok.ok());
    QCOMPARE(*ok, QString("req-1"));

    const auto missing = nb::readRequestId(QJsonObject{});
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().field, QString("request_id"));
    QCOMPARE(missing.error().message(), QString("field 'request_id' is missing"));

    for (const QJsonValue& bad :
         {QJsonValue(12), QJsonValue("a b"), QJsonValue(""), QJsonValue(QJsonValue::Null)}) {
        const auto refused = nb::readRequestId(QJsonObject{{"request_id", bad}});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().field, QString("request_id"));
        QVERIFY(refused.error().message().startsWith("field 'request_id' must be 1 to 64 characters"));
    }
}

// Not QTEST_APPLESS_MAIN: under clang -Wpedantic its expansion warns about an empty variadic argument.
int main(int argc, char** argv)
{
    TestTimeAndIds test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_time_and_ids.moc"
