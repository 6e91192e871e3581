-- The marketplace around the auctions: watchlists, questions and answers, the 1:1 messages
-- between seller and winner, and listing images.

CREATE TABLE watchlist (
    user_id    bigint NOT NULL REFERENCES users (id),
    auction_id bigint NOT NULL REFERENCES auctions (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, auction_id)
);
CREATE INDEX watchlist_auction_idx ON watchlist (auction_id);

CREATE TABLE questions (
    id          bigserial PRIMARY KEY,
    auction_id  bigint NOT NULL REFERENCES auctions (id),
    asker_id    bigint NOT NULL REFERENCES users (id),
    text        text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
    answer      text CHECK (length(answer) BETWEEN 1 AND 1000),
    created_at  timestamptz NOT NULL DEFAULT now(),
    answered_at timestamptz,
    CHECK ((answer IS NULL) = (answered_at IS NULL))
);
CREATE INDEX questions_auction_idx ON questions (auction_id, id);

CREATE TABLE messages (
    id           bigserial PRIMARY KEY,
    auction_id   bigint NOT NULL REFERENCES auctions (id),
    sender_id    bigint NOT NULL REFERENCES users (id),
    recipient_id bigint NOT NULL REFERENCES users (id),
    text         text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (sender_id <> recipient_id)
);
CREATE INDEX messages_auction_idx ON messages (auction_id, id);

CREATE TABLE auction_images (
    auction_id   bigint NOT NULL REFERENCES auctions (id),
    idx          smallint NOT NULL CHECK (idx BETWEEN 0 AND 7),
    content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    bytes        bytea NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 5242880),
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (auction_id, idx)
);

-- Listings sorted by price within a status; the id breaks ties so that pages are stable.
CREATE INDEX auctions_status_price_idx ON auctions (status, current_price, id);

-- Listings search titles for a case-insensitive substring (lower(title) LIKE '%…%'), which only a
-- trigram index serves. pg_trgm ships with PostgreSQL's contrib and is a trusted extension, but a
-- server given with --database may lack contrib or the right to create it: the search then works
-- without the index.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX auctions_title_trgm_idx ON auctions USING gin (lower(title) gin_trgm_ops);
EXCEPTION
    WHEN undefined_file OR insufficient_privilege OR feature_not_supported THEN
        RAISE NOTICE 'pg_trgm is not available (%): title search runs without an index', SQLERRM;
END
$$;
