#include "server/console/CommandSupport.h"

#include "server/console/ArgumentParser.h"
#include "server/console/ConsoleOutput.h"

#include <algorithm>

namespace nb::console {

namespace {

bool allAsciiDigits(const QString& text)
{
    return std::all_of(text.cbegin(), text.cend(),
                       [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
}

// Long enough for any id or amount; longer digit strings would overflow qint64.
constexpr int kMaxDigits = 18;

std::optional<qint64> parseDigits(const QString& text)
{
    if (text.isEmpty() || text.size() > kMaxDigits || !allAsciiDigits(text))
        return std::nullopt;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

} // namespace

std::optional<int> parseOrReport(ArgumentParser& parser, const QStringList& arguments)
{
    if (!parser.parse(arguments)) {
        printUsageError(parser.command(), parser.error());
        return kExitUsage;
    }
    if (parser.helpRequested()) {
        printText(parser.helpText());
        return kExitOk;
    }
    return std::nullopt;
}

Prepared usageError(const ArgumentParser& parser, const QString& message)
{
    printUsageError(parser.command(), message);
    return Prepared::stop(kExitUsage);
}

std::optional<Won> parseAmount(const QString& text)
{
    const auto value = parseDigits(text);
    if (!value || !isValidAmount(*value))
        return std::nullopt;
    return value;
}

std::optional<qint64> parseId(const QString& text)
{
    const auto value = parseDigits(text);
    if (!value || *value <= 0)
        return std::nullopt;
    return value;
}

} // namespace nb::console
