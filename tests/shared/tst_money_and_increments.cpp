#include "shared/BidIncrement.h"
#include "shared/Money.h"

#include <QTest>

#include <limits>
#include <optional>

using nb::Won;

Q_DECLARE_METATYPE(std::optional<Won>)

/// Money limits and the increment table of RULES.md ("Bidding").
class TestMoneyAndIncrements : public QObject {
    Q_OBJECT

private slots:
    void validAmountIsBetweenOneAndTenToTheTwelfth_data();
    void validAmountIsBetweenOneAndTenToTheTwelfth();
    void addCappedRefusesSumsPastTheMaximum();
    void incrementFollowsTheTableAtEveryBoundary_data();
    void incrementFollowsTheTableAtEveryBoundary();
    void sellerIncrementReplacesTheTable();
    void nonPositiveSellerIncrementFallsBackToTheTable();
    void minimumNextBidIsStartPriceBeforeTheFirstBid();
    void minimumNextBidIsCurrentPricePlusIncrementAfterABid_data();
    void minimumNextBidIsCurrentPricePlusIncrementAfterABid();
};

void TestMoneyAndIncrements::validAmountIsBetweenOneAndTenToTheTwelfth_data()
{
    QTest::addColumn<Won>("amount");
    QTest::addColumn<bool>("valid");
    QTest::newRow("-1") << Won{-1} << false;
    QTest::newRow("0") << Won{0} << false;
    QTest::newRow("1") << Won{1} << true;
    QTest::newRow("10^12") << Won{1'000'000'000'000} << true;
    QTest::newRow("10^12 + 1") << Won{1'000'000'000'001} << false;
    QTest::newRow("qint64 max") << std::numeric_limits<Won>::max() << false;
}

void TestMoneyAndIncrements::validAmountIsBetweenOneAndTenToTheTwelfth()
{
    QFETCH(Won, amount);
    QFETCH(bool, valid);
    QCOMPARE(nb::isValidAmount(amount), valid);
    QCOMPARE(nb::kMaxAmount, Won{1'000'000'000'000});
}

void TestMoneyAndIncrements::addCappedRefusesSumsPastTheMaximum()
{
    QCOMPARE(nb::addCapped(1'000, 2'000), Won{3'000});
    QCOMPARE(nb::addCapped(nb::kMaxAmount - 1, 1), nb::kMaxAmount);
    QCOMPARE(nb::addCapped(nb::kMaxAmount, 1), Won{-1});
    QCOMPARE(nb::addCapped(-1, 5), Won{-1});
    QCOMPARE(nb::addCapped(std::numeric_limits<Won>::max(), std::numeric_limits<Won>::max()), Won{-1});
}

void TestMoneyAndIncrements::incrementFollowsTheTableAtEveryBoundary_data()
{
    QTest::addColumn<Won>("currentPrice");
    QTest::addColumn<Won>("increment");
    // Each row of the table at its lowest and highest price.
    QTest::newRow("under 10,000: 1") << Won{1} << Won{500};
    QTest::newRow("under 10,000: 9,999") << Won{9'999} << Won{500};
    QTest::newRow("under 50,000: 10,000") << Won{10'000} << Won{1'000};
    QTest::newRow("under 50,000: 49,999") << Won{49'999} << Won{1'000};
    QTest::newRow("under 100,000: 50,000") << Won{50'000} << Won{2'000};
    QTest::newRow("under 100,000: 99,999") << Won{99'999} << Won{2'000};
    QTest::newRow("under 500,000: 100,000") << Won{100'000} << Won{5'000};
    QTest::newRow("under 500,000: 499,999") << Won{499'999} << Won{5'000};
    QTest::newRow("under 1,000,000: 500,000") << Won{500'000} << Won{10'000};
    QTest::newRow("under 1,000,000: 999,999") << Won{999'999} << Won{10'000};
    QTest::newRow("under 5,000,000: 1,000,000") << Won{1'000'000} << Won{50'000};
    QTest::newRow("under 5,000,000: 4,999,999") << Won{4'999'999} << Won{50'000};
    QTest::newRow("otherwise: 5,000,000") << Won{5'000'000} << Won{100'000};
    QTest::newRow("otherwise: 10^12") << nb::kMaxAmount << Won{100'000};
}

void TestMoneyAndIncrements::incrementFollowsTheTableAtEveryBoundary()
{
    QFETCH(Won, currentPrice);
    QFETCH(Won, increment);
    QCOMPARE(nb::bidIncrementFor(currentPrice), increment);
    QCOMPARE(nb::bidIncrementFor(currentPrice, std::nullopt), increment);
}

void TestMoneyAndIncrements::sellerIncrementReplacesTheTable()
{
    QCOMPARE(nb::bidIncrementFor(1'000, Won{3'000}), Won{3'000});
    QCOMPARE(nb::bidIncrementFor(5'000'000, Won{7}), Won{7});
    QCOMPARE(nb::minimumNextBid(10'000, 20'000, 3, Won{2'500}), Won{22'500});
}

void TestMoneyAndIncrements::nonPositiveSellerIncrementFallsBackToTheTable()
{
    QCOMPARE(nb::bidIncrementFor(1'000, Won{0}), Won{500});
    QCOMPARE(nb::bidIncrementFor(1'000, Won{-10}), Won{500});
}

void TestMoneyAndIncrements::minimumNextBidIsStartPriceBeforeTheFirstBid()
{
    // Before any bid the start price itself is acceptable, with or without a seller increment.
    QCOMPARE(nb::minimumNextBid(10'000, 10'000, 0), Won{10'000});
    QCOMPARE(nb::minimumNextBid(9'999, 9'999, 0, Won{5'000}), Won{9'999});
    QCOMPARE(nb::minimumNextBid(1, 1, 0), Won{1});
}

void TestMoneyAndIncrements::minimumNextBidIsCurrentPricePlusIncrementAfterABid_data()
{
    QTest::addColumn<Won>("startPrice");
    QTest::addColumn<Won>("currentPrice");
    QTest::addColumn<int>("bidCount");
    QTest::addColumn<std::optional<Won>>("sellerIncrement");
    QTest::addColumn<Won>("minimum");
    QTest::newRow("first bid at start 10,000")
        << Won{10'000} << Won{10'000} << 1 << std::optional<Won>{} << Won{11'000};
    QTest::newRow("9,999 uses 500") << Won{5'000} << Won{9'999} << 2 << std::optional<Won>{} << Won{10'499};
    QTest::newRow("4,999,999 uses 50,000")
        << Won{1'000} << Won{4'999'999} << 9 << std::optional<Won>{} << Won{5'049'999};
    QTest::newRow("5,000,000 uses 100,000")
        << Won{1'000} << Won{5'000'000} << 9 << std::optional<Won>{} << Won{5'100'000};
    QTest::newRow("seller increment 300")
        << Won{1'000} << Won{1'000} << 1 << std::optional<Won>{300} << Won{1'300};
}

void TestMoneyAndIncrements::minimumNextBidIsCurrentPricePlusIncrementAfterABid()
{
    QFETCH(Won, startPrice);
    QFETCH(Won, currentPrice);
    QFETCH(int, bidCount);
    QFETCH(std::optional<Won>, sellerIncrement);
    QFETCH(Won, minimum);
    QCOMPARE(nb::minimumNextBid(startPrice, currentPrice, bidCount, sellerIncrement), minimum);
}

// Not QTEST_APPLESS_MAIN: under clang -Wpedantic its expansion warns about an empty variadic argument.
int main(int argc, char** argv)
{
    TestMoneyAndIncrements test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_money_and_increments.moc"
