#include "server/storage/PreparedStatements.h"

#include "server/storage/AuctionSql.h"
#include "server/storage/OutboxStore.h"

#include <string>
#include <utility>

namespace nb::storage {

namespace {

// The columns AuctionStore::readRow expects, read under the row lock with the database clock (and the
// leader's name, which a bid that outbids them records in its events).
#define NB_AUCTION_ROW_COLUMNS                                                                               \
    "id, seller_id, title, status, is_national, start_price, bid_increment, reserve_price, buy_now_price, "  \
    "current_price, bid_count, high_bidder_id, high_max, epoch_ms(starts_at) AS starts_at_ms, "              \
    "epoch_ms(ends_at) AS ends_at_ms, soft_close_seconds, seq, epoch_ms(now()) AS now_ms, "                  \
    "(SELECT u.display_name FROM users u WHERE u.id = high_bidder_id) AS high_bidder_name "

// A question with its asker's name, read from `q` (the table or a CTE of its changed rows).
#define NB_QUESTION_SELECT                                                                                   \
    "SELECT q.id, q.auction_id, q.asker_id, u.display_name AS asker_name, q.text, "                          \
    "  epoch_ms(q.created_at) AS at_ms, q.answer, epoch_ms(q.answered_at) AS answered_at_ms "                \
    "FROM q JOIN users u ON u.id = q.asker_id "

#define NB_MESSAGE_SELECT                                                                                    \
    "SELECT m.id, m.auction_id, m.sender_id, u.display_name AS sender_name, m.recipient_id, m.text, "        \
    "  epoch_ms(m.created_at) AS at_ms FROM m JOIN users u ON u.id = m.sender_id "

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
    // A bid's first round trip: claims the request_id (user $2, request $3, operation $4,
    // params $5, as idempotency_claim does), reads the bidder's name and locks the auction row,
    // and draws, in order, the ids of the $6 bids it may record (so that its writes need no
    // answer). One row even without the auction, so that the claim's outcome is always read.
    {"auction_lock_for_bid",
     "WITH claim AS (INSERT INTO idempotency_keys (user_id, request_id, operation, params) "
     "               VALUES ($2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING 1), "
     "     a AS (SELECT " NB_AUCTION_ROW_COLUMNS "FROM auctions WHERE id = $1 FOR UPDATE) "
     "SELECT a.*, (SELECT display_name FROM users WHERE id = $2) AS bidder_name, "
     "       EXISTS (SELECT 1 FROM claim) AS claimed, "
     "       ARRAY(SELECT nextval('bids_id_seq') FROM generate_series(1, $6::int)) AS bid_ids "
     "FROM (SELECT 1) AS one LEFT JOIN a ON true"},
    // The committed state, read without the lock, and which of several bids' (user, request_id)
    // were used before: "user:request" strings (request ids hold no ':' or array syntax).
    {"auction_peek_for_bids",
     "SELECT " NB_AUCTION_ROW_COLUMNS ", ARRAY(SELECT k.user_id || ':' || k.request_id "
     "  FROM idempotency_keys k JOIN unnest($2::bigint[], $3::text[]) AS b(user_id, request_id) "
     "  ON k.user_id = b.user_id AND k.request_id = b.request_id) AS requests_seen "
     "FROM auctions WHERE id = $1"},
    {"auction_try_lock",
     "SELECT " NB_AUCTION_ROW_COLUMNS "FROM auctions WHERE id = $1 FOR UPDATE SKIP LOCKED"},
    {"auction_insert",
     "INSERT INTO auctions (seller_id, title, description, category_id, region_id, condition, "
     "shipping_payer, "
     "  is_national, status, start_price, bid_increment, reserve_price, buy_now_price, current_price, "
     "  starts_at, ends_at, soft_close_seconds) "
     "SELECT $1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN st <= now() THEN 'active' ELSE 'scheduled' END, "
     "  $9, $10, $11, $12, $9, st, from_epoch_ms($14), $15 "
     "FROM (SELECT COALESCE(from_epoch_ms($13), now()) AS st) t RETURNING id"},
    // The auction's new price and leader, and the leader's hold, in one statement.
    {"auction_update_after_bid",
     "WITH h AS (INSERT INTO holds (auction_id, user_id, amount) VALUES ($1, $4, $5) "
     "           ON CONFLICT (auction_id) DO UPDATE SET user_id = EXCLUDED.user_id, amount = "
     "EXCLUDED.amount) "
     "UPDATE auctions SET current_price = $2, bid_count = $3, high_bidder_id = $4, high_max = $5, "
     "  ends_at = from_epoch_ms($6), seq = $7 WHERE id = $1"},
    {"auction_mark_started", "UPDATE auctions SET status = 'active', seq = $2 WHERE id = $1"},
    {"auction_mark_ended",
     "UPDATE auctions SET status = $2, end_reason = $3, winner_id = $4, final_price = $5, seq = $6, "
     "  ended_at = now(), high_max = NULL, "
     // An auction closed or cancelled early ends now, as far as anyone looking at it can tell.
     "  ends_at = CASE WHEN now() > starts_at AND now() < ends_at THEN now() ELSE ends_at END WHERE id = $1"},
    {"auction_due_start", "SELECT id FROM auctions WHERE status = 'scheduled' AND starts_at <= now() "
                          "ORDER BY starts_at LIMIT $1"},
    {"auction_due_end", "SELECT id FROM auctions WHERE status = 'active' AND ends_at <= now() "
                        "ORDER BY ends_at LIMIT $1"},
    {"auction_detail", NB_AUCTION_SUMMARY_SELECT
     ", a.description, a.condition, a.shipping_payer, a.bid_increment, "
     "a.reserve_price, a.soft_close_seconds, a.winner_id, w.display_name AS winner_name, "
     "a.final_price, a.end_reason, a.seq, "
     "(SELECT string_agg(ai.idx::text, ',' ORDER BY ai.idx) FROM auction_images ai "
     " WHERE ai.auction_id = a.id) AS image_indexes " NB_AUCTION_SUMMARY_JOINS
     "LEFT JOIN users w ON w.id = a.winner_id WHERE a.id = $1"},
    {"auction_list_by_status", NB_AUCTION_SUMMARY_SELECT NB_AUCTION_SUMMARY_JOINS
     "WHERE ($1::text IS NULL OR a.status = $1) ORDER BY a.id DESC LIMIT $2"},
    // With an id drawn when the bid opened (auction_lock_for_bid).
    {"bid_insert", "INSERT INTO bids (id, auction_id, bidder_id, amount, max_amount, is_proxy) "
                   "VALUES ($1, $2, $3, $4, $5, $6)"},
    {"hold_get", "SELECT user_id, amount FROM holds WHERE auction_id = $1"},
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
    // A notification and its push ($5, which gains the id the row is given) in one statement.
    {"notification_insert_pushed",
     "WITH n AS (INSERT INTO notifications (user_id, kind, auction_id, text) VALUES ($1, $2, $3, $4) "
     "           RETURNING id) "
     "INSERT INTO outbox (user_id, payload) SELECT $1, $5::jsonb || jsonb_build_object('id', n.id) FROM n"},
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
    // One relay at a time keeps the hand-off in id order across instances. Its commit does not
    // wait for the disk (see OutboxStore.h takeBatch): set_config(…, true) is SET LOCAL.
    {"outbox_try_lock", "SELECT pg_try_advisory_xact_lock(7203841, 1), "
                        "set_config('synchronous_commit', 'off', true)"},
    {"outbox_take", "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox ORDER BY id LIMIT $1) "
                    "RETURNING id, auction_id, user_id, payload::text"},
    {"auction_events_since", "SELECT payload::text FROM auction_events WHERE auction_id = $1 AND seq > $2 "
                             "ORDER BY seq LIMIT $3"},

