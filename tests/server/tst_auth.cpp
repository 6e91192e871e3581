// Accounts and sessions (AuthService): registration rules, login, tokens and the new wallet.
#include "tests/server/ServiceFixture.h"

#include <QTest>

#include <memory>

using nb::Won;
using nb::services::Registration;
using nb::services::Session;
using nb::test::ServiceFixture;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");

Registration registration(const QString& username, const QString& password = kPassword)
{
    Registration r;
    r.username = username;
    r.password = password;
    r.displayName = QStringLiteral("Display %1").arg(username);
    r.regionId = 11680;
    return r;
}

} // namespace

class TstAuth : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void registerLoginAuthenticateAndLogout();
    void loggedOutTokenNoLongerAuthenticates();
    void wrongPasswordAndUnknownUserGiveTheSameUnauthorized();
    void usernameTakenIgnoresCase();
    void badUsernameIsBadRequestNamingTheField_data();
    void badUsernameIsBadRequestNamingTheField();
    void badPasswordIsBadRequestNamingTheField_data();
    void badPasswordIsBadRequestNamingTheField();
    void unknownRegionIsBadRequest();
    void registrationCreatesAnEmptyWallet();
    void garbageTokenDoesNotAuthenticate();
    void displayNameDefaultsToUsername();

private:
    std::unique_ptr<ServiceFixture> m_fx;
};

void TstAuth::initTestCase()
{
    m_fx = std::make_unique<ServiceFixture>();
}

void TstAuth::init()
{
    m_fx->reset();
}

void TstAuth::cleanup()
{
    NB_VERIFY_LEDGER(*m_fx);
}

void TstAuth::cleanupTestCase()
{
    m_fx.reset();
}

void TstAuth::registerLoginAuthenticateAndLogout()
{
    const Session registered = m_fx->auth.registerUser(registration(QStringLiteral("alice")));
    QVERIFY(registered.user.id > 0);
    QCOMPARE(registered.user.username, QStringLiteral("alice"));
    QCOMPARE(registered.user.displayName, QStringLiteral("Display alice"));
    QCOMPARE(registered.user.regionId, std::optional<qint64>(11680));
    QVERIFY(!registered.user.isAdmin);
    QVERIFY(!registered.token.isEmpty());

    const auto viaRegistration = m_fx->auth.authenticate(registered.token);
    QVERIFY(viaRegistration);
    QCOMPARE(viaRegistration->id, registered.user.id);

    const Session loggedIn = m_fx->auth.login(QStringLiteral("alice"), kPassword);
    QCOMPARE(loggedIn.user.id, registered.user.id);
    QVERIFY(loggedIn.token != registered.token);
    QCOMPARE(m_fx->auth.authenticate(loggedIn.token)->id, registered.user.id);
    QCOMPARE(m_fx->auth.userIdByName(QStringLiteral("alice")), registered.user.id);
    QCOMPARE(m_fx->auth.user(registered.user.id).username, QStringLiteral("alice"));

    m_fx->auth.logout(loggedIn.token);
    QVERIFY(!m_fx->auth.authenticate(loggedIn.token));
    // Each session ends on its own: the registration's token still works.
    QVERIFY(m_fx->auth.authenticate(registered.token));
}

void TstAuth::loggedOutTokenNoLongerAuthenticates()
{
    const Session s = m_fx->auth.registerUser(registration(QStringLiteral("alice")));
    m_fx->auth.logout(s.token);
    QVERIFY(!m_fx->auth.authenticate(s.token));
    QCOMPARE(ServiceFixture::codeOf([&] { m_fx->auth.logout(s.token); }), QStringLiteral("unauthorized"));
}

void TstAuth::wrongPasswordAndUnknownUserGiveTheSameUnauthorized()
{
    m_fx->auth.registerUser(registration(QStringLiteral("alice")));
    const auto wrongPassword = ServiceFixture::outcomeOf(
        [&] { m_fx->auth.login(QStringLiteral("alice"), QStringLiteral("not the one")); });
    const auto unknownUser = ServiceFixture::outcomeOf(
        [&] { m_fx->auth.login(QStringLiteral("nobody"), QStringLiteral("not the one")); });
    QCOMPARE(wrongPassword.code, QStringLiteral("unauthorized"));
    QCOMPARE(unknownUser.code, wrongPassword.code);
    QCOMPARE(unknownUser.message, wrongPassword.message);
    QCOMPARE(unknownUser.details, wrongPassword.details);
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT count(*) FROM sessions")), 1);
}

