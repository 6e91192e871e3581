#pragma once

#include "shared/Money.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <optional>
#include <utility>

namespace nb::transport::http {

/// Query parameters read strictly: an absent parameter takes its default, a present but
/// ill-formed one is a bad_request that names it ("query parameter 'page_size' must be an integer
/// between 1 and 100", details {"field": "page_size"}). Unknown parameters are ignored.
class QueryReader {
public:
    static constexpr int kDefaultPageSize = 20;
    static constexpr int kMaxPageSize = 100;

    explicit QueryReader(QUrlQuery query);

    bool has(const QString& name) const;
    /// The decoded value ('+' reads as a space, as HTML forms send it); empty when absent.
    QString text(const QString& name, int maxLength = 200) const;
    std::optional<qint64> integer(const QString& name, qint64 min, qint64 max) const;
    std::optional<qint64> id(const QString& name) const;
    /// An amount of money: 1..10^12.
    std::optional<Won> amount(const QString& name) const;
    /// true for 1/true, false for 0/false or when absent.
    bool flag(const QString& name) const;
    /// page (1-based, default 1) and page_size (1..100, default 20).
    int page() const;
    int pageSize() const;

    /// One of the named values.
    template <typename E>
    std::optional<E> choice(const QString& name, const QList<std::pair<QString, E>>& choices) const
    {
        if (!has(name))
            return std::nullopt;
        const QString value = text(name);
        QStringList names;
        for (const auto& [wire, item] : choices) {
            if (wire == value)
                return item;
            names << wire;
        }
        fail(name, QStringLiteral("must be one of %1").arg(names.join(QStringLiteral(", "))));
    }

private:
    [[noreturn]] void fail(const QString& name, const QString& problem) const;

    QUrlQuery m_query;
};

} // namespace nb::transport::http
