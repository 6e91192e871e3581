// neighborbid-server: parses the command and hands over to the library.
#include "server/app/ServeCommand.h"
#include "server/console/ConsoleCommand.h"

#include <QCoreApplication>

#include <cstdio>

#ifdef Q_OS_LINUX
#include "server/eventloop/EpollEventDispatcher.h"
#endif

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
    // Qt's own event loops hand the kernel every open socket on every turn (poll), so a turn costs
    // more the more connections are open: with a thousand subscribers a fifth of the server's time
    // went to scanning idle ones. On Linux the main thread runs on epoll instead, where a turn
    // costs what is ready. NEIGHBORBID_EVENT_LOOP=qt keeps Qt's loop (to compare, or to rule ours
    // out). Qt's GLib loop is worse still (it re-registers a socket's write notifier in a linked
    // list on every write), so Qt's loop means its plain UNIX one unless the operator set
    // QT_NO_GLIB. Both are set before the application object exists.
#ifdef Q_OS_LINUX
    if (qEnvironmentVariable("NEIGHBORBID_EVENT_LOOP") != QLatin1String("qt"))
        QCoreApplication::setEventDispatcher(new nb::eventloop::EpollEventDispatcher);
#endif
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
