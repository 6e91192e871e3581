#pragma once

#include "shared/Money.h"

#include <QChartView>
#include <QDateTime>
#include <QList>
#include <QPair>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace nb::client {

// The price over time of one auction (Qt Charts): a step line from the start price through every
// bid, to now or to the end.
class PriceChart : public QChartView {
    Q_OBJECT

public:
    explicit PriceChart(QWidget* parent = nullptr);

    // points: (time, price) oldest first, as BidHistoryModel::pricePoints() gives them.
    void setHistory(const QList<QPair<QDateTime, Won>>& points, Won startPrice, const QDateTime& startsAt,
                    const QDateTime& endsAt);
    int pointCount() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QLineSeries* m_series = nullptr;
    QDateTimeAxis* m_timeAxis = nullptr;
    QValueAxis* m_priceAxis = nullptr;
};

} // namespace nb::client
