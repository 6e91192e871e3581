#pragma once

#include "tests/bench/load/Actor.h"
#include "tests/bench/load/WsConnection.h"
#include "tests/bench/load/WsHandler.h"

#include <QUrl>

namespace nb::bench::load {

class RunStats;

/// One connection of the `connections` scenario: signs in, waits for the welcome, then holds
/// still. Counts itself as opened or failed; a drop while held is an error.
class IdleHolder final : public Actor, private WsHandler {
public:
    IdleHolder(QUrl url, QString token, RunStats& stats);

    void open(qint64 nowNs) override;
    bool settled() const override;
    bool ready() const override;
    void tick(qint64 nowNs) override;
    void close() override;

private:
    void onWelcome(WsConnection& connection, const QJsonObject& welcome) override;
    void onMessage(WsConnection& connection, const QJsonObject& message) override;
    void onAuctionEvent(WsConnection& connection, const ScannedEvent& event, const QString& text,
                        qint64 arrivalNs) override;
    void onFailure(WsConnection& connection, const QString& code, const QString& detail) override;

    RunStats& m_stats;
    WsConnection m_connection;
    bool m_welcomed = false;
};

} // namespace nb::bench::load
