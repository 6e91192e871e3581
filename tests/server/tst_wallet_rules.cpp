// RULES.md "Money and the wallet" and PROTOCOL.md's request_id, against the real database.
#include "tests/server/ServiceFixture.h"

#include <QTest>

#include <memory>

using nb::Wallet;
using nb::Won;
using nb::test::ServiceFixture;

class TstWalletRules : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void newWalletIsEmpty();
    void depositAddsToBalanceWithDepositLedgerEntry();
    void ledgerPageListsEntriesNewestFirstWithRunningTotals();
    void withdrawTakesFromBalanceWithWithdrawLedgerEntry();
    void withdrawBeyondBalanceIsInsufficientFunds();
    void lockedFundsCannotBeWithdrawn();
    void invalidAmountIsBadRequestAndChangesNothing_data();
    void invalidAmountIsBadRequestAndChangesNothing();
    void largestAmountIsAccepted();
    void replayedDepositReturnsFirstAnswerAndMovesOnce();
    void replayedWithdrawalReturnsFirstAnswerAndMovesOnce();
    void requestIdReusedWithOtherAmountIsIdempotencyMismatch();
    void requestIdReusedForOtherOperationIsIdempotencyMismatch();
    void requestIdsArePerUser();
    void invalidRequestIdIsBadRequestAndChangesNothing_data();
    void invalidRequestIdIsBadRequestAndChangesNothing();
    void longestRequestIdIsAccepted();
    void unknownUserHasNoWallet();

private:
    std::unique_ptr<ServiceFixture> m_fx;
};

void TstWalletRules::initTestCase()
{
    m_fx = std::make_unique<ServiceFixture>();
}

void TstWalletRules::init()
{
    m_fx->reset();
}

void TstWalletRules::cleanup()
{
    NB_VERIFY_LEDGER(*m_fx);
}

void TstWalletRules::cleanupTestCase()
{
    m_fx.reset();
}

void TstWalletRules::newWalletIsEmpty()
{
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"));
    const Wallet w = m_fx->wallet(alice);
    QCOMPARE(w.balance, Won(0));
    QCOMPARE(w.locked, Won(0));
    QVERIFY(m_fx->ledger(alice).isEmpty());
}

