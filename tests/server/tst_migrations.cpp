#include "server/storage/Migrator.h"
#include "tests/support/TestDatabase.h"

#include <QTest>

#include <pqxx/connection>
#include <pqxx/nontransaction>
#include <thread>

using nb::storage::MigrationError;
using nb::storage::Migrator;
using nb::test::TestDatabase;

namespace {

std::int64_t scalar(const std::string& connectionString, const std::string& sql)
{
    pqxx::connection conn(connectionString);
    pqxx::nontransaction tx(conn);
    return tx.exec(sql)[0][0].as<std::int64_t>();
}

} // namespace

class TstMigrations : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void knownMigrationsAreNumberedInOrder();
    void emptyDatabaseGetsEveryMigration();
    void applyingAgainChangesNothing();
    void concurrentMigratorsApplyEachMigrationOnce();
    void newerDatabaseIsRefused();
    void seedsHoldTheSeventeenProvinces();
    void regionPathsFindDescendants();
    void seedsHoldTheCategories();
    void resetDataKeepsReferenceData();
    void timeConversionsAreInlinedIntoQueries();
};

void TstMigrations::initTestCase()
{
    TestDatabase::instance();
}

void TstMigrations::knownMigrationsAreNumberedInOrder()
{
    const auto migrations = Migrator::knownMigrations();
    QVERIFY(migrations.size() >= 2);
    QCOMPARE(migrations[0].version, 1);
    QCOMPARE(migrations[0].name, QStringLiteral("core_schema"));
    QCOMPARE(migrations[1].version, 2);
    QCOMPARE(migrations[1].name, QStringLiteral("reference_data"));
    for (std::size_t i = 1; i < migrations.size(); ++i)
        QVERIFY(migrations[i - 1].version < migrations[i].version);
    QCOMPARE(Migrator(std::string()).latestKnownVersion(), migrations.back().version);
}

void TstMigrations::emptyDatabaseGetsEveryMigration()
{
    const std::string dsn = TestDatabase::instance().createEmptyDatabase(QStringLiteral("migrate_fresh"));
    Migrator migrator(dsn);
    QCOMPARE(migrator.currentVersion(), 0);
    const int known = static_cast<int>(Migrator::knownMigrations().size());
    QCOMPARE(migrator.apply(), known);
    QCOMPARE(migrator.currentVersion(), migrator.latestKnownVersion());
    QCOMPARE(scalar(dsn, "SELECT count(*) FROM schema_version"), known);
    QCOMPARE(scalar(dsn, "SELECT count(*) FROM schema_version WHERE version = 1 AND name = 'core_schema' "
                         "AND applied_at <= now()"),
             1);
    QCOMPARE(scalar(dsn, "SELECT count(*) FROM schema_version WHERE version = 2 AND name = 'reference_data'"),
             1);
}

void TstMigrations::applyingAgainChangesNothing()
{
    const std::string dsn = TestDatabase::instance().connectionString();
    Migrator migrator(dsn);
    const std::int64_t regions = scalar(dsn, "SELECT count(*) FROM regions");
    QCOMPARE(migrator.apply(), 0);
    QCOMPARE(migrator.apply(), 0);
    QCOMPARE(migrator.currentVersion(), migrator.latestKnownVersion());
    QCOMPARE(scalar(dsn, "SELECT count(*) FROM regions"), regions);
    QCOMPARE(scalar(dsn, "SELECT count(*) FROM schema_version"),
             static_cast<std::int64_t>(Migrator::knownMigrations().size()));
}

