#include "client/session/SessionStore.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <functional>
#include <memory>

namespace nb::client {

namespace {
Q_LOGGING_CATEGORY(lcStore, "nb.client.session")
}

SessionStore::SessionStore(QObject* parent, const QString& service)
    : QObject(parent)
    , m_service(service)
{}

void SessionStore::setAccount(const QString& account)
{
    if (account == m_account)
        return;
    m_account = account;
    m_token.clear();
    m_persistent = false;
}

void SessionStore::run(QKeychain::Job* job, std::function<void(bool ok)> done)
{
    job->setAutoDelete(true);
    // Either the job's answer or the timeout decides, whichever comes first.
    auto decided = std::make_shared<bool>(false);
    auto* timeout = new QTimer(this);
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, this, [this, decided, done, timeout] {
        timeout->deleteLater();
        if (std::exchange(*decided, true))
            return;
        reportUnavailable(tr("the keychain did not answer"));
        done(false);
    });
    connect(job, &QKeychain::Job::finished, this, [this, decided, done, timeout](QKeychain::Job* finished) {
        timeout->stop();
        timeout->deleteLater();
        if (std::exchange(*decided, true))
            return;
        const QKeychain::Error error = finished->error();
        if (error == QKeychain::NoError || error == QKeychain::EntryNotFound) {
            done(true);
            return;
        }
        reportUnavailable(finished->errorString());
        done(false);
    });
    timeout->start(kJobTimeoutMs);
    job->start();
}

void SessionStore::reportUnavailable(const QString& reason)
{
    m_persistent = false;
    if (std::exchange(m_unavailable, true))
        return;
    qCInfo(lcStore).noquote() << "keychain unavailable:" << reason;
    emit keychainUnavailable(tr("The system keychain is not available (%1). You stay signed in only until "
                                "NeighborBid closes.")
                                 .arg(reason));
}

void SessionStore::load()
{
    if (!m_keychainEnabled || m_unavailable) {
        QTimer::singleShot(0, this, [this] { emit loaded(m_token); });
        return;
    }
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(m_account);
    QPointer<QKeychain::ReadPasswordJob> reader(job);
    run(job, [this, reader](bool ok) {
        if (ok && reader && reader->error() == QKeychain::NoError) {
            m_token = reader->textData();
            m_persistent = !m_token.isEmpty();
        }
        emit loaded(m_token);
    });
}

void SessionStore::save(const QString& token)
{
    m_token = token;
    m_persistent = false;
    if (!m_keychainEnabled || m_unavailable)
        return;
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(m_account);
    job->setTextData(token);
    run(job, [this, token](bool ok) {
        if (ok && token == m_token)
            m_persistent = true;
    });
}

void SessionStore::clear()
{
    m_token.clear();
    m_persistent = false;
    if (!m_keychainEnabled || m_unavailable)
        return;
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(m_account);
    run(job, [](bool) {});
}

} // namespace nb::client
