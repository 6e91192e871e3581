#include "server/console/ArgumentParser.h"

#include <algorithm>
#include <utility>

namespace nb::console {

namespace {

const QString kHelpLine = QStringLiteral("-h, --help");
constexpr int kHelpWidth = 100;

// Breaks text into lines of at most width characters at spaces (longer words stay whole).
QStringList wrap(const QString& text, int width)
{
    QStringList lines;
    QString line;
    for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
            lines.append(line);
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!line.isEmpty())
        lines.append(line);
    return lines;
}

QString optionLabel(const QString& name, const QString& valueName)
{
    return valueName.isEmpty() ? QStringLiteral("--") + name : QStringLiteral("--%1 %2").arg(name, valueName);
}

QString formatRows(const QList<std::pair<QString, QString>>& rows)
{
    int width = 0;
    for (const auto& row : rows)
        width = std::max(width, static_cast<int>(row.first.size()));
    const QString indent(width + 4, QLatin1Char(' '));
    QString text;
    for (const auto& row : rows) {
        const QStringList lines = wrap(row.second, std::max(30, kHelpWidth - width - 4));
        text += QStringLiteral("  %1  %2\n").arg(row.first.leftJustified(width), lines.value(0));
        for (int i = 1; i < lines.size(); ++i)
            text += indent + lines.at(i) + QLatin1Char('\n');
    }
    return text;
}

} // namespace

ArgumentParser::ArgumentParser(QString command, QString description)
    : m_command(std::move(command))
    , m_description(std::move(description))
{}

void ArgumentParser::addOption(const QString& name, const QString& valueName, const QString& help, Need need)
{
    m_options.append({name, valueName, help, need});
}

void ArgumentParser::addPositional(const QString& name, const QString& help)
{
    m_positionalSpecs.append({name, help});
}

const ArgumentParser::Option* ArgumentParser::findOption(const QString& name) const
{
    for (const Option& option : m_options) {
        if (option.name == name)
            return &option;
    }
    return nullptr;
}

void ArgumentParser::setError(const QString& message)
{
    if (m_error.isEmpty())
        m_error = message;
}

bool ArgumentParser::parse(const QStringList& arguments)
{
    m_values.clear();
    m_positionals.clear();
    m_remaining.clear();
    m_error.clear();
    m_help = false;
    bool optionsEnded = false;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString& arg = arguments.at(i);
        if (!optionsEnded && arg == QLatin1String("--")) {
            optionsEnded = true;
        } else if (!optionsEnded && (arg == QLatin1String("-h") || arg == QLatin1String("--help"))) {
            m_help = true;
        } else if (!optionsEnded && arg.size() > 1 && arg.startsWith(QLatin1Char('-'))) {
            readOption(arguments, &i);
        } else if (m_stopAtPositional) {
            m_remaining = arguments.mid(i);
            break;
        } else if (m_positionals.size() >= m_positionalSpecs.size()) {
            setError(QStringLiteral("unexpected argument '%1'").arg(arg));
        } else {
            m_positionals.append(arg);
        }
    }
    if (m_help) {
        m_error.clear();
        return true;
    }
    checkComplete();
    return m_error.isEmpty();
}

bool ArgumentParser::readOption(const QStringList& arguments, int* index)
{
    const QString& arg = arguments.at(*index);
    if (!arg.startsWith(QLatin1String("--"))) {
        setError(QStringLiteral("unknown option '%1'").arg(arg));
        return false;
    }
    const int equals = arg.indexOf(QLatin1Char('='));
    const QString name = arg.mid(2, equals < 0 ? -1 : equals - 2);
    const Option* option = findOption(name);
    if (!option) {
        setError(QStringLiteral("unknown option '--%1'").arg(name));
        return false;
    }
    if (m_values.contains(name)) {
        setError(QStringLiteral("--%1 is given more than once").arg(name));
        return false;
    }
    if (option->valueName.isEmpty()) {
        if (equals >= 0) {
            setError(QStringLiteral("--%1 takes no value").arg(name));
            return false;
        }
        m_values.insert(name, QString());
        return true;
    }
    QString value;
    if (equals >= 0) {
        value = arg.mid(equals + 1);
    } else if (*index + 1 < arguments.size()) {
        value = arguments.at(++*index);
    } else {
        setError(QStringLiteral("--%1 needs a value (%2)").arg(name, option->valueName));
        return false;
    }
    if (value.isEmpty()) {
        setError(QStringLiteral("--%1 needs a non-empty value (%2)").arg(name, option->valueName));
        return false;
    }
    m_values.insert(name, value);
    return true;
}

void ArgumentParser::checkComplete()
{
    for (const Option& option : m_options) {
        if (option.need == Need::Required && !m_values.contains(option.name))
            setError(QStringLiteral("--%1 is required").arg(option.name));
    }
    if (m_stopAtPositional)
        return;
    for (int i = m_positionals.size(); i < m_positionalSpecs.size(); ++i)
        setError(QStringLiteral("%1 is missing").arg(m_positionalSpecs.at(i).name));
}

QString ArgumentParser::synopsis() const
{
    if (!m_synopsis.isEmpty())
        return m_synopsis;
    QStringList parts;
    for (const Option& option : m_options) {
        const QString label = optionLabel(option.name, option.valueName);
        parts.append(option.need == Need::Required ? label : QStringLiteral("[%1]").arg(label));
    }
    for (const Positional& positional : m_positionalSpecs)
        parts.append(positional.name);
    return parts.join(QLatin1Char(' '));
}

QString ArgumentParser::helpText() const
{
    QStringList usage{QStringLiteral("neighborbid-server console")};
    if (!m_command.isEmpty())
        usage.append(m_command);
    if (const QString s = synopsis(); !s.isEmpty())
        usage.append(s);
    QString text =
        QStringLiteral("Usage: %1\n\n%2\n")
            .arg(usage.join(QLatin1Char(' ')), wrap(m_description, kHelpWidth).join(QLatin1Char('\n')));
    if (!m_positionalSpecs.isEmpty()) {
        QList<std::pair<QString, QString>> rows;
        for (const Positional& positional : m_positionalSpecs)
            rows.append({positional.name, positional.help});
        text += QStringLiteral("\nArguments:\n") + formatRows(rows);
    }
    QList<std::pair<QString, QString>> rows;
    for (const Option& option : m_options)
        rows.append({optionLabel(option.name, option.valueName), option.help});
    rows.append({kHelpLine, QStringLiteral("Show this help.")});
    text += QStringLiteral("\nOptions:\n") + formatRows(rows);
    if (!m_epilog.isEmpty())
        text += QLatin1Char('\n') + m_epilog +
                (m_epilog.endsWith(QLatin1Char('\n')) ? QString() : QStringLiteral("\n"));
    return text;
}

} // namespace nb::console
