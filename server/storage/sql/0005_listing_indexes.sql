-- Listing pages in their full order, ties broken by id, straight from an index that stops at the
-- page's limit. Without the id the newest-first order had to sort every match whenever many
-- auctions share a creation time (all the auctions one transaction creates): 20-80 ms a page at
-- 10,000 active auctions. Each replaces an index it extends, so a write (and every bid, which moves
-- the row to a new version in every index) maintains no more indexes than before.
CREATE INDEX auctions_status_created_id_idx ON auctions (status, created_at DESC, id DESC);
DROP INDEX auctions_status_created_idx;
CREATE INDEX auctions_status_ends_id_idx ON auctions (status, ends_at, id);
DROP INDEX auctions_status_ends_idx;
