#include "server/transport/ws/SubscriptionIndex.h"

#include <algorithm>

namespace nb::transport {

SubscriptionIndex::Channel& SubscriptionIndex::subscribe(qint64 auctionId, ClientSession* session)
{
    Channel& ch = m_channels[auctionId];
    const auto at = std::lower_bound(ch.subscribers.begin(), ch.subscribers.end(), session);
    if (at == ch.subscribers.end() || *at != session)
        ch.subscribers.insert(at, session);
    return ch;
}

void SubscriptionIndex::unsubscribe(qint64 auctionId, ClientSession* session)
{
    const auto it = m_channels.find(auctionId);
    if (it == m_channels.end())
        return;
    std::vector<ClientSession*>& subscribers = it->second.subscribers;
    const auto at = std::lower_bound(subscribers.begin(), subscribers.end(), session);
    if (at != subscribers.end() && *at == session)
        subscribers.erase(at);
    if (subscribers.empty())
        m_channels.erase(it);
}

SubscriptionIndex::Channel* SubscriptionIndex::channel(qint64 auctionId)
{
    const auto it = m_channels.find(auctionId);
    return it == m_channels.end() ? nullptr : &it->second;
}

std::vector<qint64> SubscriptionIndex::auctions() const
{
    std::vector<qint64> ids;
    ids.reserve(m_channels.size());
    for (const auto& entry : m_channels)
        ids.push_back(entry.first);
    return ids;
}

void SubscriptionIndex::addUserSession(qint64 userId, ClientSession* session)
{
    m_users[userId].insert(session);
}

void SubscriptionIndex::removeUserSession(qint64 userId, ClientSession* session)
{
    const auto it = m_users.find(userId);
    if (it == m_users.end())
        return;
    it->second.erase(session);
    if (it->second.empty())
        m_users.erase(it);
}

std::vector<ClientSession*> SubscriptionIndex::sessionsOf(qint64 userId) const
{
    const auto it = m_users.find(userId);
    if (it == m_users.end())
        return {};
    return {it->second.begin(), it->second.end()};
}

std::vector<qint64> SubscriptionIndex::users() const
{
    std::vector<qint64> ids;
    ids.reserve(m_users.size());
    for (const auto& entry : m_users)
        ids.push_back(entry.first);
    return ids;
}

} // namespace nb::transport
