-- NeighborBid core schema: users, wallets and their ledger, auctions, bids, escrow holds,
-- notifications, idempotency keys and the event outbox.
-- Append-only: never edit a migration that has shipped; add the next number instead.

-- Times cross into C++ as milliseconds since the epoch (UTC).
CREATE FUNCTION epoch_ms(ts timestamptz) RETURNS bigint
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT (extract(epoch FROM ts) * 1000)::bigint $$;
CREATE FUNCTION from_epoch_ms(ms bigint) RETURNS timestamptz
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT timestamptz 'epoch' + ms * interval '1 millisecond' $$;

CREATE TABLE regions (
    id        bigint PRIMARY KEY,
    name      text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    parent_id bigint REFERENCES regions (id),
    depth     smallint NOT NULL CHECK (depth BETWEEN 1 AND 3),
    -- '/11/11680/1168010100/': a region's descendants are the rows whose path starts with its own.
    path      text NOT NULL UNIQUE,
    CHECK ((depth = 1) = (parent_id IS NULL))
);
CREATE INDEX regions_parent_idx ON regions (parent_id);
CREATE INDEX regions_path_idx ON regions (path text_pattern_ops);

CREATE TABLE categories (
    id      bigint PRIMARY KEY,
    slug    text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{1,40}$'),
    name    text NOT NULL,
    name_ko text NOT NULL
);

CREATE TABLE users (
    id            bigserial PRIMARY KEY,
    username      text NOT NULL UNIQUE CHECK (username ~ '^[A-Za-z0-9_.-]{3,32}$'),
    password_hash text NOT NULL,
    display_name  text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 50),
    region_id     bigint REFERENCES regions (id),
    is_admin      boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username_lower_idx ON users (lower(username));

