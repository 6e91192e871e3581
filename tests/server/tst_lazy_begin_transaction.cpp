// LazyBeginTransaction: its BEGIN travels with its first statement, which must still run inside
// the transaction.
#include "server/storage/LazyBeginTransaction.h"
#include "tests/support/TestDatabase.h"

#include <QTest>

#include <pqxx/pqxx>

using nb::storage::LazyBeginTransaction;
using nb::test::TestDatabase;

namespace {

qint64 probeRows()
{
    return TestDatabase::instance().scalar(QStringLiteral("SELECT count(*) FROM lazy_probe"));
}

} // namespace

class TstLazyBeginTransaction : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void itsFirstStatementIsUndoneByAnAbort();
    void itsStatementsAreOneTransaction();
    void aLaterFailureUndoesTheFirstStatement();
};

void TstLazyBeginTransaction::initTestCase()
{
    TestDatabase::instance().query(QStringLiteral("CREATE TABLE IF NOT EXISTS lazy_probe (n int NOT NULL)"));
}

void TstLazyBeginTransaction::init()
{
    TestDatabase::instance().query(QStringLiteral("DELETE FROM lazy_probe"));
}

// Were the first statement sent without its BEGIN, it would commit on its own.
void TstLazyBeginTransaction::itsFirstStatementIsUndoneByAnAbort()
{
    pqxx::connection conn(TestDatabase::instance().connectionString());
    {
        LazyBeginTransaction tx(conn);
        tx.exec0("INSERT INTO lazy_probe VALUES (1)");
        QCOMPARE(probeRows(), qint64(0)); // not visible to others before the commit
        tx.abort();
    }
    QCOMPARE(probeRows(), qint64(0));
    // The connection is left outside any transaction: a plain one works on it.
    pqxx::work after(conn);
    QCOMPARE(after.exec1("SELECT 1")[0].as<int>(), 1);
}

void TstLazyBeginTransaction::itsStatementsAreOneTransaction()
{
    pqxx::connection conn(TestDatabase::instance().connectionString());
    LazyBeginTransaction tx(conn);
    const auto first = tx.exec1("INSERT INTO lazy_probe VALUES (1) RETURNING txid_current()")[0].as<qint64>();
    const auto second =
        tx.exec1("INSERT INTO lazy_probe VALUES (2) RETURNING txid_current()")[0].as<qint64>();
    QCOMPARE(second, first);
    tx.commit();
    QCOMPARE(probeRows(), qint64(2));
}

void TstLazyBeginTransaction::aLaterFailureUndoesTheFirstStatement()
{
    pqxx::connection conn(TestDatabase::instance().connectionString());
    {
        LazyBeginTransaction tx(conn);
        tx.exec0("INSERT INTO lazy_probe VALUES (1)");
        QVERIFY_THROWS_EXCEPTION(pqxx::data_exception, tx.exec("SELECT 1 / 0"));
    }
    QCOMPARE(probeRows(), qint64(0));
}

QTEST_GUILESS_MAIN(TstLazyBeginTransaction)
#include "tst_lazy_begin_transaction.moc"
