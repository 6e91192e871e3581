#pragma once

#include "tests/bench/load/Actor.h"
#include "tests/bench/load/Subscriptions.h"
#include "tests/bench/load/WsConnection.h"
#include "tests/bench/load/WsHandler.h"

#include <QList>
#include <QString>
#include <QUrl>

namespace nb::bench::load {

class AckRegistry;
class RunStats;

/// How one subscriber connection is set up.
struct WatcherSetup {
    QUrl url;
    QString token;          // empty: anonymous
    QList<qint64> auctions; // at most 256 (the server's limit per connection)
    /// Time each event against its bidder's acknowledgement.
    bool measureDelivery = true;
};

/// A passive subscriber (the observer of a bidding run, or one of fanout's subscribers): follows
/// its auctions and checks each seq stream for gaps and duplicates, never healing them.
class Watcher final : public Actor, private WsHandler {
public:
    Watcher(WatcherSetup setup, RunStats& stats, AckRegistry& acks);

    void open(qint64 nowNs) override;
    bool settled() const override;
    bool ready() const override;
    void tick(qint64 nowNs) override;
    bool caughtUp(const AckRegistry& acks) const override;
    void report(RunStats& stats) const override;
    void close() override;
    void collectStates(QHash<qint64, AuctionState>& into) const override;

private:
    void onWelcome(WsConnection& connection, const QJsonObject& welcome) override;
    void onMessage(WsConnection& connection, const QJsonObject& message) override;
    void onAuctionEvent(WsConnection& connection, const ScannedEvent& event, const QString& text,
                        qint64 arrivalNs) override;
    void onFailure(WsConnection& connection, const QString& code, const QString& detail) override;

    const WatcherSetup m_setup;
    RunStats& m_stats;
    AckRegistry& m_acks;
    WsConnection m_connection;
    Subscriptions m_subscriptions;
};

} // namespace nb::bench::load