CREATE TABLE sessions (
    token_hash  bytea PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE wallets (
    user_id    bigint PRIMARY KEY REFERENCES users (id),
    balance    bigint NOT NULL DEFAULT 0 CHECK (balance >= 0),
    locked     bigint NOT NULL DEFAULT 0 CHECK (locked >= 0),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE auctions (
    id                 bigserial PRIMARY KEY,
    seller_id          bigint NOT NULL REFERENCES users (id),
    title              text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    description        text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
    category_id        bigint NOT NULL REFERENCES categories (id),
    region_id          bigint NOT NULL REFERENCES regions (id),
    condition          text NOT NULL CHECK (condition IN ('new', 'like_new', 'good', 'fair', 'poor')),
    shipping_payer     text NOT NULL CHECK (shipping_payer IN ('seller', 'buyer')),
    is_national        boolean NOT NULL,
    status             text NOT NULL CHECK (status IN ('scheduled', 'active', 'ended', 'cancelled')),
    start_price        bigint NOT NULL CHECK (start_price > 0 AND start_price <= 1000000000000),
    bid_increment      bigint CHECK (bid_increment > 0 AND bid_increment <= 1000000000000),
    reserve_price      bigint CHECK (reserve_price > 0 AND reserve_price <= 1000000000000),
    buy_now_price      bigint CHECK (buy_now_price > start_price AND buy_now_price <= 1000000000000),
    current_price      bigint NOT NULL CHECK (current_price > 0),
    bid_count          integer NOT NULL DEFAULT 0 CHECK (bid_count >= 0),
    high_bidder_id     bigint REFERENCES users (id),
    high_max           bigint, -- the leader's committed maximum (its hold)
    watchers           integer NOT NULL DEFAULT 0 CHECK (watchers >= 0),
    starts_at          timestamptz NOT NULL,
    ends_at            timestamptz NOT NULL,
    soft_close_seconds integer NOT NULL DEFAULT 60 CHECK (soft_close_seconds BETWEEN 0 AND 3600),
    winner_id          bigint REFERENCES users (id),
    final_price        bigint,
    end_reason         text CHECK (end_reason IN ('time', 'buy_now', 'cancelled')),
    ended_at           timestamptz,
    seq                bigint NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at),
    CHECK (high_bidder_id IS NULL OR high_bidder_id <> seller_id),
    CHECK (winner_id IS NULL OR winner_id <> seller_id),
    CHECK ((status IN ('ended', 'cancelled')) = (end_reason IS NOT NULL))
);
-- Listings: active first by end time, by region and category; the scheduler's two scans.
CREATE INDEX auctions_status_ends_idx ON auctions (status, ends_at);
CREATE INDEX auctions_status_created_idx ON auctions (status, created_at DESC);
CREATE INDEX auctions_region_status_idx ON auctions (region_id, status, ends_at);
CREATE INDEX auctions_category_status_idx ON auctions (category_id, status, ends_at);
CREATE INDEX auctions_seller_idx ON auctions (seller_id, created_at DESC);
CREATE INDEX auctions_due_end_idx ON auctions (ends_at) WHERE status = 'active';
CREATE INDEX auctions_due_start_idx ON auctions (starts_at) WHERE status = 'scheduled';

-- One escrow hold per auction: the leader's committed amount. Invariant 2 of RULES.md says a
-- wallet's locked equals the sum of its holds.
CREATE TABLE holds (
    auction_id bigint PRIMARY KEY REFERENCES auctions (id),
    user_id    bigint NOT NULL REFERENCES users (id),
    amount     bigint NOT NULL CHECK (amount > 0)
);
CREATE INDEX holds_user_idx ON holds (user_id);

CREATE TABLE bids (
    id         bigserial PRIMARY KEY,
    auction_id bigint NOT NULL REFERENCES auctions (id),
    bidder_id  bigint NOT NULL REFERENCES users (id),
    amount     bigint NOT NULL CHECK (amount > 0),
    max_amount bigint CHECK (max_amount >= amount),
    is_proxy   boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX bids_auction_idx ON bids (auction_id, id DESC);
CREATE INDEX bids_bidder_idx ON bids (bidder_id, auction_id);

CREATE TABLE ledger_entries (
    id            bigserial PRIMARY KEY,
    user_id       bigint NOT NULL REFERENCES users (id),
    kind          text NOT NULL CHECK (kind IN ('deposit', 'withdraw', 'lock', 'unlock', 'settle_pay',
                                                'settle_receive', 'buy_now_pay')),
    amount        bigint NOT NULL CHECK (amount > 0),
    balance_after bigint NOT NULL CHECK (balance_after >= 0),
    locked_after  bigint NOT NULL CHECK (locked_after >= 0),
    auction_id    bigint REFERENCES auctions (id),
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_user_idx ON ledger_entries (user_id, id DESC);
CREATE INDEX ledger_auction_idx ON ledger_entries (auction_id) WHERE auction_id IS NOT NULL;

-- The winner's review of the seller, once per auction; a seller's reputation is their average.
CREATE TABLE reviews (
    auction_id  bigint PRIMARY KEY REFERENCES auctions (id),
    reviewer_id bigint NOT NULL REFERENCES users (id),
    seller_id   bigint NOT NULL REFERENCES users (id),
    rating      smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    text        text NOT NULL DEFAULT '' CHECK (length(text) <= 2000),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reviews_seller_idx ON reviews (seller_id);

CREATE TABLE notifications (
    id         bigserial PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES users (id),
    kind       text NOT NULL,
    auction_id bigint REFERENCES auctions (id),
    text       text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    read_at    timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;

-- A money-moving request's first answer, so that a repeated request_id moves nothing twice.
CREATE TABLE idempotency_keys (
    user_id    bigint NOT NULL REFERENCES users (id),
    request_id text NOT NULL CHECK (request_id ~ '^[A-Za-z0-9_-]{1,64}$'),
    operation  text NOT NULL,
    params     text NOT NULL,
    response   jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, request_id)
);

-- Every auction event, kept, for replay to a client that reconnects with since_seq.
CREATE TABLE auction_events (
    auction_id bigint NOT NULL REFERENCES auctions (id),
    seq        bigint NOT NULL CHECK (seq > 0),
    payload    jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (auction_id, seq)
);

-- Events written in the same transaction as the change, relayed after commit in id order and
-- deleted once handed on (transactional outbox).
CREATE TABLE outbox (
    id         bigserial PRIMARY KEY,
    auction_id bigint,
    user_id    bigint,
    payload    jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((auction_id IS NULL) <> (user_id IS NULL))
);
