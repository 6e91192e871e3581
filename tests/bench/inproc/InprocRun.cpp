#include "tests/bench/inproc/InprocRun.h"

#include "server/services/BiddingService.h"
#include "server/storage/ConnectionPool.h"
#include "shared/BidIncrement.h"
#include "shared/TimeFormat.h"
#include "tests/bench/common/ServerProbe.h"
#include "tests/bench/inproc/InprocBidder.h"
#include "tests/bench/inproc/LeaderBoard.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <chrono>
#include <cmath>
#include <memory>
#include <optional>
#include <pqxx/pqxx>
#include <stdexcept>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace nb::bench {

namespace {

using Clock = std::chrono::steady_clock;

double rounded(double value, double scale)
{
    return std::round(value * scale) / scale;
}

// Opens every connection (each prepares all statements) before the clock starts.
void warmUp(storage::ConnectionPool& pool)
{
    std::vector<storage::ConnectionPool::Lease> leases;
    for (int i = 0; i < pool.size(); ++i)
        leases.push_back(pool.acquire());
}

// Every auction as it stands before the run: network bidders are primed the same way by the
// snapshots of their subscriptions.
QHash<qint64, LeaderBoard::State> readStates(storage::ConnectionPool& pool, const QList<BidAuction>& auctions)
{
    std::string ids = "{";
    for (const BidAuction& auction : auctions)
        ids += (ids.size() > 1 ? "," : "") + std::to_string(auction.id);
    ids += "}";
    auto lease = pool.acquire();
    pqxx::work tx(*lease);
    QHash<qint64, LeaderBoard::State> states;
    for (const auto& row : tx.exec_params("SELECT id, start_price, current_price, bid_count, bid_increment, "
                                          "high_bidder_id, seq FROM auctions WHERE id = ANY($1::bigint[])",
                                          ids)) {
        const std::optional<Won> increment =
            row[4].is_null() ? std::nullopt : std::optional<Won>(row[4].as<Won>());
        LeaderBoard::State state;
        state.seq = row[6].as<qint64>();
        state.leaderId = row[5].is_null() ? 0 : row[5].as<qint64>();
        state.minNextBid = minimumNextBid(row[1].as<Won>(), row[2].as<Won>(), row[3].as<int>(), increment);
        states.insert(row[0].as<qint64>(), state);
    }
    for (const BidAuction& auction : auctions) {
        if (!states.contains(auction.id))
            throw std::runtime_error("auction " + std::to_string(auction.id) +
                                     " of the auctions file is not in the database");
    }
    return states;
}

QJsonObject bidsSection(qint64 accepted, qint64 refused, double seconds)
{
    const auto perSecond = [&](qint64 n) { return rounded(static_cast<double>(n) / seconds, 10); };
    return QJsonObject{
        {QStringLiteral("accepted"), static_cast<double>(accepted)},
        {QStringLiteral("refused"), static_cast<double>(refused)},
        {QStringLiteral("accepted_per_s"), perSecond(accepted)},
        {QStringLiteral("refused_per_s"), perSecond(refused)},
        {QStringLiteral("decisions_per_s"), perSecond(accepted + refused)},
    };
}

BidderTally sumOf(const std::vector<std::unique_ptr<InprocBidder>>& loops)
{
    BidderTally total;
    for (const auto& loop : loops) {
        const BidderTally& t = loop->tally();
        total.accepted += t.accepted;
        total.refused += t.refused;
        total.unexpected += t.unexpected;
        total.ackMs.merge(t.ackMs);
        total.errors.merge(t.errors);
    }
    return total;
}

} // namespace

InprocRun::InprocRun(InprocOptions options)
    : m_options(std::move(options))
{}

