-- One accepted bid, the same database work as BiddingService::placeBid (server/services/BiddingService.cpp,
-- statements of server/storage/PreparedStatements.cpp): the same statements in the same order,
-- taking the same row locks. pgbench sends them one round trip each; the server sends BEGIN with
-- its opening statement (server/storage/LazyBeginTransaction.h) and every write after its
-- decision, from the first wallet_apply to idempotency_complete, in one round trip
-- (server/storage/StatementBatch.h). The amount is the minimum next bid computed from the locked auction
-- row, so every transaction is accepted; a bidder drawn while leading raises its own bid (the
-- service's other accepted shape). Bench auctions carry no proxy maxima, so no proxy steps.
-- Like the server's, the transaction sends no NOTIFY: a server wakes its outbox relay in-process
-- after the commit. What the server does outside the database (one bid per auction at a time per
-- instance, refusing a bid its lane already knows to be too low) is not here; pgbench's clients
-- queue on the auction's row lock instead.
-- Needs -M prepared (values travel as parameters) and -D bidder_min/bidder_max/auction_min/
-- auction_max: see README.md. Colons inside string literals would read as variables, hence chr(58).
\set bidder random(:bidder_min, :bidder_max)
\set auction random(:auction_min, :auction_max)
-- auction_peek_for_bid, one statement outside any transaction: the committed row without a lock,
-- to refuse a certainly-too-low bid (never, here), and whether the request_id was used before.
-- The request_id is drawn here (a client makes it up before sending).
SELECT a.id, a.seller_id, a.title, a.status, a.is_national, a.start_price, a.bid_increment, a.reserve_price,
  a.buy_now_price, a.current_price, a.bid_count, a.high_bidder_id, a.high_max,
  epoch_ms(a.starts_at) AS starts_at_ms, epoch_ms(a.ends_at) AS ends_at_ms, a.soft_close_seconds, a.seq,
  epoch_ms(now()) AS now_ms, (SELECT u.display_name FROM users u WHERE u.id = a.high_bidder_id) AS high_bidder_name,
  EXISTS (SELECT 1 FROM idempotency_keys k WHERE k.user_id = :bidder AND k.request_id = r.rid) AS request_seen,
  r.rid
FROM auctions a, (SELECT 'pgb-' || gen_random_uuid() AS rid) r WHERE a.id = :auction \gset peek_
BEGIN;
-- auction_lock_for_bid: one statement claims the request_id, reads the bidder's display name,
-- locks the auction row (which also carries the leader's name) and draws the ids of the two bids a
-- decision may record, with the minimum next bid (shared/BidIncrement.cpp) computed from the
-- locked row
WITH claim AS (INSERT INTO idempotency_keys (user_id, request_id, operation, params)
               VALUES (:bidder, :peek_rid, 'bid', concat_ws(chr(58), :auction::bigint, 'next', 0))
               ON CONFLICT DO NOTHING RETURNING 1),
     a AS (SELECT id, seller_id, title, status, is_national, start_price, bid_increment, reserve_price, buy_now_price,
             current_price, bid_count, COALESCE(high_bidder_id, 0) AS prev, COALESCE(high_max, 0) AS prev_hold,
             epoch_ms(starts_at) AS starts_at_ms, epoch_ms(ends_at) AS ends_at_ms, soft_close_seconds, seq,
             epoch_ms(now()) AS now_ms,
             (SELECT u.display_name FROM users u WHERE u.id = high_bidder_id) AS high_bidder_name,
             COALESCE(bid_increment, 0) AS seller_inc,
             CASE WHEN bid_count = 0 THEN start_price
                  ELSE current_price + CASE WHEN bid_increment > 0 THEN bid_increment
                                            WHEN current_price < 10000 THEN 500
                                            WHEN current_price < 50000 THEN 1000
                                            WHEN current_price < 100000 THEN 2000
                                            WHEN current_price < 500000 THEN 5000
                                            WHEN current_price < 1000000 THEN 10000
                                            WHEN current_price < 5000000 THEN 50000
                                            ELSE 100000 END END AS amount
           FROM auctions WHERE id = :auction FOR UPDATE)
SELECT a.*, (SELECT display_name FROM users WHERE id = :bidder) AS display_name, EXISTS (SELECT 1 FROM claim) AS claimed,
  ARRAY(SELECT nextval('bids_id_seq') FROM generate_series(1, 2)) AS bid_ids
FROM (SELECT 1) AS one LEFT JOIN a ON true \gset
-- BidRules::decideBid for a bid at the minimum without a maximum: the bidder leads at amount.
\set raising case when :prev = :bidder then 1 else 0 end
\set leader_max case when :raising = 1 and :prev_hold > :amount then :prev_hold else :amount end
\set to_lock :leader_max - :raising * :prev_hold
\set neg_lock 0 - :to_lock
\set neg_hold 0 - :prev_hold
\set next_min :amount + case when :seller_inc > 0 then :seller_inc when :amount < 10000 then 500 when :amount < 50000 then 1000 when :amount < 100000 then 2000 when :amount < 500000 then 5000 when :amount < 1000000 then 10000 when :amount < 5000000 then 50000 else 100000 end
\set new_count :bid_count + 1
\set bid_seq :seq + 1
\set new_seq :bid_seq
\set new_ends :ends_at_ms
-- wallet_lock: the bidder and the previous leader, in ascending user id
SELECT user_id, balance, locked FROM wallets WHERE user_id = ANY(ARRAY[:bidder, :prev]::bigint[])
ORDER BY user_id FOR UPDATE;
-- wallet_apply: lock the bidder's commitment (the service skips it when nothing is newly locked,
-- which needs a maximum above the bid: bench bids have none, so a raise always locks more)
WITH w AS (UPDATE wallets SET balance = balance + :neg_lock, locked = locked + :to_lock, updated_at = now()
           WHERE user_id = :bidder RETURNING balance, locked)
INSERT INTO ledger_entries (user_id, kind, amount, balance_after, locked_after, auction_id)
SELECT :bidder, 'lock', :to_lock, w.balance, w.locked, :auction FROM w
RETURNING balance_after AS b_balance, locked_after AS b_locked \gset
\if :raising = 0 and :prev <> 0
-- wallet_apply: release the previous leader's hold
WITH w AS (UPDATE wallets SET balance = balance + :prev_hold, locked = locked + :neg_hold, updated_at = now()
           WHERE user_id = :prev RETURNING balance, locked)
INSERT INTO ledger_entries (user_id, kind, amount, balance_after, locked_after, auction_id)
SELECT :prev, 'unlock', :prev_hold, w.balance, w.locked, :auction FROM w
RETURNING balance_after AS p_balance, locked_after AS p_locked \gset
\endif
-- bid_insert, with the first id drawn (the bid's time is the transaction's, now_ms)
INSERT INTO bids (id, auction_id, bidder_id, amount, max_amount, is_proxy)
VALUES ((:bid_ids::bigint[])[1], :auction, :bidder, :amount, NULL, false);
-- auction_event_insert: the auction.bid event, in the replay log and the outbox
WITH p AS (SELECT jsonb_build_object('type', 'auction.bid', 'auction_id', :auction::bigint, 'seq', :bid_seq::bigint,
             'amount', :amount::bigint, 'current_price', :amount::bigint, 'bid_count', :new_count::int,
             'high_bidder', jsonb_build_object('id', :bidder::bigint, 'display_name', :display_name::text),
             'min_next_bid', :next_min::bigint,
             'ends_at', replace(to_char(from_epoch_ms(:ends_at_ms::bigint) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24!MI!SS.MS"Z"'), '!', chr(58)),
             'at', replace(to_char(from_epoch_ms(:now_ms::bigint) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24!MI!SS.MS"Z"'), '!', chr(58))) AS payload),
     e AS (INSERT INTO auction_events (auction_id, seq, payload) SELECT :auction, :bid_seq, payload FROM p)
INSERT INTO outbox (auction_id, payload) SELECT :auction, payload FROM p;
-- soft close: a bid in the last soft_close_seconds moves the end (never for bench auctions, which
-- end hours away, but part of the shape)
\if :soft_close_seconds > 0 and :ends_at_ms - :now_ms < :soft_close_seconds * 1000
\set new_ends :now_ms + :soft_close_seconds * 1000
\set new_seq :bid_seq + 1
WITH p AS (SELECT jsonb_build_object('type', 'auction.extended', 'auction_id', :auction::bigint, 'seq', :new_seq::bigint,
             'ends_at', replace(to_char(from_epoch_ms(:new_ends::bigint) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24!MI!SS.MS"Z"'), '!', chr(58))) AS payload),
     e AS (INSERT INTO auction_events (auction_id, seq, payload) SELECT :auction, :new_seq, payload FROM p)
INSERT INTO outbox (auction_id, payload) SELECT :auction, payload FROM p;
\endif
-- auction_update_after_bid: the new price and leader, and the leader's hold, in one statement
WITH h AS (INSERT INTO holds (auction_id, user_id, amount) VALUES (:auction, :bidder, :leader_max)
           ON CONFLICT (auction_id) DO UPDATE SET user_id = EXCLUDED.user_id, amount = EXCLUDED.amount)
UPDATE auctions SET current_price = :amount, bid_count = :new_count, high_bidder_id = :bidder, high_max = :leader_max,
  ends_at = from_epoch_ms(:new_ends), seq = :new_seq WHERE id = :auction;
-- user_event_insert: the bidder's wallet, then the previous leader's
INSERT INTO outbox (user_id, payload) VALUES (:bidder, jsonb_build_object('balance', :b_balance::bigint,
  'locked', :b_locked::bigint, 'total', :b_balance::bigint + :b_locked::bigint, 'type', 'wallet'));
\if :raising = 0 and :prev <> 0
INSERT INTO outbox (user_id, payload) VALUES (:prev, jsonb_build_object('balance', :p_balance::bigint,
  'locked', :p_locked::bigint, 'total', :p_balance::bigint + :p_locked::bigint, 'type', 'wallet'));
-- notification_insert_pushed: outbid, for the previous leader; the push gains the row's id
WITH n AS (INSERT INTO notifications (user_id, kind, auction_id, text)
           VALUES (:prev, 'outbid', :auction, format('You were outbid on "%s": the price is now %s won.', :title::text, :amount::bigint))
           RETURNING id, text)
INSERT INTO outbox (user_id, payload)
SELECT :prev, jsonb_build_object('kind', 'outbid', 'text', n.text,
  'at', replace(to_char(from_epoch_ms(:now_ms::bigint) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24!MI!SS.MS"Z"'), '!', chr(58)),
  'read', false, 'auction_id', :auction::bigint, 'type', 'notification') || jsonb_build_object('id', n.id) FROM n;
\endif
-- notification_insert_pushed: new_bid, for the seller
WITH n AS (INSERT INTO notifications (user_id, kind, auction_id, text)
           VALUES (:seller_id, 'new_bid', :auction, format('New bid on "%s": %s won.', :title::text, :amount::bigint))
           RETURNING id, text)
INSERT INTO outbox (user_id, payload)
SELECT :seller_id, jsonb_build_object('kind', 'new_bid', 'text', n.text,
  'at', replace(to_char(from_epoch_ms(:now_ms::bigint) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24!MI!SS.MS"Z"'), '!', chr(58)),
  'read', false, 'auction_id', :auction::bigint, 'type', 'notification') || jsonb_build_object('id', n.id) FROM n;
-- idempotency_complete: the first answer (BidResult)
UPDATE idempotency_keys SET response = jsonb_build_object('bid_id', (:bid_ids::bigint[])[1], 'auction_id', :auction::bigint,
  'accepted_amount', :amount::bigint, 'current_price', :amount::bigint, 'leading', true,
  'high_bidder_id', :bidder::bigint,
  'ends_at', replace(to_char(from_epoch_ms(:new_ends::bigint) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24!MI!SS.MS"Z"'), '!', chr(58)),
  'seq', :new_seq::bigint,
  'wallet', jsonb_build_object('balance', :b_balance::bigint, 'locked', :b_locked::bigint,
                               'total', :b_balance::bigint + :b_locked::bigint))
WHERE user_id = :bidder AND request_id = :peek_rid;
COMMIT;
