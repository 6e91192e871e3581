#pragma once

#include "shared/ApiError.h"

#include <QString>

#include <optional>
#include <utility>

namespace nb {

/// Why a JSON value could not be decoded: which field, and what it should have been.
struct DecodeError {
    /// The field's path: "amount", "seller.id", "items[2].amount"; empty for the document itself.
    QString field;
    /// What is wrong, phrased to follow the field: "must be an integer between 1 and 10^12".
    QString problem;

    /// "field 'amount' must be an integer between 1 and 10^12" (just the problem without a field).
    QString message() const;
    /// The same error one level down: inside("seller") turns "id" into "seller.id".
    DecodeError inside(const QString& parent) const;
    /// A bad_request carrying message() and details {"field": field}.
    ApiError toApiError() const;
};

/// A decoded value or the DecodeError that prevented it.
template <typename T>
class [[nodiscard]] Decoded {
public:
    // Implicit on purpose: decoders `return value;` or `return DecodeError{…};`.
    Decoded(T value)
        : m_value(std::move(value))
    {}
    Decoded(DecodeError error)
        : m_error(std::move(error))
    {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    /// The value; throws std::bad_optional_access when !ok().
    const T& value() const& { return m_value.value(); }
    T& value() & { return m_value.value(); }
    T&& value() && { return std::move(m_value).value(); }
    const T& operator*() const& { return m_value.value(); }
    const T* operator->() const { return &m_value.value(); }

    /// Meaningful only when !ok().
    const DecodeError& error() const { return m_error; }
    std::optional<T> toOptional() const& { return m_value; }
    std::optional<T> toOptional() && { return std::move(m_value); }

private:
    std::optional<T> m_value;
    DecodeError m_error;
};

} // namespace nb