QJsonObject InprocRun::run()
{
    const QList<Credential> bidders = readCredentials(m_options.biddersFile);
    const QList<BidAuction> auctions = readAuctions(m_options.auctionsFile);
    if (bidders.isEmpty() || auctions.isEmpty())
        throw std::runtime_error("the bidders and auctions files must each hold at least one line");

    storage::ConnectionPool pool(m_options.database.toStdString(), m_options.pool);
    // A server wakes its own relay in-process after each commit; without a handler every bid
    // would send a NOTIFY after committing, a cost the server does not pay. No relay runs here:
    // the events stay queued for the next server.
    pool.setOutboxCommittedHandler([] {});
    warmUp(pool);
    services::BiddingService bidding(pool);
    LeaderBoard board(readStates(pool, auctions));

    const auto loops = makeBidders(bidding, board, bidders, auctions);

    QList<qint64> pids{static_cast<qint64>(::getpid())};
    pids.append(m_options.extraPids);
    ServerProbe probe(pids);
    const QDateTime startedAt = QDateTime::currentDateTimeUtc();
    const auto start = Clock::now();
    const auto deadline = start + std::chrono::duration_cast<Clock::duration>(
                                      std::chrono::duration<double>(m_options.durationSeconds));
    probe.start();
    std::vector<std::thread> threads;
    for (const auto& loop : loops)
        threads.emplace_back([&loop, deadline] { loop->run(deadline); });
    for (auto& thread : threads)
        thread.join();
    probe.finish();
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();

    const BidderTally total = sumOf(loops);
    m_correct = total.unexpected == 0;

    return QJsonObject{
        {QStringLiteral("scenario"), QStringLiteral("inproc-") + m_options.modeName()},
        {QStringLiteral("started_at"), toWireTime(startedAt)},
        {QStringLiteral("duration_s"), rounded(seconds, 1000)},
        {QStringLiteral("params"), params(static_cast<int>(bidders.size()), auctions)},
        {QStringLiteral("bids"), bidsSection(total.accepted, total.refused, seconds)},
        {QStringLiteral("ack_ms"), total.ackMs.toJson()},
        {QStringLiteral("errors"), total.errors.toJson()},
        {QStringLiteral("server"), probe.toJson()},
    };
}

std::vector<std::unique_ptr<InprocBidder>> InprocRun::makeBidders(services::BiddingService& bidding,
                                                                  LeaderBoard& board,
                                                                  const QList<Credential>& bidders,
                                                                  const QList<BidAuction>& auctions) const
{
    // Request ids unique across runs on the same database: a reused id would be a replay.
    const QString runTag = QString::number(QRandomGenerator::system()->generate64(), 36);
    std::vector<std::unique_ptr<InprocBidder>> loops;
    for (int i = 0; i < m_options.threads; ++i) {
        // More threads than users: users are reused, and a user never outbids itself.
        InprocBidder::Setup setup;
        setup.bidder = bidders.at(i % bidders.size());
        setup.hot = m_options.mode == InprocOptions::Mode::Hot;
        setup.watch = m_options.watch;
        setup.requestPrefix = QStringLiteral("ip-%1-%2-").arg(runTag).arg(i);
        setup.seed = static_cast<unsigned>(i + 1);
        loops.push_back(std::make_unique<InprocBidder>(bidding, board, auctions, std::move(setup)));
    }
    return loops;
}

QJsonObject InprocRun::params(int bidders, const QList<BidAuction>& auctions) const
{
    const bool hot = m_options.mode == InprocOptions::Mode::Hot;
    return QJsonObject{
        {QStringLiteral("mode"), m_options.modeName()},
        {QStringLiteral("threads"), m_options.threads},
        {QStringLiteral("pool"), m_options.pool},
        {QStringLiteral("watch"), m_options.watch},
        {QStringLiteral("duration_s"), m_options.durationSeconds},
        {QStringLiteral("bidders"), bidders},
        {QStringLiteral("auctions"), hot ? 1 : static_cast<int>(auctions.size())},
        {QStringLiteral("first_auction"), static_cast<double>(auctions.first().id)},
    };
}

} // namespace nb::bench
