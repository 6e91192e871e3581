// neighborbid-server: parses the command and hands over to the library.
#include "server/app/ServeCommand.h"
#include "server/console/ConsoleCommand.h"

#include <QCoreApplication>

#include <cstdio>

namespace {

void printUsage(std::FILE* out)
{
    std::fputs("Usage: neighborbid-server COMMAND [OPTIONS]\n"
               "\n"
               "Commands:\n"
               "  serve     run the server: HTTP API, live WebSocket auctions, scheduler, event outbox\n"
               "  migrate   apply pending database migrations and exit\n"
               "  console   operator commands: user, wallet, auction, ledger, stats, demo\n"
               "\n"
               "Run 'neighborbid-server COMMAND --help' for a command's options.\n",
               out);
}

} // namespace

int main(int argc, char* argv[])
{
    // Qt's GLib event loop re-registers a socket's write notifier in a linked list on every write
    // and so slows down with the number of connections (with a thousand subscribers it was most
    // of the server's time in the fan-out); the plain UNIX dispatcher does not. Set before the
    // application object exists; an operator's own setting wins.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("neighborbid-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NEIGHBORBID_VERSION));

    const QStringList args = QCoreApplication::arguments();
    const QString command = args.value(1);
    const QStringList rest = QStringList{args.value(0) + QLatin1Char(' ') + command} + args.mid(2);
    if (command == QLatin1String("serve"))
        return nb::app::runServe(rest);
    if (command == QLatin1String("migrate"))
        return nb::app::runMigrate(rest);
    if (command == QLatin1String("console"))
        return nb::console::run(args.mid(2));
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        std::printf("neighborbid-server %s\n", NEIGHBORBID_VERSION);
        return 0;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        printUsage(stdout);
        return 0;
    }
    if (!command.isEmpty())
        std::fprintf(stderr, "neighborbid-server: unknown command '%s'\n\n", qPrintable(command));
    printUsage(stderr);
    return 2;
}