    // Listings (the search itself is composed at run time: ListingStore.cpp).
    {"listing_bid_count",
     "SELECT (SELECT count(*) FROM bids WHERE auction_id = $1) FROM auctions WHERE id = $1"},
    {"listing_bid_page", "SELECT b.id, b.amount, b.bidder_id, u.display_name AS bidder_name, "
                         "  epoch_ms(b.created_at) AS at_ms FROM bids b JOIN users u ON u.id = b.bidder_id "
                         "WHERE b.auction_id = $1 ORDER BY b.id DESC LIMIT $2 OFFSET $3"},
    {"listing_my_bids_count", "SELECT count(DISTINCT auction_id) FROM bids WHERE bidder_id = $1"},
    // The page of the user's auctions is chosen on bids alone, then summarised.
    {"listing_my_bids",
     "WITH mine AS (SELECT auction_id, max(COALESCE(max_amount, amount)) AS my_max, max(id) AS last_bid "
     "              FROM bids WHERE bidder_id = $1 GROUP BY auction_id "
     "              ORDER BY last_bid DESC LIMIT $2 OFFSET $3) " NB_AUCTION_SUMMARY_SELECT
     ", mine.my_max " NB_AUCTION_SUMMARY_JOINS
     "JOIN mine ON mine.auction_id = a.id ORDER BY mine.last_bid DESC"},
    {"listing_my_auctions_count", "SELECT count(*) FROM auctions WHERE seller_id = $1"},
    {"listing_my_auctions", NB_AUCTION_SUMMARY_SELECT NB_AUCTION_SUMMARY_JOINS
     "WHERE a.seller_id = $1 ORDER BY a.created_at DESC, a.id DESC LIMIT $2 OFFSET $3"},
    {"listing_watchlist_count", "SELECT count(*) FROM watchlist WHERE user_id = $1"},
    {"listing_watchlist", NB_AUCTION_SUMMARY_SELECT NB_AUCTION_SUMMARY_JOINS
     "JOIN watchlist wl ON wl.auction_id = a.id AND wl.user_id = $1 "
     "ORDER BY wl.created_at DESC, a.id DESC LIMIT $2 OFFSET $3"},
    {"region_list", "SELECT id, name, parent_id, depth FROM regions ORDER BY path"},
    {"category_list", "SELECT id, slug, name, name_ko FROM categories ORDER BY id"},

