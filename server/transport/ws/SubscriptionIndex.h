#pragma once

#include <QJsonObject>

#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

namespace nb::transport {

class ClientSession;

/// Who follows what: the connections following each auction (with the auction's delivery
/// state) and the connections of each signed-in user. Plain bookkeeping for the hub's thread.
class SubscriptionIndex {
public:
    /// One followed auction as the hub delivers it.
    struct Channel {
        /// Sorted and unique: a fan-out walks it a thousand times an event, a vector is quickest.
        std::vector<ClientSession*> subscribers;
        /// The highest seq handed to subscribers; unknown until the first event.
        std::optional<qint64> lastSeq;
        /// Reading missed events from the replay log; live ones wait in held meanwhile.
        bool catchingUp = false;
        /// Events waiting to be delivered in seq order (during a catch-up, or after a gap).
        std::map<qint64, QJsonObject> held;
    };

    /// Adds a follower; creates the channel for the first one.
    Channel& subscribe(qint64 auctionId, ClientSession* session);
    /// Removes a follower; forgets the channel after the last one.
    void unsubscribe(qint64 auctionId, ClientSession* session);
    /// Nullptr when nobody follows the auction. Stays valid until its last follower leaves.
    Channel* channel(qint64 auctionId);
    std::vector<qint64> auctions() const;

    void addUserSession(qint64 userId, ClientSession* session);
    void removeUserSession(qint64 userId, ClientSession* session);
    /// The user's open connections (a copy: sending may close one).
    std::vector<ClientSession*> sessionsOf(qint64 userId) const;
    std::vector<qint64> users() const;

private:
    std::unordered_map<qint64, Channel> m_channels;
    std::unordered_map<qint64, std::set<ClientSession*>> m_users;
};

} // namespace nb::transport
