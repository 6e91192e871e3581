#pragma once

#include <QObject>
#include <QString>

namespace QKeychain {
class Job;
}

namespace nb::client {

/// Keeps the sign-in token across runs in the system keychain (qtkeychain, service
/// "NeighborBid"). Where no keychain answers (no session bus, no secret service, denied), it
/// says so once through keychainUnavailable() and keeps the token in memory only: the user stays
/// signed in until the client closes.
///
/// ClientSession drives it (load at start, save on sign-in, clear on sign-out); the UI only shows
/// keychainUnavailable's message (ClientSession re-emits it).
class SessionStore : public QObject {
    Q_OBJECT

public:
    static constexpr const char* kService = "NeighborBid";
    /// How long a keychain job may take before it counts as unavailable (a keychain that never
    /// answers must not keep the client from starting).
    static constexpr int kJobTimeoutMs = 5000;

    explicit SessionStore(QObject* parent = nullptr, const QString& service = QString::fromLatin1(kService));

    /// The keychain entry's name: one token per server ("token@127.0.0.1:8080").
    /// Another account drops the token held in memory for the previous one.
    void setAccount(const QString& account);
    QString account() const { return m_account; }
    /// Off: memory only, without trying the keychain (tests; a setting for shared machines).
    void setKeychainEnabled(bool enabled) { m_keychainEnabled = enabled; }

    /// Reads the stored token; loaded() follows (with an empty token when there is none).
    void load();
    /// Keeps the token: in memory at once, in the keychain when it answers.
    void save(const QString& token);
    /// Forgets the token here and in the keychain.
    void clear();

    QString token() const { return m_token; }
    /// Whether the token survives a restart (the keychain accepted it).
    bool isPersistent() const { return m_persistent; }
    bool isKeychainAvailable() const { return !m_unavailable; }

signals:
    void loaded(const QString& token);
    /// Said once: why the keychain cannot be used, as a sentence for the user.
    void keychainUnavailable(const QString& message);

private:
    /// Starts job with the timeout; done(true) on success, done(false) on error or timeout.
    void run(QKeychain::Job* job, std::function<void(bool ok)> done);
    void reportUnavailable(const QString& reason);

    QString m_service;
    QString m_account = QStringLiteral("token");
    QString m_token;
    bool m_keychainEnabled = true;
    bool m_persistent = false;
    bool m_unavailable = false;
};

} // namespace nb::client
