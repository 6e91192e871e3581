#pragma once

#include "server/storage/OutboxStore.h"
#include "tests/server/ConcurrencyFixture.h"
#include "tests/server/RelayThread.h"
#include "tests/server/WsClient.h"
#include "tests/server/WsInstance.h"
#include "tests/support/TestDatabase.h"

#include <QJsonObject>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace nb::test {

/// Everything a WebSocket test needs on the executable's (emptied) test database: people with
/// money and live sessions, auctions, and one WsInstance whose EventBus the relay feeds.
class WsFixture {
public:
    struct Person {
        qint64 id = 0;
        QString token;
    };

    /// Who hands committed events on: the relay thread to this instance's bus, or nobody (the
    /// test calls deliverPending(), or wires its own relay).
    enum class Relay { ToBus, Manual };

    explicit WsFixture(const WsLimits& limits = {}, Relay relay = Relay::ToBus);
    ~WsFixture();

    /// Manual relay: hands every pending outbox event for which keep() is true (all without it)
    /// to this instance's bus now, on this thread, and drops the others. Returns how many went.
    int deliverPending(const std::function<bool(const storage::outbox::OutboxEvent&)>& keep = {});

    ConcurrencyFixture& data() { return m_data; }
    WsInstance& server() { return *m_server; }
    TestDatabase& db() { return TestDatabase::instance(); }

    /// count people "<prefix>NNN" with money and a session each (one password hash in all).
    std::vector<Person> makePeople(const QString& prefix, int count, Won money);
    Person makePerson(const QString& name, Won money);
    /// A live session for the user, written directly (no password hashing).
    QString tokenFor(qint64 userId);
    /// An active national auction ending in an hour, start price 10,000, adjusted by adjust.
    qint64 makeAuction(qint64 sellerId, const std::function<void(NewAuction&)>& adjust = {});
    /// A connected client that said hello (signed in when token is given).
    std::unique_ptr<WsClient> connectClient(const QString& token = QString());

    /// The auction's replay log, payloads in seq order.
    std::vector<QJsonObject> replayLog(qint64 auctionId);

private:
    ConcurrencyFixture m_data;
    qint64 m_templateUser = 0;
    std::unique_ptr<WsInstance> m_server;
    std::unique_ptr<RelayThread> m_relay;
};

} // namespace nb::test
