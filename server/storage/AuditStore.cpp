#include "server/storage/AuditStore.h"

#include "server/storage/WalletStore.h"
#include "shared/protocol/WireEnums.h"

#include <string>

namespace nb::storage::audit {

namespace {

// CASE kind WHEN 'deposit' THEN amount * 1 … END, from the one table of movements, so the audit
// recomputes wallets with the same meaning of each kind that wrote them.
std::string signedSum(int (*sign)(LedgerKind))
{
    std::string sql = "sum(CASE kind";
    for (const LedgerKind kind :
         {LedgerKind::Deposit, LedgerKind::Withdraw, LedgerKind::Lock, LedgerKind::Unlock,
          LedgerKind::SettlePay, LedgerKind::SettleReceive, LedgerKind::BuyNowPay}) {
        sql += " WHEN '" + toWire(kind).toStdString() + "' THEN amount * " + std::to_string(sign(kind));
    }
    return sql + " END)";
}

QString str(const pqxx::field& f)
{
    return QString::fromStdString(f.c_str());
}

} // namespace

std::vector<Violation> walletsMatchLedger(pqxx::transaction_base& tx)
{
    const std::string sql = "SELECT w.user_id, w.balance, w.locked, COALESCE(l.b, 0), COALESCE(l.l, 0) "
                            "FROM wallets w LEFT JOIN (SELECT user_id, " +
                            signedSum(wallets::balanceSign) + " AS b, " + signedSum(wallets::lockedSign) +
                            " AS l FROM ledger_entries GROUP BY user_id) l USING (user_id) "
                            "WHERE w.balance <> COALESCE(l.b, 0) OR w.locked <> COALESCE(l.l, 0) ORDER BY 1";
    std::vector<Violation> out;
    for (const auto& r : tx.exec(sql)) {
        out.push_back(
            {1, QStringLiteral("wallet %1").arg(str(r[0])),
             QStringLiteral("balance %1 and locked %2, but the ledger sums to balance %3 and locked %4")
                 .arg(str(r[1]), str(r[2]), str(r[3]), str(r[4]))});
    }
    return out;
}

std::vector<Violation> lockedMatchesHolds(pqxx::transaction_base& tx)
{
    std::vector<Violation> out;
    for (const auto& r : tx.exec("SELECT w.user_id, w.locked, COALESCE(h.s, 0) FROM wallets w "
                                 "LEFT JOIN (SELECT user_id, sum(amount) AS s FROM holds GROUP BY user_id) h "
                                 "USING (user_id) WHERE w.locked <> COALESCE(h.s, 0) ORDER BY 1")) {
        out.push_back({2, QStringLiteral("wallet %1").arg(str(r[0])),
                       QStringLiteral("locked %1, but its open holds sum to %2").arg(str(r[1]), str(r[2]))});
    }
    return out;
}

std::vector<Violation> moneyIsConserved(pqxx::transaction_base& tx)
{
    const auto r =
        tx.exec1("SELECT (SELECT COALESCE(sum(balance + locked), 0) FROM wallets), "
                 "(SELECT COALESCE(sum(amount) FILTER (WHERE kind = 'deposit'), 0) - "
                 "        COALESCE(sum(amount) FILTER (WHERE kind = 'withdraw'), 0) FROM ledger_entries)");
    if (r[0].as<std::string>() == r[1].as<std::string>())
        return {};
    return {{3, QStringLiteral("all wallets"),
             QStringLiteral("wallets hold %1 in total, but deposits minus withdrawals are %2")
                 .arg(str(r[0]), str(r[1]))}};
}

std::vector<Violation> endedAuctionsSettled(pqxx::transaction_base& tx)
{
    std::vector<Violation> out;
    // With a winner: exactly one payment (settle_pay or buy_now_pay) by the winner and one
    // settle_receive by the seller, both of the final price; no hold left.
    for (const auto& r : tx.exec(
             "SELECT a.id, a.final_price, "
             "  count(*) FILTER (WHERE l.kind IN ('settle_pay', 'buy_now_pay') AND l.user_id = a.winner_id), "
             "  count(*) FILTER (WHERE l.kind = 'settle_receive' AND l.user_id = a.seller_id), "
             "  COALESCE(sum(l.amount) FILTER (WHERE l.kind IN ('settle_pay', 'buy_now_pay')), 0), "
             "  COALESCE(sum(l.amount) FILTER (WHERE l.kind = 'settle_receive'), 0), "
             "  EXISTS (SELECT 1 FROM holds h WHERE h.auction_id = a.id) "
             "FROM auctions a LEFT JOIN ledger_entries l ON l.auction_id = a.id "
             "  AND l.kind IN ('settle_pay', 'buy_now_pay', 'settle_receive') "
             "WHERE a.status = 'ended' AND a.winner_id IS NOT NULL GROUP BY a.id ORDER BY a.id")) {
        const bool ok = r[2].as<int>() == 1 && r[3].as<int>() == 1 && str(r[4]) == str(r[1]) &&
                        str(r[5]) == str(r[1]) && !r[6].as<bool>();
        if (!ok) {
            out.push_back(
                {4, QStringLiteral("auction %1").arg(str(r[0])),
                 QStringLiteral("final price %1: %2 payment(s) summing to %3, %4 receipt(s) summing to "
                                "%5, open hold: %6")
                     .arg(str(r[1]), str(r[2]), str(r[4]), str(r[3]), str(r[5]),
                          r[6].as<bool>() ? QStringLiteral("yes") : QStringLiteral("no"))});
        }
    }
    // Without a winner (unsold or cancelled): no settlement at all and no hold left.
    for (const auto& r :
         tx.exec("SELECT a.id FROM auctions a WHERE a.status IN ('ended', 'cancelled') AND a.winner_id IS "
                 "NULL AND "
                 "(EXISTS (SELECT 1 FROM holds h WHERE h.auction_id = a.id) OR EXISTS (SELECT 1 FROM "
                 "ledger_entries l "
                 " WHERE l.auction_id = a.id AND l.kind IN ('settle_pay', 'buy_now_pay', 'settle_receive'))) "
                 "ORDER BY a.id")) {
        out.push_back({4, QStringLiteral("auction %1").arg(str(r[0])),
                       QStringLiteral("ended without a winner but has a hold or a settlement entry")});
    }
    return out;
}

std::vector<Violation> holdsFollowLeaders(pqxx::transaction_base& tx)
{
    std::vector<Violation> out;
    for (const auto& r : tx.exec("SELECT h.auction_id, h.user_id, a.high_bidder_id, a.status, h.amount, "
                                 "a.current_price FROM holds h JOIN auctions a ON a.id = h.auction_id "
                                 "WHERE a.status <> 'active' OR a.high_bidder_id IS DISTINCT FROM h.user_id "
                                 "OR h.amount < a.current_price ORDER BY 1")) {
        out.push_back({2, QStringLiteral("auction %1").arg(str(r[0])),
                       QStringLiteral("hold of %1 by user %2 does not belong to the leader (%3) of an active "
                                      "auction at price %4 (status %5)")
                           .arg(str(r[4]), str(r[1]), r[2].is_null() ? QStringLiteral("none") : str(r[2]),
                                str(r[5]), str(r[3]))});
    }
    return out;
}

Totals totals(pqxx::transaction_base& tx)
{
    Totals t;
    const auto r = tx.exec1(
        "SELECT (SELECT count(*) FROM users), "
        "(SELECT count(*) FROM auctions WHERE status = 'scheduled'), "
        "(SELECT count(*) FROM auctions WHERE status = 'active'), "
        "(SELECT count(*) FROM auctions WHERE status = 'ended'), "
        "(SELECT count(*) FROM auctions WHERE status = 'cancelled'), (SELECT count(*) FROM bids), "
        "(SELECT COALESCE(sum(balance), 0) FROM wallets), (SELECT COALESCE(sum(locked), 0) FROM wallets), "
        "(SELECT COALESCE(sum(amount), 0) FROM ledger_entries WHERE kind = 'deposit'), "
        "(SELECT COALESCE(sum(amount), 0) FROM ledger_entries WHERE kind = 'withdraw'), "
        "(SELECT COALESCE(sum(final_price), 0) FROM auctions WHERE status = 'ended'), "
        "(SELECT count(*) FROM outbox)");
    t.users = r[0].as<qint64>();
    for (int i = 0; i < 4; ++i)
        t.auctionsByStatus[i] = r[1 + i].as<qint64>();
    t.bids = r[5].as<qint64>();
    t.balance = r[6].as<qint64>();
    t.locked = r[7].as<qint64>();
    t.deposits = r[8].as<qint64>();
    t.withdrawals = r[9].as<qint64>();
    t.settledVolume = r[10].as<qint64>();
    t.pendingOutbox = r[11].as<qint64>();
    return t;
}

} // namespace nb::storage::audit
