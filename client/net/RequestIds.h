#pragma once

#include <QHash>
#include <QString>

namespace nb::client {

/// request_id values for money-moving requests (PROTOCOL.md: the same id never moves money twice).
namespace RequestIds {
/// A fresh id: a UUID without braces.
QString make();
} // namespace RequestIds

/// Keeps one request_id per user action until the action has a definite answer, so that a retry
/// after a lost connection repeats the same id and the server answers it once.
///
/// The fingerprint names the action with everything that makes it different from another one
/// ("bid:42:15000:-"): changing the amount is a new action with a new id, pressing "Bid" again
/// after a network error is the same one. ClientSession uses it for bids, buy-now, deposits and
/// withdrawals; the UI only needs it for money moves it sends through ApiClient directly.
class ActionIds {
public:
    /// The id of the action, made on first use.
    QString idFor(const QString& fingerprint);
    /// The server answered the action (accepted or refused): the next attempt is a new action.
    void complete(const QString& fingerprint);
    bool isPending(const QString& fingerprint) const { return m_ids.contains(fingerprint); }
    /// The id kept for the action; empty when none is pending.
    QString pendingId(const QString& fingerprint) const { return m_ids.value(fingerprint); }

private:
    QHash<QString, QString> m_ids;
};

} // namespace nb::client
