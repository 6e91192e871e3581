#include "tests/server/WsFixture.h"

#include "server/services/AuctionService.h"
#include "server/services/PasswordHasher.h"
#include "server/storage/Transaction.h"
#include "server/storage/UserStore.h"

#include <QDateTime>

namespace nb::test {

WsFixture::WsFixture(const WsLimits& limits, Relay relay)
    : m_server(std::make_unique<WsInstance>(m_data.connectionString(), limits))
{
    if (relay == Relay::ToBus) {
        events::EventBus* bus = &m_server->bus();
        m_relay = std::make_unique<RelayThread>(
            m_data.pool(),
            [bus](const std::vector<storage::outbox::OutboxEvent>& batch) { bus->publish(batch); });
    }
}

int WsFixture::deliverPending(const std::function<bool(const storage::outbox::OutboxEvent&)>& keep)
{
    int delivered = 0;
    events::EventBus& bus = m_server->bus();
    events::OutboxRelay relay(m_data.pool(), [&](const std::vector<storage::outbox::OutboxEvent>& batch) {
        for (const storage::outbox::OutboxEvent& e : batch) {
            if (keep && !keep(e))
                continue;
            bus.publish(e);
            ++delivered;
        }
    });
    relay.drain();
    return delivered;
}

WsFixture::~WsFixture()
{
    m_relay.reset();
    m_server.reset();
}

std::vector<WsFixture::Person> WsFixture::makePeople(const QString& prefix, int count, Won money)
{
    if (m_templateUser == 0)
        m_templateUser = m_data.registerUser(QStringLiteral("template"));
    std::vector<Person> people;
    for (const qint64 id : m_data.cloneUsers(m_templateUser, prefix, count)) {
        if (money > 0)
            m_data.deposit(id, money);
        people.push_back(Person{id, tokenFor(id)});
    }
    return people;
}

WsFixture::Person WsFixture::makePerson(const QString& name, Won money)
{
    return makePeople(name, 1, money).front();
}

QString WsFixture::tokenFor(qint64 userId)
{
    const QString token = services::crypto::newToken();
    storage::inTransaction(m_data.pool(), [&](pqxx::work& tx) {
        storage::users::insertSession(tx, services::crypto::tokenHash(token), userId, 30);
    });
    return token;
}

qint64 WsFixture::makeAuction(qint64 sellerId, const std::function<void(NewAuction&)>& adjust)
{
    NewAuction spec;
    spec.title = QStringLiteral("Film camera");
    spec.description = QStringLiteral("Listed by the WebSocket tests.");
    spec.category = QStringLiteral("electronics");
    spec.isNational = true;
    spec.startPrice = 10'000;
    spec.endsAt = QDateTime::currentDateTimeUtc().addSecs(3600);
    if (adjust)
        adjust(spec);
    return services::AuctionService(m_data.pool()).create(sellerId, spec).summary.id;
}

std::unique_ptr<WsClient> WsFixture::connectClient(const QString& token)
{
    auto client = std::make_unique<WsClient>();
    if (!client->open(m_server->url()))
        return nullptr;
    const QJsonObject answer = client->hello(token);
    if (answer.value(QStringLiteral("type")).toString() != QLatin1String("welcome"))
        return nullptr;
    return client;
}

std::vector<QJsonObject> WsFixture::replayLog(qint64 auctionId)
{
    return storage::inTransaction(m_data.pool(), [&](pqxx::work& tx) {
        return storage::outbox::auctionEventsSince(tx, auctionId, 0, 100'000);
    });
}

} // namespace nb::test
