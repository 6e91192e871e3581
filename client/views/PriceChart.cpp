#include "client/views/PriceChart.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace nb::client {

PriceChart::PriceChart(QWidget* parent)
    : QChartView(parent)
    , m_series(new QLineSeries)
    , m_timeAxis(new QDateTimeAxis)
    , m_priceAxis(new QValueAxis)
{
    setObjectName("priceChart");
    setRenderHint(QPainter::Antialiasing);
    auto* chart = new QChart;
    chart->legend()->hide();
    chart->setBackgroundRoundness(0);
    // Room on the left for whole-won labels, which the chart's layout underestimates when they
    // are not truncated.
    chart->setMargins(QMargins(fontMetrics().horizontalAdvance(QStringLiteral("0000")), 4, 4, 4));
    chart->addSeries(m_series);
    QPen pen(QColor(0xD9, 0x65, 0x2B));
    pen.setWidthF(2.5);
    m_series->setPen(pen);
    m_series->setPointsVisible(true);
    m_timeAxis->setTickCount(3); // times are wide: three labels fit beside the list
    m_priceAxis->setLabelFormat("%.0f");
    m_priceAxis->setTickCount(5);
    m_priceAxis->setTruncateLabels(false);
    m_timeAxis->setTruncateLabels(false);
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_priceAxis, Qt::AlignLeft);
    m_series->attachAxis(m_timeAxis);
    m_series->attachAxis(m_priceAxis);
    setChart(chart);
    setMinimumHeight(fontMetrics().height() * 10);
    retranslateUi();
}

void PriceChart::setHistory(const QList<QPair<QDateTime, Won>>& points, Won startPrice,
                            const QDateTime& startsAt, const QDateTime& endsAt)
{
    QList<QPointF> line;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime first = startsAt.isValid() ? startsAt : (points.isEmpty() ? now : points.first().first);
    if (!points.isEmpty())
        first = std::min(first, points.first().first);
    const QDateTime last = endsAt.isValid() ? std::min(endsAt, now) : now;
    Won price = startPrice;
    line.append(QPointF(static_cast<qreal>(first.toMSecsSinceEpoch()), static_cast<qreal>(price)));
    for (const auto& [at, amount] : points) {
        const auto x = static_cast<qreal>(at.toMSecsSinceEpoch());
        // A step: the price holds until the bid, then jumps.
        line.append(QPointF(x, static_cast<qreal>(price)));
        price = amount;
        line.append(QPointF(x, static_cast<qreal>(price)));
    }
    const qint64 end = std::max(last.toMSecsSinceEpoch(), first.toMSecsSinceEpoch() + 60'000);
    line.append(QPointF(static_cast<qreal>(end), static_cast<qreal>(price)));
    m_series->replace(line);

    Won top = startPrice;
    for (const auto& point : points)
        top = std::max(top, point.second);
    const auto low = static_cast<qreal>(startPrice) * 0.9;
    const auto high = static_cast<qreal>(top) * 1.1 + 1.0;
    m_priceAxis->setRange(low, high);
    m_priceAxis->applyNiceNumbers(); // round steps: 180000, 200000, … rather than 199625
    const QDateTime from = first.toLocalTime();
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(end).toLocalTime();
    m_timeAxis->setRange(from, to);
    const qint64 spanSeconds = from.secsTo(to);
    m_timeAxis->setFormat(spanSeconds < 3600         ? QStringLiteral("HH:mm:ss")
                          : from.date() == to.date() ? QStringLiteral("HH:mm")
                                                     : QStringLiteral("MM-dd HH:mm"));
}

int PriceChart::pointCount() const
{
    return static_cast<int>(m_series->count());
}

void PriceChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QChartView::changeEvent(event);
}

void PriceChart::retranslateUi()
{
    // The unit in the title: an axis title would crowd the untruncated price labels.
    chart()->setTitle(tr("Price over time (won)"));
}

} // namespace nb::client
