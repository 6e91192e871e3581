#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <sys/types.h>
#include <vector>

namespace nb::storage {

/// The operating-system user PostgreSQL's programs run as for one data directory. postgres
/// refuses to run as root, so a server started as root hands initdb and pg_ctl to an
/// unprivileged user through runuser: the owner of an existing cluster, else "postgres", else
/// "nobody". Anyone else runs them as themselves.
class PostgresUser {
public:
    /// Throws ClusterError when running as root and no suitable user exists.
    static PostgresUser forDataDir(const QString& pgdata);

    bool switchesUser() const { return m_switch; }
    const QString& name() const { return m_name; }

    /// chown path to this user when switching users; nothing otherwise.
    void giveOwnership(const QString& path) const;
    /// Throws ClusterError naming the first folder on the way to dir (dir included) that this
    /// user cannot enter. Only meaningful when switching users.
    void checkCanEnter(const QString& dir) const;

    /// The program and arguments that run binary with args as this user.
    QStringList commandLine(const QString& binary, const QStringList& args) const;

private:
    bool canEnter(const QString& dir, QString* why) const;

    bool m_switch = false;
    QString m_name;
    uid_t m_uid = 0;
    gid_t m_gid = 0;
    std::vector<gid_t> m_groups;
};

struct ToolResult {
    bool ok = false;
    QByteArray output; // stdout and stderr together
};

/// The folder holding initdb and pg_ctl: `pg_config --bindir`, else the newest
/// /usr/lib/postgresql/*/bin, else wherever PATH finds initdb. Throws ClusterError when
/// PostgreSQL's server programs are not installed.
QString postgresBinDir();

/// Runs one of PostgreSQL's programs (initdb, pg_ctl) as user, in workDir, waiting at most
/// timeoutMs. Never throws for a failing program: see ToolResult.
ToolResult runPostgresTool(const QString& tool, const QStringList& args, const PostgresUser& user,
                           const QString& workDir, int timeoutMs);

} // namespace nb::storage
