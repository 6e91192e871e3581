#pragma once

#include <QStringList>

namespace nb::app {

/// `neighborbid-server serve …`: opens the database (starting the private cluster when needed),
/// applies migrations, and runs the scheduler and the outbox relay until SIGINT/SIGTERM.
/// Returns the process exit code.
int runServe(const QStringList& arguments);

/// `neighborbid-server migrate …`: applies pending migrations and exits.
int runMigrate(const QStringList& arguments);

} // namespace nb::app
