#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace nb::console {

/// A strict parser for one console command's arguments: long options ("--name value" or
/// "--name=value"), flags, and positional arguments. Unlike QCommandLineParser it never exits the
/// process, so `console` also runs in-process (tests) and every usage error can become exit code 2.
class ArgumentParser {
public:
    enum class Need { Optional, Required };

    /// command: the words after "console", e.g. "user add" (empty for `console` itself).
    ArgumentParser(QString command, QString description);

    /// An option taking a value; with an empty valueName, a flag.
    void addOption(const QString& name, const QString& valueName, const QString& help,
                   Need need = Need::Optional);
    void addPositional(const QString& name, const QString& help);
    /// Leaves the first positional argument and everything after it unparsed (remaining()), for
    /// `console` itself, whose options come before the command.
    void setStopAtPositional(bool stop) { m_stopAtPositional = stop; }
    /// Replaces the generated synopsis in the help's usage line.
    void setSynopsis(const QString& synopsis) { m_synopsis = synopsis; }
    /// Extra text at the end of the help.
    void setEpilog(const QString& epilog) { m_epilog = epilog; }

    /// False on a usage error (error() says what). -h/--help anywhere before "--" asks for help
    /// and wins over any error.
    bool parse(const QStringList& arguments);
    bool helpRequested() const { return m_help; }
    const QString& error() const { return m_error; }

    bool isSet(const QString& name) const { return m_values.contains(name); }
    QString value(const QString& name) const { return m_values.value(name); }
    QString positional(int index) const { return m_positionals.value(index); }
    const QStringList& remaining() const { return m_remaining; }

    const QString& command() const { return m_command; }
    QString helpText() const;

private:
    struct Option {
        QString name;
        QString valueName;
        QString help;
        Need need = Need::Optional;
    };
    struct Positional {
        QString name;
        QString help;
    };

    const Option* findOption(const QString& name) const;
    /// Reads the option at arguments[*index] (advancing past its value); false on an error.
    bool readOption(const QStringList& arguments, int* index);
    void checkComplete();
    void setError(const QString& message);
    QString synopsis() const;

    QString m_command;
    QString m_description;
    QString m_synopsis;
    QString m_epilog;
    QList<Option> m_options;
    QList<Positional> m_positionalSpecs;
    bool m_stopAtPositional = false;

    QHash<QString, QString> m_values;
    QStringList m_positionals;
    QStringList m_remaining;
    QString m_error;
    bool m_help = false;
};

} // namespace nb::console