    // Watching, questions, messages and reviews.
    {"community_auction", "SELECT seller_id, title, status, winner_id FROM auctions WHERE id = $1"},
    {"watch_lock_auction", "SELECT 1 FROM auctions WHERE id = $1 FOR NO KEY UPDATE"},
    {"watch_add", "WITH ins AS (INSERT INTO watchlist (user_id, auction_id) VALUES ($1, $2) "
                  "             ON CONFLICT DO NOTHING RETURNING 1) "
                  "UPDATE auctions SET watchers = watchers + 1 WHERE id = $2 AND EXISTS (SELECT 1 FROM ins) "
                  "RETURNING watchers"},
    {"watch_remove",
     "WITH del AS (DELETE FROM watchlist WHERE user_id = $1 AND auction_id = $2 RETURNING 1) "
     "UPDATE auctions SET watchers = watchers - 1 WHERE id = $2 AND EXISTS (SELECT 1 FROM del) "
     "RETURNING watchers"},
    {"question_list",
     "WITH q AS (SELECT * FROM questions WHERE auction_id = $1) " NB_QUESTION_SELECT "ORDER BY q.id"},
    {"question_get", "WITH q AS (SELECT * FROM questions WHERE id = $1) " NB_QUESTION_SELECT},
    {"question_insert", "WITH q AS (INSERT INTO questions (auction_id, asker_id, text) VALUES ($1, $2, $3) "
                        "           RETURNING *) " NB_QUESTION_SELECT},
    {"question_answer", "WITH q AS (UPDATE questions SET answer = $2, answered_at = now() "
                        "           WHERE id = $1 AND answer IS NULL RETURNING *) " NB_QUESTION_SELECT},
    {"message_list",
     "WITH m AS (SELECT * FROM messages WHERE auction_id = $1) " NB_MESSAGE_SELECT "ORDER BY m.id"},
    {"message_insert", "WITH m AS (INSERT INTO messages (auction_id, sender_id, recipient_id, text) "
                       "           VALUES ($1, $2, $3, $4) RETURNING *) " NB_MESSAGE_SELECT},
    {"review_insert",
     "WITH r AS (INSERT INTO reviews (auction_id, reviewer_id, seller_id, rating, text) VALUES ($1, $2, $3, "
     "$4, $5) "
     "           ON CONFLICT (auction_id) DO NOTHING RETURNING *) "
     "SELECT r.auction_id, r.reviewer_id, u.display_name AS reviewer_name, r.seller_id, r.rating, r.text, "
     "  epoch_ms(r.created_at) AS at_ms FROM r JOIN users u ON u.id = r.reviewer_id"},

    // Notifications and images.
    {"notification_list",
     "SELECT id, kind, auction_id, text, epoch_ms(created_at) AS created_at_ms, "
     "  read_at IS NOT NULL AS read FROM notifications "
     "WHERE user_id = $1 AND (NOT $2::boolean OR read_at IS NULL) ORDER BY id DESC LIMIT $3"},
    {"notification_unread_count",
     "SELECT count(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL"},
    {"notification_mark_read", "UPDATE notifications SET read_at = now() "
                               "WHERE user_id = $1 AND id = ANY($2::bigint[]) AND read_at IS NULL"},
    {"notification_mark_all_read",
     "UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL"},
    {"image_upload_target",
     "SELECT seller_id, status, ends_at <= now() AS past_end FROM auctions WHERE id = $1 FOR NO KEY UPDATE"},
    // Its own statement, after the lock: in READ COMMITTED it then sees the images of the
    // uploads that held the lock before (a subquery of the locking statement would not).
    {"image_count", "SELECT count(*)::int FROM auction_images WHERE auction_id = $1"},
    {"image_insert",
     "INSERT INTO auction_images (auction_id, idx, content_type, bytes) VALUES ($1, $2, $3, $4)"},
    {"image_get", "SELECT content_type, bytes FROM auction_images WHERE auction_id = $1 AND idx = $2"},
};

#undef NB_QUESTION_SELECT
#undef NB_MESSAGE_SELECT
#undef NB_AUCTION_ROW_COLUMNS

} // namespace

void prepareStatements(pqxx::connection& conn)
{
    for (const auto& [name, sql] : kStatements)
        conn.prepare(name, sql);
}

} // namespace nb::storage