void TstMigrations::concurrentMigratorsApplyEachMigrationOnce()
{
    const std::string dsn = TestDatabase::instance().createEmptyDatabase(QStringLiteral("migrate_race"));
    int applied[4] = {};
    std::string errors[4];
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i) {
        threads.emplace_back([&, i] {
            try {
                applied[i] = Migrator(dsn).apply();
            } catch (const std::exception& e) {
                errors[i] = e.what();
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    for (const auto& error : errors)
        QVERIFY2(error.empty(), error.c_str());
    QCOMPARE(applied[0] + applied[1] + applied[2] + applied[3],
             static_cast<int>(Migrator::knownMigrations().size()));
    QCOMPARE(scalar(dsn, "SELECT count(*) FROM regions WHERE depth = 1"), 17);
}

void TstMigrations::newerDatabaseIsRefused()
{
    const std::string dsn = TestDatabase::instance().createEmptyDatabase(QStringLiteral("migrate_newer"));
    Migrator migrator(dsn);
    migrator.apply();
    {
        pqxx::connection conn(dsn);
        pqxx::nontransaction tx(conn);
        tx.exec(
            "INSERT INTO schema_version (version, name, applied_at) VALUES (9999, 'from_the_future', now())");
    }
    QCOMPARE(migrator.currentVersion(), 9999);
    try {
        migrator.apply();
        QFAIL("a database newer than the binary was migrated");
    } catch (const MigrationError& e) {
        const QString message = QString::fromUtf8(e.what());
        QVERIFY2(message.contains(QLatin1String("9999")), e.what());
        QVERIFY2(message.contains(QLatin1String("newer")), e.what());
    }
}

void TstMigrations::seedsHoldTheSeventeenProvinces()
{
    auto& db = TestDatabase::instance();
    QCOMPARE(db.scalar("SELECT count(*) FROM regions WHERE depth = 1 AND parent_id IS NULL"), 17);
    QCOMPARE(db.scalar("SELECT count(*) FROM regions WHERE depth = 1 AND id IN "
                       "(11, 26, 27, 28, 29, 30, 31, 36, 41, 43, 44, 46, 47, 48, 50, 51, 52)"),
             17);
    QCOMPARE(db.query("SELECT name FROM regions WHERE id = 11")[0][0].as<std::string>(),
             std::string("서울특별시"));
    QCOMPARE(db.query("SELECT path FROM regions WHERE id = 1168010100")[0][0].as<std::string>(),
             std::string("/11/11680/1168010100/"));
    // Every path is its parent's path plus its own id, and the depth matches.
    QCOMPARE(db.scalar("SELECT count(*) FROM regions c JOIN regions p ON c.parent_id = p.id "
                       "WHERE c.path <> p.path || c.id || '/' OR c.depth <> p.depth + 1"),
             0);
    for (const char* district : {"강남구", "서초구", "송파구", "마포구", "종로구", "용산구", "해운대구",
                                 "부산진구", "수영구", "성남시 분당구", "수원시 영통구", "고양시 일산동구"}) {
        const QString sql =
            QStringLiteral("SELECT count(*) FROM regions d JOIN regions n ON n.parent_id = d.id "
                           "WHERE d.depth = 2 AND d.name = '%1'")
                .arg(QString::fromUtf8(district));
        QVERIFY2(db.scalar(sql) >= 3, district);
    }
}

void TstMigrations::regionPathsFindDescendants()
{
    auto& db = TestDatabase::instance();
    const char* descendants = "SELECT count(*) FROM regions r, regions a "
                              "WHERE a.id = %1 AND r.path LIKE a.path || '%%' AND r.id <> a.id";
    QCOMPARE(db.scalar(QString::fromLatin1(descendants).arg(11680)),
             db.scalar("SELECT count(*) FROM regions WHERE parent_id = 11680"));
    QCOMPARE(db.scalar(QString::fromLatin1(descendants).arg(11)),
             db.scalar("SELECT count(*) FROM regions WHERE id BETWEEN 11000 AND 11999 "
                       "OR id BETWEEN 1100000000 AND 1199999999"));
    QCOMPARE(db.scalar(QString::fromLatin1(descendants).arg(1168010100)), 0);
    QCOMPARE(db.scalar(QString::fromLatin1(descendants).arg(27)), 0);
}

void TstMigrations::seedsHoldTheCategories()
{
    auto& db = TestDatabase::instance();
    QCOMPARE(db.scalar("SELECT count(*) FROM categories"), 10);
    QCOMPARE(
        db.scalar("SELECT count(*) FROM categories WHERE slug IN ('electronics', 'fashion', 'home', 'books', "
                  "'sports', 'kids', 'hobby', 'vehicles', 'art', 'other') AND name_ko <> '' AND name <> ''"),
        10);
}

void TstMigrations::resetDataKeepsReferenceData()
{
    auto& db = TestDatabase::instance();
    db.exec("INSERT INTO users (username, password_hash, display_name, region_id) "
            "VALUES ('reset_me', 'x', 'Reset', 1168010100)");
    QCOMPARE(db.scalar("SELECT count(*) FROM users"), 1);
    db.resetData();
    QCOMPARE(db.scalar("SELECT count(*) FROM users"), 0);
    QVERIFY(db.scalar("SELECT count(*) FROM regions") > 17);
    QCOMPARE(db.scalar("SELECT count(*) FROM categories"), 10);
    QVERIFY(db.scalar("SELECT count(*) FROM schema_version") >= 2);
    // Identities restart, so every test sees the same ids.
    db.exec("INSERT INTO users (username, password_hash, display_name) VALUES ('again', 'x', 'Again')");
    QCOMPARE(db.scalar("SELECT id FROM users"), 1);
    db.resetData();
}

void TstMigrations::timeConversionsAreInlinedIntoQueries()
{
    // Statements use epoch_ms and from_epoch_ms all the time; called as functions, each call
    // parsed and planned their bodies again. Inlined, the plan holds the expression instead.
    auto& db = TestDatabase::instance();
    const auto plan = [&db](const char* sql) {
        std::string text;
        for (const auto& row : db.query(sql))
            text += row[0].as<std::string>() + "\n";
        return QString::fromStdString(text);
    };
    const QString toMs = plan("EXPLAIN VERBOSE SELECT epoch_ms(now())");
    QVERIFY2(!toMs.contains(QLatin1String("epoch_ms(")), qPrintable(toMs));
    QVERIFY2(toMs.contains(QLatin1String("EXTRACT(epoch FROM now())")), qPrintable(toMs));
    const QString fromMs = plan("EXPLAIN VERBOSE SELECT from_epoch_ms(1700000000123)");
    QVERIFY2(!fromMs.contains(QLatin1String("from_epoch_ms(")), qPrintable(fromMs));
    // Inlining changes no value: a round trip keeps the milliseconds.
    QCOMPARE(db.scalar("SELECT epoch_ms(from_epoch_ms(1700000000123))"), Q_INT64_C(1700000000123));
    QCOMPARE(db.scalar("SELECT epoch_ms(timestamptz '2026-12-07 12:34:56.789+09')"),
             Q_INT64_C(1796614496789));
}

QTEST_GUILESS_MAIN(TstMigrations)
#include "tst_migrations.moc"
