#include "server/transport/ws/SubscriptionIndex.h"

namespace nb::transport {

SubscriptionIndex::Channel& SubscriptionIndex::subscribe(qint64 auctionId, ClientSession* session)
{
    Channel& ch = m_channels[auctionId];
    ch.subscribers.insert(session);
    return ch;
}

void SubscriptionIndex::unsubscribe(qint64 auctionId, ClientSession* session)
{
    const auto it = m_channels.find(auctionId);
    if (it == m_channels.end())
        return;
    it->second.subscribers.erase(session);
    if (it->second.subscribers.empty())
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
