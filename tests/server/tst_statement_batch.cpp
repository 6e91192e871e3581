// StatementBatch: writes sent together in one round trip through SQL EXECUTE of the prepared
// statements, their parameters written as literals.
#include "server/storage/PreparedStatements.h"
#include "server/storage/StatementBatch.h"
#include "tests/server/ConcurrencyFixture.h"
#include "tests/support/TestDatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <optional>
#include <pqxx/pqxx>
#include <string>

using nb::storage::StatementBatch;
using nb::test::ConcurrencyFixture;
using nb::test::TestDatabase;

namespace {

// Quotes, a backslash, a semicolon, a parameter marker, a comment, Hangul and a newline.
const std::string kAwkwardText =
    "it's \"quoted\" \\ back; $1 -- not a comment\n'); DELETE FROM outbox; -- 경매";

} // namespace

class TstStatementBatch : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void runsItsStatementsInOrderWithTheirValuesIntact();
    void aFailingStatementAbortsTheTransactionWithEverythingBatched();
};

void TstStatementBatch::initTestCase()
{
    TestDatabase::instance();
}

// On a connection that has not used the statements yet (the batch registers them first).
void TstStatementBatch::runsItsStatementsInOrderWithTheirValuesIntact()
{
    ConcurrencyFixture f;
    const qint64 user = f.registerUser(QStringLiteral("batcher"));
    TestDatabase::instance().query(QStringLiteral("DELETE FROM outbox"));
    const std::string first = "{\"n\": 1, \"text\": \"a \\\"b\\\" 'c' \\\\ d; 경매\"}";
    const std::string second = "{\"n\": 2}";

    pqxx::connection conn(f.connectionString());
    nb::storage::prepareStatements(conn);
    {
        pqxx::work tx(conn);
        StatementBatch writes(tx);
        writes.add("user_event_insert", user, first);
        writes.add("notification_insert_pushed", user, QStringLiteral("new_bid"), std::optional<qint64>(),
                   QString::fromStdString(kAwkwardText), std::string("{\"type\": \"notification\"}"));
        writes.add("user_event_insert", user, second);
        QCOMPARE(f.count(QStringLiteral("outbox")), qint64(0)); // nothing sent yet
        writes.send();
        tx.commit();
    }

    const pqxx::result rows = TestDatabase::instance().query(
        QStringLiteral("SELECT o.payload::text, n.text, n.auction_id IS NULL FROM outbox o "
                       "LEFT JOIN notifications n ON n.id = (o.payload->>'id')::bigint "
                       "WHERE o.user_id = %1 ORDER BY o.id")
            .arg(user));
    QCOMPARE(rows.size(), pqxx::result::size_type(3));
    const auto json = [](const std::string& text) {
        return QJsonDocument::fromJson(QByteArray::fromStdString(text)).object();
    };
    QVERIFY(!json(first).isEmpty());
    QCOMPARE(json(rows[0][0].as<std::string>()), json(first));
    QCOMPARE(json(rows[2][0].as<std::string>()), json(second));
    // The notification's push gained the row's id; the row kept the text exactly, without an auction.
    QCOMPARE(rows[1][1].as<std::string>(), kAwkwardText);
    QVERIFY(rows[1][2].as<bool>());
}

// The wallet would go below zero (a CHECK of the table): the statement before it and the one
// after it must not be written either, and the transaction is over.
void TstStatementBatch::aFailingStatementAbortsTheTransactionWithEverythingBatched()
{
    ConcurrencyFixture f;
    const qint64 user = f.registerUser(QStringLiteral("overdrawn"));
    f.deposit(user, 1'000);
    TestDatabase::instance().query(QStringLiteral("DELETE FROM outbox"));
    const qint64 ledgerBefore = f.count(QStringLiteral("ledger_entries"));

    pqxx::connection conn(f.connectionString());
    nb::storage::prepareStatements(conn);
    pqxx::work tx(conn);
    StatementBatch writes(tx);
    writes.add("user_event_insert", user, std::string("{\"n\": 1}"));
    writes.add("wallet_apply", user, qint64(-5'000), qint64(0), std::string("withdraw"), qint64(5'000),
               std::optional<qint64>());
    writes.add("user_event_insert", user, std::string("{\"n\": 2}"));
    QVERIFY_THROWS_EXCEPTION(pqxx::check_violation, writes.send());
    QVERIFY_THROWS_EXCEPTION(pqxx::usage_error, tx.exec0("SELECT 1")); // closed, rolled back

    QCOMPARE(f.count(QStringLiteral("outbox")), qint64(0));
    QCOMPARE(f.count(QStringLiteral("ledger_entries")), ledgerBefore);
    QCOMPARE(f.wallet(user).balance, nb::Won(1'000));
}

QTEST_GUILESS_MAIN(TstStatementBatch)
#include "tst_statement_batch.moc"