void TstWalletRules::depositAddsToBalanceWithDepositLedgerEntry()
{
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"));
    const Wallet answer = m_fx->wallets.deposit(alice, 25'000, QStringLiteral("dep-1"));
    QCOMPARE(answer.balance, Won(25'000));
    QCOMPARE(answer.locked, Won(0));
    const Wallet w = m_fx->wallet(alice);
    QCOMPARE(w.balance, Won(25'000));
    QCOMPARE(w.locked, Won(0));
    QCOMPARE(m_fx->ledger(alice), QStringList{QStringLiteral("deposit 25000")});

    m_fx->wallets.deposit(alice, 5'000, QStringLiteral("dep-2"));
    QCOMPARE(m_fx->wallet(alice).balance, Won(30'000));
    QCOMPARE(m_fx->ledger(alice),
             (QStringList{QStringLiteral("deposit 25000"), QStringLiteral("deposit 5000")}));
}

void TstWalletRules::ledgerPageListsEntriesNewestFirstWithRunningTotals()
{
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"));
    m_fx->wallets.deposit(alice, 10'000, QStringLiteral("dep-1"));
    m_fx->wallets.withdraw(alice, 3'000, QStringLiteral("wd-1"));
    m_fx->wallets.deposit(alice, 1'000, QStringLiteral("dep-2"));

    const auto page = m_fx->wallets.ledger(alice, 1, 2);
    QCOMPARE(page.total, qint64(3));
    QCOMPARE(page.items.size(), std::size_t(2));
    QCOMPARE(page.items[0].kind, nb::LedgerKind::Deposit);
    QCOMPARE(page.items[0].amount, Won(1'000));
    QCOMPARE(page.items[0].balanceAfter, Won(8'000));
    QCOMPARE(page.items[1].kind, nb::LedgerKind::Withdraw);
    QCOMPARE(page.items[1].amount, Won(3'000));
    QCOMPARE(page.items[1].balanceAfter, Won(7'000));
    QCOMPARE(page.items[1].lockedAfter, Won(0));
    QVERIFY(!page.items[1].auctionId);

    const auto second = m_fx->wallets.ledger(alice, 2, 2);
    QCOMPARE(second.items.size(), std::size_t(1));
    QCOMPARE(second.items[0].balanceAfter, Won(10'000));
}

void TstWalletRules::withdrawTakesFromBalanceWithWithdrawLedgerEntry()
{
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 30'000);
    const Wallet answer = m_fx->wallets.withdraw(alice, 12'000, QStringLiteral("wd-1"));
    QCOMPARE(answer.balance, Won(18'000));
    QCOMPARE(answer.locked, Won(0));
    QCOMPARE(m_fx->wallet(alice).balance, Won(18'000));
    QCOMPARE(m_fx->ledger(alice),
             (QStringList{QStringLiteral("deposit 30000"), QStringLiteral("withdraw 12000")}));

    // The whole balance may go.
    QCOMPARE(m_fx->wallets.withdraw(alice, 18'000, QStringLiteral("wd-2")).balance, Won(0));
}

void TstWalletRules::withdrawBeyondBalanceIsInsufficientFunds()
{
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 30'000);
    const auto outcome =
        ServiceFixture::outcomeOf([&] { m_fx->wallets.withdraw(alice, 30'001, QStringLiteral("wd-1")); });
    QCOMPARE(outcome.code, QStringLiteral("insufficient_funds"));
    QCOMPARE(outcome.details.value("available").toInteger(), 30'000);
    QCOMPARE(m_fx->wallet(alice).balance, Won(30'000));
    QCOMPARE(m_fx->ledger(alice), QStringList{QStringLiteral("deposit 30000")});
}

void TstWalletRules::lockedFundsCannotBeWithdrawn()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 30'000);
    const qint64 auction = m_fx->makeAuction(seller);
    m_fx->bid(alice, auction, 20'000);
    QCOMPARE(m_fx->wallet(alice).balance, Won(10'000));
    QCOMPARE(m_fx->wallet(alice).locked, Won(20'000));

    const auto outcome =
        ServiceFixture::outcomeOf([&] { m_fx->wallets.withdraw(alice, 10'001, QStringLiteral("wd-1")); });
    QCOMPARE(outcome.code, QStringLiteral("insufficient_funds"));
    QCOMPARE(outcome.details.value("available").toInteger(), 10'000);
    QCOMPARE(m_fx->wallet(alice).balance, Won(10'000));
    QCOMPARE(m_fx->wallet(alice).locked, Won(20'000));
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT count(*) FROM ledger_entries WHERE kind = 'withdraw'")), 0);

    const Wallet after = m_fx->wallets.withdraw(alice, 10'000, QStringLiteral("wd-2"));
    QCOMPARE(after.balance, Won(0));
    QCOMPARE(after.locked, Won(20'000));
}

void TstWalletRules::invalidAmountIsBadRequestAndChangesNothing_data()
{
    QTest::addColumn<Won>("amount");
    QTest::newRow("zero") << Won(0);
    QTest::newRow("negative") << Won(-5'000);
    QTest::newRow("over 10^12") << Won(nb::kMaxAmount + 1);
}

void TstWalletRules::invalidAmountIsBadRequestAndChangesNothing()
{
    QFETCH(Won, amount);
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 5'000);

    for (const bool isDeposit : {true, false}) {
        const auto outcome = ServiceFixture::outcomeOf([&] {
            if (isDeposit)
                m_fx->wallets.deposit(alice, amount, QStringLiteral("bad-dep"));
            else
                m_fx->wallets.withdraw(alice, amount, QStringLiteral("bad-wd"));
        });
        QCOMPARE(outcome.code, QStringLiteral("bad_request"));
        QCOMPARE(outcome.details.value("field").toString(), QStringLiteral("amount"));
    }
    QCOMPARE(m_fx->wallet(alice).balance, Won(5'000));
    QCOMPARE(m_fx->ledger(alice), QStringList{QStringLiteral("deposit 5000")});
    // The refused requests left no idempotency record: the ids remain free.
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT count(*) FROM idempotency_keys")), 1);
    QCOMPARE(m_fx->wallets.deposit(alice, 1'000, QStringLiteral("bad-dep")).balance, Won(6'000));
}

void TstWalletRules::largestAmountIsAccepted()
{
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"));
    QCOMPARE(m_fx->wallets.deposit(alice, nb::kMaxAmount, QStringLiteral("max")).balance, nb::kMaxAmount);
    QCOMPARE(m_fx->wallets.withdraw(alice, nb::kMaxAmount, QStringLiteral("max-out")).balance, Won(0));
}

void TstWalletRules::replayedDepositReturnsFirstAnswerAndMovesOnce()
{
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"));
    const Wallet first = m_fx->wallets.deposit(alice, 1'000, QStringLiteral("pay-1"));
    m_fx->wallets.deposit(alice, 500, QStringLiteral("pay-2"));

    const Wallet replay = m_fx->wallets.deposit(alice, 1'000, QStringLiteral("pay-1"));
    QCOMPARE(replay.balance, first.balance);
    QCOMPARE(replay.locked, first.locked);
    QCOMPARE(m_fx->wallet(alice).balance, Won(1'500));
    QCOMPARE(m_fx->ledger(alice),
             (QStringList{QStringLiteral("deposit 1000"), QStringLiteral("deposit 500")}));
}

void TstWalletRules::replayedWithdrawalReturnsFirstAnswerAndMovesOnce()
{
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 10'000);
    const Wallet first = m_fx->wallets.withdraw(alice, 4'000, QStringLiteral("out-1"));
    QCOMPARE(first.balance, Won(6'000));
    const Wallet replay = m_fx->wallets.withdraw(alice, 4'000, QStringLiteral("out-1"));
    QCOMPARE(replay.balance, Won(6'000));
    QCOMPARE(m_fx->wallet(alice).balance, Won(6'000));
    QCOMPARE(m_fx->ledger(alice),
             (QStringList{QStringLiteral("deposit 10000"), QStringLiteral("withdraw 4000")}));
}

void TstWalletRules::requestIdReusedWithOtherAmountIsIdempotencyMismatch()
{
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"));
    m_fx->wallets.deposit(alice, 1'000, QStringLiteral("r-1"));
    const auto outcome =
        ServiceFixture::outcomeOf([&] { m_fx->wallets.deposit(alice, 2'000, QStringLiteral("r-1")); });
    QCOMPARE(outcome.code, QStringLiteral("idempotency_mismatch"));
    QCOMPARE(outcome.details.value("request_id").toString(), QStringLiteral("r-1"));
    QCOMPARE(m_fx->wallet(alice).balance, Won(1'000));
    QCOMPARE(m_fx->ledger(alice), QStringList{QStringLiteral("deposit 1000")});
}

void TstWalletRules::requestIdReusedForOtherOperationIsIdempotencyMismatch()
{
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"));
    m_fx->wallets.deposit(alice, 1'000, QStringLiteral("r-1"));
    QCOMPARE(ServiceFixture::codeOf([&] { m_fx->wallets.withdraw(alice, 1'000, QStringLiteral("r-1")); }),
             QStringLiteral("idempotency_mismatch"));
    QCOMPARE(m_fx->wallet(alice).balance, Won(1'000));
    QCOMPARE(m_fx->ledger(alice), QStringList{QStringLiteral("deposit 1000")});
}

void TstWalletRules::requestIdsArePerUser()
{
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"));
    const qint64 bob = m_fx->makeUser(QStringLiteral("bob"));
    m_fx->wallets.deposit(alice, 1'000, QStringLiteral("same-id"));
    QCOMPARE(m_fx->wallets.deposit(bob, 2'000, QStringLiteral("same-id")).balance, Won(2'000));
    QCOMPARE(m_fx->wallet(alice).balance, Won(1'000));
    QCOMPARE(m_fx->wallet(bob).balance, Won(2'000));
}

void TstWalletRules::invalidRequestIdIsBadRequestAndChangesNothing_data()
{
    QTest::addColumn<QString>("requestId");
    QTest::newRow("empty") << QString();
    QTest::newRow("65 characters") << QString(65, QLatin1Char('a'));
    QTest::newRow("space") << QStringLiteral("two words");
    QTest::newRow("dot") << QStringLiteral("a.b");
    QTest::newRow("non-ASCII") << QStringLiteral("요청-1");
}

void TstWalletRules::invalidRequestIdIsBadRequestAndChangesNothing()
{
    QFETCH(QString, requestId);
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 5'000);
    for (const bool isDeposit : {true, false}) {
        const auto outcome = ServiceFixture::outcomeOf([&] {
            if (isDeposit)
                m_fx->wallets.deposit(alice, 1'000, requestId);
            else
                m_fx->wallets.withdraw(alice, 1'000, requestId);
        });
        QCOMPARE(outcome.code, QStringLiteral("bad_request"));
        QCOMPARE(outcome.details.value("field").toString(), QStringLiteral("request_id"));
    }
    QCOMPARE(m_fx->wallet(alice).balance, Won(5'000));
    QCOMPARE(m_fx->ledger(alice).size(), 1);
}

void TstWalletRules::longestRequestIdIsAccepted()
{
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"));
    const QString id = QStringLiteral("A-z_0") + QString(59, QLatin1Char('9'));
    QCOMPARE(id.size(), 64);
    QCOMPARE(m_fx->wallets.deposit(alice, 700, id).balance, Won(700));
}

void TstWalletRules::unknownUserHasNoWallet()
{
    QCOMPARE(ServiceFixture::codeOf([&] { m_fx->wallet(4242); }), QStringLiteral("not_found"));
    QCOMPARE(ServiceFixture::codeOf([&] { m_fx->wallets.deposit(4242, 1'000, QStringLiteral("ghost")); }),
             QStringLiteral("not_found"));
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT count(*) FROM ledger_entries")), 0);
}

QTEST_GUILESS_MAIN(TstWalletRules)
#include "tst_wallet_rules.moc"
