#include "client/session/SessionStore.h"

#include <QSignalSpy>
#include <QTest>

using namespace nb::client;

/// Runs without a session bus (see CMakeLists.txt), as CI and many desktops do: the keychain
/// cannot answer, and the store must say so and keep the token in memory.
class TestSessionStore : public QObject {
    Q_OBJECT

private slots:
    void withoutKeychainKeepsTokenInMemoryAndSaysSo();
    void disabledKeychainIsMemoryOnly();
};

void TestSessionStore::withoutKeychainKeepsTokenInMemoryAndSaysSo()
{
    SessionStore store(nullptr, QStringLiteral("NeighborBidTest"));
    store.setAccount(QStringLiteral("token@test"));
    QSignalSpy unavailable(&store, &SessionStore::keychainUnavailable);
    QSignalSpy loaded(&store, &SessionStore::loaded);

    store.load();
    QVERIFY(loaded.wait(SessionStore::kJobTimeoutMs + 2000));
    QCOMPARE(loaded.first().at(0).toString(), QString());
    QCOMPARE(unavailable.count(), 1);
    QVERIFY(unavailable.first().at(0).toString().contains(QStringLiteral("keychain")));
    QVERIFY(!store.isKeychainAvailable());

    store.save(QStringLiteral("secret-token"));
    QCOMPARE(store.token(), QStringLiteral("secret-token"));
    QVERIFY(!store.isPersistent());
    store.load();
    QVERIFY(loaded.wait(2000));
    QCOMPARE(loaded.last().at(0).toString(), QStringLiteral("secret-token"));
    QCOMPARE(unavailable.count(), 1); // said once
    // Another server's entry does not see this one's token.
    store.setAccount(QStringLiteral("token@elsewhere"));
    QVERIFY(store.token().isEmpty());
    store.clear();
    QVERIFY(store.token().isEmpty());
}

void TestSessionStore::disabledKeychainIsMemoryOnly()
{
    SessionStore store;
    store.setKeychainEnabled(false);
    QSignalSpy unavailable(&store, &SessionStore::keychainUnavailable);
    QSignalSpy loaded(&store, &SessionStore::loaded);
    store.save(QStringLiteral("t"));
    store.load();
    QVERIFY(loaded.wait(1000));
    QCOMPARE(loaded.first().at(0).toString(), QStringLiteral("t"));
    QCOMPARE(unavailable.count(), 0);
}

QTEST_GUILESS_MAIN(TestSessionStore)
#include "tst_session_store.moc"
