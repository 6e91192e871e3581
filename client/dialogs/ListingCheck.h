#pragma once

#include "shared/protocol/Objects.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>

namespace nb::client {

// The listing editor's check before sending: the protocol library's own rules for a NewAuction
// (the ones the server applies, shared/protocol/Json.h), with the problem told as a translated
// sentence and the field it concerns, so the editor can point at it.
class ListingCheck {
    Q_DECLARE_TR_FUNCTIONS(ListingCheck)

public:
    struct Problem {
        QString field; // the wire name: "title", "buy_now_price", "ends_at", …
        QString message;
    };

    static std::optional<Problem> check(const NewAuction& listing,
                                        const QDateTime& now = QDateTime::currentDateTimeUtc());
    // A sentence for a field the protocol library refused with problem (its English words).
    static QString sentenceFor(const QString& field, const QString& problem);
};

} // namespace nb::client
