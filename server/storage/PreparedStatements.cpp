#include "server/storage/PreparedStatements.h"

#include "server/storage/OutboxStore.h"

#include <string>
#include <utility>

namespace nb::storage {

namespace {

// The columns AuctionStore::readRow expects, read under the row lock with the database clock.
#define NB_AUCTION_ROW_COLUMNS                                                                               \
    "id, seller_id, title, status, is_national, start_price, bid_increment, reserve_price, buy_now_price, "   \
    "current_price, bid_count, high_bidder_id, high_max, epoch_ms(starts_at) AS starts_at_ms, "               \
    "epoch_ms(ends_at) AS ends_at_ms, soft_close_seconds, seq, epoch_ms(now()) AS now_ms "

// What a summary shows, with the seller's name and reputation, the category and the region.
#define NB_AUCTION_SUMMARY_SELECT                                                                            \
    "SELECT a.id, a.title, a.seller_id, s.display_name AS seller_name, "                                     \
    "  COALESCE(rep.avg, 0)::float8 AS seller_reputation, COALESCE(rep.n, 0)::int AS seller_reviews, "        \
    "  c.slug AS category, a.region_id, r.name AS region_name, a.is_national, a.status, a.start_price, "       \
    "  a.current_price, a.bid_count, a.watchers, a.high_bidder_id, a.buy_now_price, "                         \
    "  epoch_ms(a.starts_at) AS starts_at_ms, epoch_ms(a.ends_at) AS ends_at_ms "

#define NB_AUCTION_SUMMARY_JOINS                                                                             \
    "FROM auctions a JOIN users s ON s.id = a.seller_id JOIN categories c ON c.id = a.category_id "           \
    "JOIN regions r ON r.id = a.region_id "                                                                   \
    "LEFT JOIN LATERAL (SELECT avg(rating) AS avg, count(*) AS n FROM reviews WHERE seller_id = a.seller_id) "  \
    "rep ON true "

const std::pair<const char*, const char*> kStatements[] = {
    {"db_now", "SELECT epoch_ms(now())"},

    // Wallets and the ledger.
    {"wallet_create", "INSERT INTO wallets (user_id) VALUES ($1)"},
    {"wallet_lock", "SELECT user_id, balance, locked FROM wallets WHERE user_id = ANY($1::bigint[]) "
                    "ORDER BY user_id FOR UPDATE"},
    {"wallet_read", "SELECT balance, locked FROM wallets WHERE user_id = $1"},
    {"wallet_apply",
     "WITH w AS (UPDATE wallets SET balance = balance + $2, locked = locked + $3, updated_at = now() "
     "           WHERE user_id = $1 RETURNING balance, locked) "
     "INSERT INTO ledger_entries (user_id, kind, amount, balance_after, locked_after, auction_id) "
     "SELECT $1, $4, $5, w.balance, w.locked, $6 FROM w RETURNING balance_after, locked_after"},
    {"ledger_page", "SELECT id, kind, amount, balance_after, locked_after, auction_id, epoch_ms(created_at) "
                    "FROM ledger_entries WHERE user_id = $1 ORDER BY id DESC LIMIT $2 OFFSET $3"},
    {"ledger_count", "SELECT count(*) FROM ledger_entries WHERE user_id = $1"},

    // Auctions.
    {"auction_lock", "SELECT " NB_AUCTION_ROW_COLUMNS "FROM auctions WHERE id = $1 FOR UPDATE"},
    {"auction_try_lock", "SELECT " NB_AUCTION_ROW_COLUMNS "FROM auctions WHERE id = $1 FOR UPDATE SKIP LOCKED"},
    {"auction_insert",
     "INSERT INTO auctions (seller_id, title, description, category_id, region_id, condition, shipping_payer, "
     "  is_national, status, start_price, bid_increment, reserve_price, buy_now_price, current_price, "
     "  starts_at, ends_at, soft_close_seconds) "
     "SELECT $1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN st <= now() THEN 'active' ELSE 'scheduled' END, "
     "  $9, $10, $11, $12, $9, st, from_epoch_ms($14), $15 "
     "FROM (SELECT COALESCE(from_epoch_ms($13), now()) AS st) t RETURNING id"},
    {"auction_update_price",
     "UPDATE auctions SET current_price = $2, bid_count = $3, high_bidder_id = $4, high_max = $5, "
     "  ends_at = from_epoch_ms($6), seq = $7 WHERE id = $1"},
    {"auction_mark_started", "UPDATE auctions SET status = 'active', seq = $2 WHERE id = $1"},
    {"auction_mark_ended",
     "UPDATE auctions SET status = $2, end_reason = $3, winner_id = $4, final_price = $5, seq = $6, "
     "  ended_at = now(), high_max = NULL WHERE id = $1"},
    {"auction_due_start", "SELECT id FROM auctions WHERE status = 'scheduled' AND starts_at <= now() "
                          "ORDER BY starts_at LIMIT $1"},
    {"auction_due_end", "SELECT id FROM auctions WHERE status = 'active' AND ends_at <= now() "
                        "ORDER BY ends_at LIMIT $1"},
    {"auction_detail",
     NB_AUCTION_SUMMARY_SELECT ", a.description, a.condition, a.shipping_payer, a.bid_increment, "
                               "a.reserve_price, a.soft_close_seconds, a.winner_id, w.display_name AS winner_name, "
                               "a.final_price, a.end_reason, a.seq " NB_AUCTION_SUMMARY_JOINS
                               "LEFT JOIN users w ON w.id = a.winner_id WHERE a.id = $1"},
    {"auction_list_by_status", NB_AUCTION_SUMMARY_SELECT NB_AUCTION_SUMMARY_JOINS
     "WHERE ($1::text IS NULL OR a.status = $1) ORDER BY a.id DESC LIMIT $2"},
    {"bid_insert", "INSERT INTO bids (auction_id, bidder_id, amount, max_amount, is_proxy) "
                   "VALUES ($1, $2, $3, $4, $5) RETURNING id, epoch_ms(created_at)"},
    {"hold_get", "SELECT user_id, amount FROM holds WHERE auction_id = $1"},
    {"hold_put", "INSERT INTO holds (auction_id, user_id, amount) VALUES ($1, $2, $3) "
                 "ON CONFLICT (auction_id) DO UPDATE SET user_id = EXCLUDED.user_id, amount = EXCLUDED.amount"},
    {"hold_drop", "DELETE FROM holds WHERE auction_id = $1"},

    // Users, sessions and reference data.
    {"user_insert", "INSERT INTO users (username, password_hash, display_name, region_id, is_admin) "
                    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id"},
    {"user_by_id", "SELECT u.id, u.username, u.display_name, u.region_id, u.is_admin, "
                   "  epoch_ms(u.created_at) AS created_at_ms, COALESCE(rep.avg, 0)::float8 AS reputation, "
                   "  COALESCE(rep.n, 0)::int AS review_count FROM users u "
                   "LEFT JOIN LATERAL (SELECT avg(rating) AS avg, count(*) AS n FROM reviews "
                   "                   WHERE seller_id = u.id) rep ON true WHERE u.id = $1"},
    {"user_id_by_name", "SELECT id FROM users WHERE lower(username) = lower($1)"},
    {"user_credentials", "SELECT id, password_hash FROM users WHERE lower(username) = lower($1)"},
    {"user_display_name", "SELECT display_name FROM users WHERE id = $1"},
    {"session_insert", "INSERT INTO sessions (token_hash, user_id, expires_at) "
                       "VALUES ($1, $2, now() + $3 * interval '1 day')"},
    {"session_user", "SELECT user_id FROM sessions WHERE token_hash = $1 AND revoked_at IS NULL "
                     "AND expires_at > now()"},
    {"session_revoke", "UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL "
                       "RETURNING user_id"},
    {"region_exists", "SELECT 1 FROM regions WHERE id = $1"},
    {"category_by_slug", "SELECT id FROM categories WHERE slug = $1"},

    // Notifications, idempotency and events.
    {"notification_insert", "INSERT INTO notifications (user_id, kind, auction_id, text) "
                            "VALUES ($1, $2, $3, $4) RETURNING id, epoch_ms(created_at)"},
    {"idempotency_claim", "INSERT INTO idempotency_keys (user_id, request_id, operation, params) "
                          "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1"},
    {"idempotency_get", "SELECT operation, params, response FROM idempotency_keys "
                        "WHERE user_id = $1 AND request_id = $2"},
    {"idempotency_complete", "UPDATE idempotency_keys SET response = $3::jsonb "
                             "WHERE user_id = $1 AND request_id = $2"},
    {"auction_event_insert",
     "WITH e AS (INSERT INTO auction_events (auction_id, seq, payload) VALUES ($1, $2, $3::jsonb)) "
     "INSERT INTO outbox (auction_id, payload) VALUES ($1, $3::jsonb)"},
    {"user_event_insert", "INSERT INTO outbox (user_id, payload) VALUES ($1, $2::jsonb)"},
    {"outbox_notify", "SELECT pg_notify($1, '')"},
    // One relay at a time keeps the hand-off in id order across instances.
    {"outbox_try_lock", "SELECT pg_try_advisory_xact_lock(7203841, 1)"},
    {"outbox_take", "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox ORDER BY id LIMIT $1) "
                    "RETURNING id, auction_id, user_id, payload::text"},
    {"auction_events_since", "SELECT payload::text FROM auction_events WHERE auction_id = $1 AND seq > $2 "
                             "ORDER BY seq LIMIT $3"},
};

#undef NB_AUCTION_ROW_COLUMNS
#undef NB_AUCTION_SUMMARY_SELECT
#undef NB_AUCTION_SUMMARY_JOINS

} // namespace

void prepareStatements(pqxx::connection& conn)
{
    for (const auto& [name, sql] : kStatements)
        conn.prepare(name, sql);
}

} // namespace nb::storage
