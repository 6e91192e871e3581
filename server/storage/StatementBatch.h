#pragma once

#include <QString>

#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <type_traits>

namespace nb::storage {

namespace detail {
template <typename T>
struct IsOptional : std::false_type {};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type {};
} // namespace detail

/// Writes of one transaction whose results the caller does not need, sent to the database
/// together in one round trip by send(), in the order added.
///
/// Each is an execution of a prepared statement (PreparedStatements.cpp) through SQL `EXECUTE`,
/// its parameters written as literals, so it keeps the statement's cached plan. A bid holds its
/// auction's row lock from its first statement to its commit: the ten writes after the decision
/// used to cost ten round trips under that lock, each a wake-up of the worker and of the
/// database's backend on a machine busy with the auction's other bidders.
///
/// When one statement fails, send() throws as the transaction's exec would (the database runs
/// none of the statements after it, and the transaction is aborted): roll it back.
class StatementBatch {
public:
    explicit StatementBatch(pqxx::transaction_base& tx);
    StatementBatch(const StatementBatch&) = delete;
    StatementBatch& operator=(const StatementBatch&) = delete;
    /// Statements added and never sent are a mistake of the caller (the transaction would commit
    /// without them), unless an exception is unwinding it.
    ~StatementBatch();

    /// Adds an execution of the prepared statement with these parameters: integers, bool,
    /// std::string, QString, or an std::optional of one of them (NULL when empty).
    template <typename... Params>
    void add(const std::string& statement, const Params&... params)
    {
        // A connection registers a statement on its first use; EXECUTE needs it registered.
        m_tx.conn().prepare_now(statement);
        m_sql += "EXECUTE " + statement + '(';
        const char* separator = "";
        ((m_sql += separator, m_sql += literal(params), separator = ", "), ...);
        m_sql += ");";
    }

    /// Sends the statements added since the last send (nothing when there are none); returns the
    /// last one's rows.
    pqxx::result send();

private:
    template <typename T>
    std::string literal(const T& value) const
    {
        if constexpr (std::is_same_v<T, bool>)
            return value ? "true" : "false";
        else if constexpr (std::is_integral_v<T>)
            return std::to_string(value);
        else if constexpr (std::is_same_v<T, std::string>)
            return m_tx.quote(value);
        else if constexpr (std::is_same_v<T, QString>)
            return m_tx.quote(value.toStdString());
        else {
            static_assert(detail::IsOptional<T>::value, "a parameter StatementBatch cannot write");
            return value ? literal(*value) : std::string("NULL");
        }
    }

    pqxx::transaction_base& m_tx;
    std::string m_sql;
};

} // namespace nb::storage