void TstAuth::usernameTakenIgnoresCase()
{
    m_fx->auth.registerUser(registration(QStringLiteral("Alice")));
    for (const QString& name : {QStringLiteral("Alice"), QStringLiteral("alice"), QStringLiteral("ALICE")}) {
        const auto outcome = ServiceFixture::outcomeOf([&] { m_fx->auth.registerUser(registration(name)); });
        QCOMPARE(outcome.code, QStringLiteral("username_taken"));
    }
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT count(*) FROM users")), 1);
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT count(*) FROM wallets")), 1);
}

void TstAuth::badUsernameIsBadRequestNamingTheField_data()
{
    QTest::addColumn<QString>("username");
    QTest::newRow("empty") << QString();
    QTest::newRow("two characters") << QStringLiteral("ab");
    QTest::newRow("33 characters") << QString(33, QLatin1Char('u'));
    QTest::newRow("space") << QStringLiteral("al ice");
    QTest::newRow("at sign") << QStringLiteral("alice@home");
    QTest::newRow("Hangul") << QStringLiteral("앨리스");
}

void TstAuth::badUsernameIsBadRequestNamingTheField()
{
    QFETCH(QString, username);
    const auto outcome = ServiceFixture::outcomeOf([&] { m_fx->auth.registerUser(registration(username)); });
    QCOMPARE(outcome.code, QStringLiteral("bad_request"));
    QCOMPARE(outcome.details.value("field").toString(), QStringLiteral("username"));
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT count(*) FROM users")), 0);
}

void TstAuth::badPasswordIsBadRequestNamingTheField_data()
{
    QTest::addColumn<QString>("password");
    QTest::newRow("empty") << QString();
    QTest::newRow("7 characters") << QStringLiteral("1234567");
    QTest::newRow("129 characters") << QString(129, QLatin1Char('p'));
}

void TstAuth::badPasswordIsBadRequestNamingTheField()
{
    QFETCH(QString, password);
    const auto outcome = ServiceFixture::outcomeOf(
        [&] { m_fx->auth.registerUser(registration(QStringLiteral("alice"), password)); });
    QCOMPARE(outcome.code, QStringLiteral("bad_request"));
    QCOMPARE(outcome.details.value("field").toString(), QStringLiteral("password"));
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT count(*) FROM users")), 0);
}

void TstAuth::unknownRegionIsBadRequest()
{
    Registration r = registration(QStringLiteral("alice"));
    r.regionId = 999'999;
    const auto outcome = ServiceFixture::outcomeOf([&] { m_fx->auth.registerUser(r); });
    QCOMPARE(outcome.code, QStringLiteral("bad_request"));
    QCOMPARE(outcome.details.value("field").toString(), QStringLiteral("region_id"));
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT count(*) FROM users")), 0);
}

void TstAuth::registrationCreatesAnEmptyWallet()
{
    const Session s = m_fx->auth.registerUser(registration(QStringLiteral("alice")));
    const nb::Wallet w = m_fx->wallet(s.user.id);
    QCOMPARE(w.balance, Won(0));
    QCOMPARE(w.locked, Won(0));
    QVERIFY(m_fx->ledger(s.user.id).isEmpty());
}

void TstAuth::garbageTokenDoesNotAuthenticate()
{
    m_fx->auth.registerUser(registration(QStringLiteral("alice")));
    QVERIFY(!m_fx->auth.authenticate(QString()));
    QVERIFY(!m_fx->auth.authenticate(QStringLiteral("not-a-token")));
    QVERIFY(!m_fx->auth.authenticate(QString(500, QLatin1Char('x'))));
    QCOMPARE(ServiceFixture::codeOf([&] { m_fx->auth.logout(QStringLiteral("not-a-token")); }),
             QStringLiteral("unauthorized"));
}

void TstAuth::displayNameDefaultsToUsername()
{
    Registration r = registration(QStringLiteral("bob.k"));
    r.displayName = QStringLiteral("   ");
    QCOMPARE(m_fx->auth.registerUser(r).user.displayName, QStringLiteral("bob.k"));
}

QTEST_GUILESS_MAIN(TstAuth)
#include "tst_auth.moc"
