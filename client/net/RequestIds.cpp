#include "client/net/RequestIds.h"

#include <QUuid>

namespace nb::client {

QString RequestIds::make()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString ActionIds::idFor(const QString& fingerprint)
{
    auto it = m_ids.find(fingerprint);
    if (it == m_ids.end())
        it = m_ids.insert(fingerprint, RequestIds::make());
    return it.value();
}

void ActionIds::complete(const QString& fingerprint)
{
    m_ids.remove(fingerprint);
}

} // namespace nb::client
