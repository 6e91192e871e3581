-- Listing pages in their full order, ties broken by id, read from an index that stops at the
-- page's limit instead of sorting every match:
-- - without the id, the newest-first order sorted every active auction whenever many share a
--   creation time (all those one transaction creates): 20-80 ms a page at 10,000 active auctions;
-- - a category, which half of the listings name, selects a tenth of the auctions, so reading it
--   off the status index in price or creation order skipped thousands of rows per page (3 ms);
--   only the end-time order had a category index.
-- Each of the first three replaces the index it extends; the category's price and newest orders
-- are two more for every write (and every bid, which gives the row a new version in each) to keep.
CREATE INDEX auctions_status_created_id_idx ON auctions (status, created_at DESC, id DESC);
DROP INDEX auctions_status_created_idx;
CREATE INDEX auctions_status_ends_id_idx ON auctions (status, ends_at, id);
DROP INDEX auctions_status_ends_idx;
CREATE INDEX auctions_category_ends_id_idx ON auctions (category_id, status, ends_at, id);
DROP INDEX auctions_category_status_idx;
CREATE INDEX auctions_category_price_idx ON auctions (category_id, status, current_price, id);
CREATE INDEX auctions_category_created_idx ON auctions (category_id, status, created_at DESC, id DESC);

-- Title search compares lower(title) with the search text. Computing lower() for every title it
-- tests cost 11-14 ms a search over 10,000 titles whenever the text was too short for the trigram
-- index (two letters, two Hangul syllables), and much of a search's time otherwise (the index's
-- matches are checked again). Stored with the row instead (each update of the row computes it again,
-- about a microsecond). The trigram index moves to the stored column where pg_trgm is available.
ALTER TABLE auctions ADD COLUMN title_lower text GENERATED ALWAYS AS (lower(title)) STORED;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        DROP INDEX IF EXISTS auctions_title_trgm_idx;
        CREATE INDEX auctions_title_lower_trgm_idx ON auctions USING gin (title_lower gin_trgm_ops);
    END IF;
END
$$;
